import { describe, expect, it } from 'vitest';
import { drawLag, MAX_QUERY_LAG_MS, readQueryLag } from './query-lag';

describe('the queryLagMs option', () => {
  it('reads a figure or a range, and 0 as off', () => {
    expect(readQueryLag(undefined)).toBeUndefined();
    expect(readQueryLag(0)).toBeUndefined();
    expect(readQueryLag({ min: 0, max: 0 })).toBeUndefined();
    expect(readQueryLag(250)).toEqual({ min: 250, max: 250 });
    expect(readQueryLag({ min: 0, max: 2000 })).toEqual({ min: 0, max: 2000 });
    expect(readQueryLag(MAX_QUERY_LAG_MS)).toEqual({ min: MAX_QUERY_LAG_MS, max: MAX_QUERY_LAG_MS });
  });

  it('refuses a lag that cannot be meant, naming the field', () => {
    expect(() => readQueryLag(-1)).toThrow('queryLagMs: must be a number ≥ 0 (got -1)');
    expect(() => readQueryLag(Number.NaN)).toThrow('queryLagMs: must be a number ≥ 0 (got NaN)');
    expect(() => readQueryLag({ min: 500, max: 100 })).toThrow('queryLagMs.max: must be a number ≥ min (got 100)');
    expect(() => readQueryLag({ min: -5, max: 100 })).toThrow('queryLagMs.min: must be a number ≥ 0 (got -5)');
    expect(() => readQueryLag(MAX_QUERY_LAG_MS + 1, '--query-lag-ms')).toThrow('--query-lag-ms: must be at most 60000 ms (got 60001)');
  });

  it('draws a lag evenly within the range', () => {
    expect(drawLag({ min: 100, max: 300 }, () => 0)).toEqual(100);
    expect(drawLag({ min: 100, max: 300 }, () => 0.25)).toEqual(150);
    expect(drawLag({ min: 100, max: 300 }, () => 1)).toEqual(300);
    expect(drawLag({ min: 40, max: 40 }, () => 0.7)).toEqual(40);
  });
});
