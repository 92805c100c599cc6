/**
 * A search that waits until typing pauses, so a picker asks the app once per word rather than once per key (each
 * ask is an invocation, and Forge bills them). A call superseded before it ran answers an empty list, which the
 * select drops: it keeps only the answer to the latest input.
 */
export function debounceSearch<T>(search: (query: string) => Promise<T[]>, waitMs: number): (query: string) => Promise<T[]> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let superseded: ((items: T[]) => void) | undefined;
  return (query) =>
    new Promise<T[]>((resolve, reject) => {
      clearTimeout(timer);
      superseded?.([]);
      superseded = resolve;
      timer = setTimeout(() => {
        superseded = undefined;
        search(query).then(resolve, reject);
      }, waitMs);
    });
}
