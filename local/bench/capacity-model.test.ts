import { describe, expect, it } from 'vitest';
import { backlogMs, burstDrainMs, capacityOf } from './capacity-model';
import type { ModelInputs } from './capacity-model';

const inputs = (overrides: Partial<ModelInputs> = {}): ModelInputs => ({
  webhooks: 4,
  changeReadUnits: 4,
  changeWriteUnits: 2,
  attemptReadUnits: 0.5,
  attemptWriteUnits: 0.25,
  attemptMs: 100,
  rewakeGapMs: 0,
  ...overrides,
});

describe('capacityOf', () => {
  it('bounds a webhook by its one worker, and the installation by the tightest of its limits', () => {
    const capacity = capacityOf(inputs());
    expect(capacity.perWebhookPerMinute).toBeCloseTo(600, 6);
    expect(capacity.bounds).toEqual({ workers: 2400, kvsWriteUnits: 4000 / 0.75, kvsReadUnits: 4000 / 1.5, egress: 50_000 });
    expect([capacity.binding, capacity.perInstallationPerMinute]).toEqual(['workers', 2400]);
    // 500 events a minute, less 12 wake-ups a minute for each of the 4 webhooks, each change 1 notice.
    expect(capacity.unbatchedChangesPerMinute).toEqual(452);
  });
  it('counts the gap between a worker’s invocations', () => {
    // 190 attempts in 19 s, then 19 s until the next invocation: half the rate.
    expect(capacityOf(inputs({ rewakeGapMs: 19_000 })).perWebhookPerMinute).toBeCloseTo(300, 6);
  });
});

describe('backlogMs', () => {
  it('is each worker sending its share, with a gap between its invocations', () => {
    // 400 each: 40 s of attempts, 3 invocations, 2 gaps of 1 s; 1,600 × 1.5 read units fit in a minute's 4,000.
    expect(backlogMs(1600, inputs({ rewakeGapMs: 1000 }))).toEqual(42_000);
  });
  it('waits for the next minutes when the KVS units go beyond one minute’s', () => {
    // 8,000 × 1.5 read units = 12,000: 8,000 beyond the first minute, 2 more minutes.
    expect(backlogMs(8000, inputs({ attemptMs: 1 }))).toEqual(120_000);
  });
});

describe('burstDrainMs', () => {
  it('within the queue budget, a change is out within an attempt', () => {
    expect(burstDrainMs(100, 60_000, inputs(), 0)).toEqual({ overBudget: false, drainMs: 100, backlog: 0 });
  });
  it('over it, the changes beyond the budget wait for the next sweep, then their backlog is sent', () => {
    // 452 changes fit the minute's 500 events; 548 × 4 wait: the sweep is 200 s after the last change, then 2,192.
    const drain = burstDrainMs(1000, 60_000, inputs(), 100_000);
    expect(drain).toEqual({ overBudget: true, drainMs: 200_000 + backlogMs(2192, inputs()), backlog: 2192 });
  });
});
