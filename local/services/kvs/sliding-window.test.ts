import { describe, expect, it } from 'vitest';
import { SlidingWindow, unitsFor } from './rate-limits';

describe('rate limit units', () => {
  it('rounds request sizes up to 10 KB units, one at least', () => {
    expect([0, 1, 10_000, 10_001, 65_000, 70_000].map(unitsFor)).toEqual([1, 1, 1, 2, 7, 7]);
  });

  it('counts what was added in the last span, up to its end', () => {
    const window = new SlidingWindow(1000);
    window.add(0, 3);
    window.add(500, 2);
    expect(window.used(999)).toBe(5);
    expect(window.used(1000)).toBe(2);
    expect(window.used(1500)).toBe(0);
  });
});
