import Lozenge from '@atlaskit/lozenge';
import type { FieldDefinition } from '../../../src/contract/fields';
import { lozengeAppearance } from './lozenge-appearance';

/** An option of a status, priority or list field as Jira shows such values: a lozenge. */
export function OptionLozenge({ field, optionId, label }: { field: FieldDefinition; optionId: number; label: string }) {
  return (
    <Lozenge appearance={lozengeAppearance(field, optionId)} isBold={field.type === 'status'}>
      {label}
    </Lozenge>
  );
}
