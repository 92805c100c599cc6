import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../../shared/api-error';

export type PolledState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `stale`: the last refresh failed; the data shown is from before. */
  | { status: 'ready'; data: T; stale: ApiError | null };

/**
 * Loads now, then again every `intervalMs` while the page is visible (not while its tab is hidden: a resolver call
 * each time costs function time), and at once when it becomes visible again. A failed refresh keeps what was shown.
 */
export function usePolled<T>(load: () => Promise<T>, intervalMs: number): PolledState<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<PolledState<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const run = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++run.current;
    try {
      const data = await loadRef.current();
      if (mine === run.current) setState({ status: 'ready', data, stale: null });
    } catch (thrown) {
      if (mine !== run.current) return;
      const error = toApiError(thrown);
      setState((previous) => (previous.status === 'ready' ? { ...previous, stale: error } : { status: 'error', error }));
    }
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (timer === undefined) timer = setInterval(() => void reload(), intervalMs);
    };
    const stop = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') return stop();
      void reload();
      start();
    };
    void reload();
    if (document.visibilityState !== 'hidden') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      run.current++;
    };
  }, [intervalMs, reload]);

  return { ...state, reload };
}
