import { useState } from 'react';
import type { FieldDefinition, FieldError, ValueMap } from '../../../src/contract/fields';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';
import { fromDraft, sameDraft, sameRaw, toDraft, type Draft } from './field-draft';
import { matchFieldErrors } from './field-errors';

export type SaveResult = { saved: number } | null;

export interface FieldEditor {
  values: ValueMap;
  drafts: Record<string, Draft>;
  /** Inline errors, by field id. */
  errors: Record<string, string>;
  failure: ApiError | null;
  /** Refused values the failure names that match no field on the page. */
  unmatched: readonly FieldError[];
  result: SaveResult;
  saving: boolean;
  setDraft: (fieldId: string, draft: Draft) => void;
  save: () => Promise<void>;
}

function draftsOf(fields: readonly FieldDefinition[], values: ValueMap): Record<string, Draft> {
  return Object.fromEntries(fields.map((field) => [String(field.id), toDraft(field, values[String(field.id)])]));
}

/**
 * The editor's state: the saved values, what each input holds, and the last save's outcome.
 * `save()` sends one `values/update` with only the fields whose value really changed.
 */
export function useFieldEditor(projectId: string, fields: readonly FieldDefinition[], initial: ValueMap): FieldEditor {
  const [values, setValues] = useState<ValueMap>(initial);
  const [drafts, setDrafts] = useState(() => draftsOf(fields, initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [unmatched, setUnmatched] = useState<readonly FieldError[]>([]);
  const [result, setResult] = useState<SaveResult>(null);
  const [saving, setSaving] = useState(false);

  const setDraft = (fieldId: string, draft: Draft) => {
    setDrafts((current) => ({ ...current, [fieldId]: draft }));
    setResult(null);
  };

  const save = async () => {
    const changes: ValueMap = {};
    const invalid: Record<string, string> = {};
    for (const field of fields) {
      const id = String(field.id);
      const draft = drafts[id] ?? toDraft(field, undefined);
      if (sameDraft(draft, toDraft(field, values[id]))) continue;
      const parsed = fromDraft(field, draft);
      if (!parsed.ok) invalid[id] = parsed.message;
      else if (!sameRaw(parsed.raw, values[id])) changes[id] = parsed.raw;
    }
    setErrors(invalid);
    setFailure(null);
    setUnmatched([]);
    setResult(null);
    if (Object.keys(invalid).length > 0) return;
    if (Object.keys(changes).length === 0) {
      setResult({ saved: 0 });
      return;
    }

    setSaving(true);
    try {
      const answer = await call('values/update', { projectId, values: changes });
      // The answer holds every stored value of the project (an empty one is absent), so it replaces ours.
      const next = { ...changes, ...answer.values };
      setValues(next);
      setDrafts(draftsOf(fields, next));
      setResult({ saved: answer.changed.length });
    } catch (thrown) {
      const error = toApiError(thrown);
      const matched = matchFieldErrors(fields, error.fields);
      setErrors(matched.byId);
      setUnmatched(matched.unmatched);
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return { values, drafts, errors, failure, unmatched, result, saving, setDraft, save };
}
