import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { toApiError, type ApiError } from './api-error';

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

export type AsyncResult<T> = AsyncState<T> & { reload: () => void };

/**
 * Runs `load` when `deps` change (or on `reload()`), tracking loading / error / data.
 * Answers of superseded runs are dropped, so a slow first call never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncResult<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
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

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
