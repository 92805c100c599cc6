import { Stack } from '@atlaskit/primitives';
import type { FieldDefinition, ValueMap } from '../../../src/contract/fields';
import { DetailItem, DetailList } from './detail-list';
import { groupFields } from './field-groups';
import { FieldSection } from './field-section';
import type { Names } from './names';
import { ReadOnlyValue } from './read-only-value';

/** The fields as read-only values, in the same sections as the editor: for users who may not change them. */
export function ReadOnlyFields({ fields, values, names }: { fields: readonly FieldDefinition[]; values: ValueMap; names: Names }) {
  return (
    <Stack space="space.400" testId="read-only-fields">
      {groupFields(fields).map((group) => (
        <FieldSection key={group.key} group={group}>
          <DetailList>
            {group.fields.map((field) => (
              <DetailItem
                key={field.id}
                term={field.name}
                help={field.description}
                testId={`field-${field.id}`}
                valueTestId={`read-only-value-${field.id}`}
              >
                <ReadOnlyValue field={field} raw={values[String(field.id)]} names={names} />
              </DetailItem>
            ))}
          </DetailList>
        </FieldSection>
      ))}
    </Stack>
  );
}
