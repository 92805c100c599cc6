import { describe, expect, it } from 'vitest';
import { mostInWindow, percentile, spreadOf } from './stats';

describe('percentile', () => {
  it('is the nearest-rank value, whatever the input order', () => {
    const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100];
    expect([percentile(values, 0), percentile(values, 0.5), percentile(values, 0.95), percentile(values, 1)]).toEqual([10, 50, 100, 100]);
  });
  it('is NaN for no figures and refuses a q outside [0, 1]', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(() => percentile([1], 1.5)).toThrow('q must be between 0 and 1 (got 1.5)');
  });
});

describe('spreadOf', () => {
  it('gives the count, p50, p95, p99 and the largest', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(spreadOf(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});

describe('mostInWindow', () => {
  it('counts the most weight within any window, a window being shorter than its length', () => {
    const events = [
      { at: 0, count: 50 },
      { at: 30_000, count: 50 },
      { at: 59_999, count: 10 },
      { at: 60_000, count: 40 },
    ];
    expect(mostInWindow(events, 60_000)).toEqual(110);
  });
});
