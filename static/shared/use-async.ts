import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { toApiError, type ApiError } from './api-error';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

export type AsyncResult<T> = AsyncState<T> & { reload: () => void };

/**
 * Runs `load` when `deps` change (or on `reload()`), tracking loading / error / data.
 * Answers of superseded runs are dropped, so a slow first call never overwrites a newer one.
 * A `reload()` after data arrived keeps showing that data until the new answer replaces it
 * (so a list refreshed after an edit does not flash a spinner).
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncResult<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reloading = useRef(false);

  useEffect(() => {
    let current = true;
    const keep = reloading.current;
    reloading.current = false;
    setState((previous) => (keep && previous.status === 'ready' ? previous : { status: 'loading' }));
    load().then(
      (data) => {
        if (current) setState({ status: 'ready', data });
      },
      (thrown: unknown) => {
        if (current) setState({ status: 'error', error: toApiError(thrown) });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render and is meant to change with `deps`,
    // so it is deliberately not a dependency itself.
  }, [...deps, attempt]);

  const reload = useCallback(() => {
    reloading.current = true;
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload };
}
