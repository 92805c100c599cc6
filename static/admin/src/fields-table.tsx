import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { OPTION_TYPES, type FieldDefinition } from '../../../src/contract/fields';
import { FIELD_TYPE_LABELS } from './field-type-labels';

export type FieldAction = 'edit' | 'options' | 'archive' | 'restore' | 'delete';

export interface FieldsTableProps {
  fields: FieldDefinition[];
  systemFields: FieldDefinition[];
  onAction: (field: FieldDefinition, action: FieldAction) => void;
}

const head = {
  cells: [
    { key: 'name', content: 'Name' },
    { key: 'type', content: 'Type' },
    { key: 'options', content: 'Options' },
    { key: 'state', content: 'State' },
    { key: 'actions', content: 'Actions' },
  ],
};

function Options({ field }: { field: FieldDefinition }) {
  const options = field.options ?? [];
  if (options.length === 0) return <Text color="color.text.subtlest">—</Text>;
  return (
    <Inline space="space.050" shouldWrap>
      {options.map((option) => (
        <Lozenge key={option.id} appearance={option.disabled ? 'default' : 'inprogress'}>
          {option.disabled ? `${option.name} (disabled)` : option.name}
        </Lozenge>
      ))}
    </Inline>
  );
}

function NameCell({ field }: { field: FieldDefinition }) {
  return (
    <Stack space="space.025">
      <Text weight="medium" testId={`field-name-${field.id}`}>
        {field.name}
      </Text>
      {field.description ? (
        <Text size="small" color="color.text.subtle">
          {field.description}
        </Text>
      ) : null}
      <Text size="small" color="color.text.subtlest">{`Id ${field.id}`}</Text>
    </Stack>
  );
}

function Actions({ field, onAction }: { field: FieldDefinition; onAction: FieldsTableProps['onAction'] }) {
  const act = (action: FieldAction, label: string, appearance: 'default' | 'subtle' = 'subtle') => (
    <Button
      appearance={appearance}
      onClick={() => onAction(field, action)}
      testId={`field-${action}-${field.id}`}
      aria-label={`${label} ${field.name}`}
    >
      {label}
    </Button>
  );
  return (
    <Inline space="space.050" shouldWrap>
      {act('edit', 'Edit')}
      {OPTION_TYPES.includes(field.type) ? act('options', 'Options') : null}
      {field.archived ? act('restore', 'Restore') : act('archive', 'Archive')}
      {act('delete', 'Delete')}
    </Inline>
  );
}

/** The catalogue, then Jira's own project attributes, which Projectrak reads and receivers get, but no one edits here. */
export function FieldsTable({ fields, systemFields, onAction }: FieldsTableProps) {
  const rows = [
    ...fields.map((field) => ({
      key: `field-${field.id}`,
      testId: `field-row-${field.id}`,
      cells: [
        { key: 'name', content: <NameCell field={field} /> },
        { key: 'type', content: FIELD_TYPE_LABELS[field.type] },
        { key: 'options', content: <Options field={field} /> },
        { key: 'state', content: field.archived ? <Lozenge appearance="moved">Archived</Lozenge> : <Lozenge appearance="success">Active</Lozenge> },
        { key: 'actions', content: <Actions field={field} onAction={onAction} /> },
      ],
    })),
    ...systemFields.map((field) => ({
      key: `system-${field.id}`,
      testId: `field-row-${field.id}`,
      cells: [
        { key: 'name', content: <NameCell field={field} /> },
        { key: 'type', content: FIELD_TYPE_LABELS[field.type] },
        { key: 'options', content: <Text color="color.text.subtlest">From Jira</Text> },
        { key: 'state', content: <Lozenge>System field</Lozenge> },
        { key: 'actions', content: <Text color="color.text.subtle">Read only: change it in Jira</Text> },
      ],
    })),
  ];
  return <DynamicTable head={head} rows={rows} testId="fields-table" label="Fields" />;
}
