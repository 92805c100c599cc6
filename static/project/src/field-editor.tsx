import { Box, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { FieldDefinition, ValueMap } from '../../../src/contract/fields';
import { ErrorBanner } from '../../shared/error-banner';
import { Panel } from '../../shared/panel';
import { FieldRow } from './field-row';
import type { Lookups } from './lookups';
import { SaveBar } from './save-bar';
import { useFieldEditor } from './use-field-editor';

export interface FieldEditorProps {
  projectId: string;
  canEdit: boolean;
  fields: readonly FieldDefinition[];
  values: ValueMap;
  lookups: Lookups;
}

/** Every project field as a row; editors change them and save them together, read-only users see text. */
export function FieldEditor({ projectId, canEdit, fields, values: initial, lookups }: FieldEditorProps) {
  const editor = useFieldEditor(projectId, fields, initial);

  if (fields.length === 0) {
    return (
      <Panel title="Project fields" testId="field-editor">
        <Text testId="no-fields">No fields yet. A Jira administrator can add them on the Projectrak admin page.</Text>
      </Panel>
    );
  }

  return (
    <Panel title="Project fields" testId="field-editor">
      {lookups.problem ? (
        <SectionMessage appearance="warning" title="Some names could not be loaded" testId="lookup-warning">
          <Text as="p">{lookups.problem.message} People and projects are shown by their id.</Text>
        </SectionMessage>
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void editor.save();
        }}
      >
        <Stack space="space.200">
          <Box>
            {fields.map((field) => {
              const id = String(field.id);
              const draft = editor.drafts[id];
              return (
                <FieldRow
                  key={id}
                  field={field}
                  value={editor.values[id]}
                  lookups={lookups}
                  edit={canEdit && draft !== undefined ? { draft, onChange: (next) => editor.setDraft(id, next), disabled: editor.saving } : null}
                  error={editor.errors[id]}
                />
              );
            })}
          </Box>
          {editor.failure ? (
            <ErrorBanner error={editor.failure} title="Could not save">
              {editor.unmatched.map((entry) => (
                <Text as="p" key={`${entry.field}-${entry.code}`}>
                  {entry.field}: {entry.message}
                </Text>
              ))}
            </ErrorBanner>
          ) : null}
          {canEdit ? <SaveBar saving={editor.saving} result={editor.result} /> : null}
        </Stack>
      </form>
    </Panel>
  );
}
