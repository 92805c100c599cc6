import { useEffect, useState } from 'react';
import type { FieldDefinition, FieldError, ValueMap } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';
import { fromDraft, sameDraft, sameRaw, toDraft, type Draft } from './field-draft';
import { matchFieldErrors } from './field-errors';
import { focusField } from './field-ids';
import { withNames, type Names } from './names';
import type { Pick } from './picks';

export type SaveOutcome = { saved: number } | null;

/** The element focus moves to when a save is refused for no field in particular. */
export const SUMMARY_ID = 'save-error-summary';

export interface FieldEditor {
  values: ValueMap;
  drafts: Record<string, Draft>;
  names: Names;
  /** Inline errors, by field id. */
  errors: Record<string, string>;
  failure: ApiError | null;
  /** Refused values the failure names that match no field on the page. */
  unmatched: readonly FieldError[];
  outcome: SaveOutcome;
  saving: boolean;
  /** Ids of the fields whose input differs from what is stored. */
  changed: string[];
  setDraft: (fieldId: string, draft: Draft) => void;
  remember: (picks: readonly Pick[]) => void;
  discard: () => void;
  save: () => Promise<void>;
}

const draftsOf = (fields: readonly FieldDefinition[], values: ValueMap): Record<string, Draft> =>
  Object.fromEntries(fields.map((field) => [String(field.id), toDraft(field, values[String(field.id)])]));

/**
 * The editor's state: the stored values, what each input holds, and the last save's outcome. `fields` come in page
 * order, so a refused save moves focus to the first refused field the user meets. `save()` sends one `values/update`
 * with only the fields whose value really changed; inputs stay usable meanwhile, and an edit made while a save runs
 * is kept.
 */
export function useFieldEditor(
  projectId: string,
  fields: readonly FieldDefinition[],
  initial: ValueMap,
  initialNames: Names,
  onSaved: (changedCount: number) => void = () => undefined,
): FieldEditor {
  const [values, setValues] = useState<ValueMap>(initial);
  const [drafts, setDrafts] = useState(() => draftsOf(fields, initial));
  const [names, setNames] = useState(initialNames);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [unmatched, setUnmatched] = useState<readonly FieldError[]>([]);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const [saving, setSaving] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ fieldId: string | null } | null>(null);

  // After the refused save has rendered its messages, so the field is announced with its error.
  useEffect(() => {
    if (!focusRequest) return;
    if (focusRequest.fieldId === null || !focusField(focusRequest.fieldId)) document.getElementById(SUMMARY_ID)?.focus();
  }, [focusRequest]);

  const changed = fields.map((f) => String(f.id)).filter((id, i) => !sameDraft(drafts[id] ?? '', toDraft(fields[i]!, values[id])));

  const setDraft = (fieldId: string, draft: Draft) => {
    setDrafts((current) => ({ ...current, [fieldId]: draft }));
    setErrors(({ [fieldId]: _fixed, ...others }) => others);
    setOutcome(null);
  };

  const refuse = (byId: Record<string, string>, error: ApiError | null, others: readonly FieldError[] = []) => {
    setErrors(byId);
    setFailure(error);
    setUnmatched(others);
    const first = fields.map((f) => String(f.id)).find((id) => byId[id] !== undefined);
    setFocusRequest({ fieldId: first ?? null });
  };

  const save = async () => {
    if (saving) return;
    const sent = { ...drafts };
    const changes: ValueMap = {};
    const invalid: Record<string, string> = {};
    for (const field of fields) {
      const id = String(field.id);
      const draft = sent[id] ?? toDraft(field, undefined);
      if (sameDraft(draft, toDraft(field, values[id]))) continue;
      const parsed = fromDraft(field, draft);
      if (!parsed.ok) invalid[id] = parsed.message;
      else if (!sameRaw(parsed.raw, values[id])) changes[id] = parsed.raw;
    }
    setOutcome(null);
    if (Object.keys(invalid).length > 0) return refuse(invalid, null);
    setErrors({});
    setFailure(null);
    setUnmatched([]);
    if (Object.keys(changes).length === 0) return setOutcome({ saved: 0 });

    setSaving(true);
    try {
      const answer = await call('values/update', { projectId, values: changes });
      // The answer holds every stored value of the project (an empty one is absent), so it replaces ours.
      const next: ValueMap = { ...Object.fromEntries(Object.keys(changes).map((id) => [id, null])), ...answer.values };
      setValues(next);
      setDrafts((current) => {
        const stored = draftsOf(fields, next);
        // An input edited while the save ran keeps the newer edit.
        return Object.fromEntries(Object.keys(stored).map((id) => [id, sameDraft(current[id] ?? '', sent[id] ?? '') ? stored[id]! : current[id]!]));
      });
      setOutcome({ saved: answer.changed.length });
      if (answer.changed.length > 0) onSaved(answer.changed.length);
    } catch (thrown) {
      const error = toApiError(thrown);
      const matched = matchFieldErrors(fields, error.fields);
      refuse(matched.byId, error, matched.unmatched);
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setDrafts(draftsOf(fields, values));
    setErrors({});
    setFailure(null);
    setUnmatched([]);
    setOutcome(null);
  };

  const remember = (picks: readonly Pick[]) =>
    setNames((current) => withNames(current, { people: picks.flatMap((p) => p.person ?? []), projects: picks.flatMap((p) => p.project ?? []) }));

  return { values, drafts, names, errors, failure, unmatched, outcome, saving, changed, setDraft, remember, discard, save };
}
