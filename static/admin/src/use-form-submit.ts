import { useState, type FormEvent } from 'react';
import { toApiError } from '../../shared/api-error';
import { adminMessage } from './admin-text';
import { serverErrors } from './server-errors';

export interface FormSubmit {
  /** Refusals by input key (`name`, `headers.1`), in an admin's words. */
  errors: Record<string, string>;
  /** What belongs to no input, for the form's one message. */
  failure: string | null;
  busy: boolean;
  /** Checks with `check` first; if it finds nothing, runs `work`, and shows what Projectrak refuses. */
  submit: (event: FormEvent, check: () => Record<string, string>, work: () => Promise<void>) => Promise<void>;
}

/**
 * A dialog form's submit: checked on the page first, then by Projectrak. Each refusal is shown once, under its input
 * or else in the form's message, and focus goes to the first refused input (`keys` in the form's order; `controlOf`
 * names the element of a key).
 */
export function useFormSubmit(keys: readonly string[], controlOf: (key: string) => string): FormSubmit {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const focusFirst = (found: Record<string, string>) => {
    const refused = Object.keys(found);
    for (const key of keys) {
      const hit = refused.find((k) => k === key || k.startsWith(`${key}.`));
      if (hit) return document.getElementById(controlOf(hit))?.focus();
    }
    return undefined;
  };

  const submit = async (event: FormEvent, check: () => Record<string, string>, work: () => Promise<void>) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return focusFirst(found);
    setBusy(true);
    try {
      await work();
    } catch (thrown) {
      const error = toApiError(thrown);
      const { byField, rest } = serverErrors(error, keys);
      setErrors(byField);
      setFailure(Object.keys(byField).length > 0 && rest.length === 0 ? null : rest.join(' ') || adminMessage(error));
      setBusy(false);
      focusFirst(byField);
    }
  };

  return { errors, failure, busy, submit };
}
