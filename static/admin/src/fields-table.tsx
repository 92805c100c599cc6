import '../../shared/controls.css';
import { Text } from '@atlaskit/primitives';
import type { FieldDefinition } from '../../../src/contract/fields';
import { FIELD_TYPE_LABELS } from './field-type-labels';

function optionsSummary(field: FieldDefinition): string {
  const options = field.options ?? [];
  if (options.length === 0) return '—';
  const names = options.map((option) => (option.disabled ? `${option.name} (disabled)` : option.name));
  return `${options.length} option${options.length === 1 ? '' : 's'}: ${names.join(', ')}`;
}

/** Every field the app offers projects: name (and description), type, id and options. */
export function FieldsTable({ fields }: { fields: readonly FieldDefinition[] }) {
  if (fields.length === 0) return <Text testId="fields-empty">No fields yet.</Text>;
  return (
    <table className="pr-table" data-testid="fields-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Id</th>
          <th scope="col">Options</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.id} data-testid={`field-row-${field.id}`}>
            <td>
              <Text weight="medium">{field.name}</Text>
              {field.description ? (
                <Text as="p" size="small" color="color.text.subtle">
                  {field.description}
                </Text>
              ) : null}
            </td>
            <td>{FIELD_TYPE_LABELS[field.type]}</td>
            <td>
              <code>{field.id}</code>
            </td>
            <td>{optionsSummary(field)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
