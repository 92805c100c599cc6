import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from './api-error';

/** A form's submit: busy while the call runs, and the error it answered with, if any. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const run = async (event: FormEvent, work: () => Promise<void>) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}
