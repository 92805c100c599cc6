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

describe('a long-running window', () => {
  it('keeps its count right after dropping thousands of old entries', () => {
    const window = new SlidingWindow(1000);
    for (let t = 0; t < 3000; t++) window.add(t, 1);
    expect(window.used(2999)).toBe(1000);
    window.add(2999, 5);
    expect(window.used(3500)).toBe(504); // t = 2501…2999, and the 5
    expect(window.used(4000)).toBe(0);
    window.add(4000, 2);
    expect(window.used(4000)).toBe(2);
  });
});
