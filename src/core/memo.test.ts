import { describe, expect, it } from 'vitest';
import { memoByKey } from './memo';

describe('memoByKey', () => {
  it('makes each key once, and forgets everything once it holds `max` keys', () => {
    const made: string[] = [];
    const upper = memoByKey(2, (key: string) => {
      made.push(key);
      return key.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('b'), upper('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(made).toEqual(['a', 'b']);
    expect(upper('c')).toBe('C');
    expect(upper('a')).toBe('A');
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
