import { Stack } from '@atlaskit/primitives';
import { lazy, Suspense, useRef, useState } from 'react';
import type { FieldDefinition, ValueMap } from '../../../src/contract/fields';
import { ErrorSummary } from './error-summary';
import { groupFields, pageOrder } from './field-groups';
import { FieldRow } from './field-row';
import { FieldSection } from './field-section';
import type { Names } from './names';
import { SaveBar } from './save-bar';
import { useFieldEditor } from './use-field-editor';
import { useLeaveWarning } from './use-leave-warning';

// Not on screen until asked for: loaded then (docs/project-page.md, "Page weight").
const DiscardDialog = lazy(() => import('./discard-dialog'));
const SavedFlag = lazy(() => import('./saved-flag'));

export interface EditFormProps {
  projectId: string;
  fields: readonly FieldDefinition[];
  values: ValueMap;
  names: Names;
}

/** Every field in its section with the editor for its type, saved together from the sticky save bar. */
export function EditForm({ projectId, fields, values, names }: EditFormProps) {
  const ordered = pageOrder(fields);
  const [flag, setFlag] = useState<number | null>(null);
  const editor = useFieldEditor(projectId, ordered, values, names, setFlag);
  const [discarding, setDiscarding] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  useLeaveWarning(editor.changed.length > 0);

  return (
    <form
      noValidate
      aria-label="Project fields"
      onSubmit={(event) => {
        event.preventDefault();
        void editor.save();
      }}
    >
      <Stack space="space.400">
        {groupFields(fields).map((group) => (
          <FieldSection key={group.key} group={group}>
            {group.fields.map((field) => {
              const id = String(field.id);
              return (
                <FieldRow
                  key={id}
                  field={field}
                  stored={editor.values[id]}
                  draft={editor.drafts[id] ?? ''}
                  names={editor.names}
                  error={editor.errors[id]}
                  onChange={(draft) => editor.setDraft(id, draft)}
                  onPicked={editor.remember}
                />
              );
            })}
          </FieldSection>
        ))}
        <SaveBar
          changedCount={editor.changed.length}
          saving={editor.saving}
          outcome={editor.outcome}
          saveRef={saveRef}
          discardRef={discardRef}
          onDiscard={() => {
            returnFocusTo.current = discardRef.current;
            setDiscarding(true);
          }}
          summary={<ErrorSummary fields={ordered} errors={editor.errors} failure={editor.failure} unmatched={editor.unmatched} />}
        />
      </Stack>
      <Suspense fallback={null}>
        {discarding ? (
          <DiscardDialog
            count={editor.changed.length}
            returnFocusTo={returnFocusTo}
            onClose={() => setDiscarding(false)}
            onDiscard={() => {
              // The Discard button leaves with the changes: focus goes to Save instead.
              returnFocusTo.current = saveRef.current;
              editor.discard();
              setDiscarding(false);
            }}
          />
        ) : null}
        {flag !== null ? <SavedFlag count={flag} onDismissed={() => setFlag(null)} /> : null}
      </Suspense>
    </form>
  );
}
