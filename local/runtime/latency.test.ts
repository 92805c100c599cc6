import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseLatencyRange, platformLatency } from './latency';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('platformLatency', () => {
  it('makes the call after part of a latency drawn in the range and answers after the rest', async () => {
    // First draw: where in 10–30 ms (0.5 → 20 ms); second: how much of it before the call (0.25 → 5 ms).
    const draws = [0.5, 0.25];
    const withLatency = platformLatency({ min: 10, max: 30 }, () => draws.shift() ?? 0);
    const events: string[] = [];
    const answered = withLatency(() => {
      events.push(`called at ${Date.now() - start}`);
      return 'answer';
    }).then((value) => events.push(`${value} at ${Date.now() - start}`));
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(4);
    expect(events).toEqual([]);
    await vi.advanceTimersByTimeAsync(30);
    await answered;
    expect(events).toEqual(['called at 5', 'answer at 20']);
  });

  it('without a range, calls at once', async () => {
    const value = await platformLatency(undefined)(() => 42);
    expect(value).toBe(42);
  });

  it('refuses a range that cannot be meant, naming the field', () => {
    expect(() => platformLatency({ min: 5, max: 1 })).toThrow('platformLatencyMs.max: must be a number ≥ min (got 1)');
    expect(() => platformLatency({ min: -1, max: 1 })).toThrow('platformLatencyMs.min: must be a number ≥ 0 (got -1)');
  });
});

describe('parseLatencyRange', () => {
  it('reads MIN-MAX or a single figure, and names the flag when it cannot', () => {
    expect([parseLatencyRange('1-15', '--latency'), parseLatencyRange('5', '--latency')]).toEqual([
      { min: 1, max: 15 },
      { min: 5, max: 5 },
    ]);
    expect(() => parseLatencyRange('fast', '--latency')).toThrow("--latency: expected MIN-MAX in milliseconds, e.g. 1-15 (got 'fast')");
    expect(() => parseLatencyRange('9-3', '--latency')).toThrow('--latency.max: must be a number ≥ min (got 3)');
  });
});
