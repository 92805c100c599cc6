import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounceSearch } from './debounce-search';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('debounceSearch', () => {
  it('asks once for the last query after the pause, and answers superseded calls with nothing', async () => {
    const asked: string[] = [];
    const search = debounceSearch((query) => {
      asked.push(query);
      return Promise.resolve([`${query}!`]);
    }, 250);
    const first = search('p');
    const second = search('pa');
    const third = search('pat');
    await vi.advanceTimersByTimeAsync(250);
    expect(await Promise.all([first, second, third])).toEqual([[], [], ['pat!']]);
    expect(asked).toEqual(['pat']);
  });

  it('passes a failed search on to its caller', async () => {
    const search = debounceSearch(() => Promise.reject(new Error('offline')), 10);
    const result = search('x').catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(10);
    expect(await result).toBe('offline');
  });
});
