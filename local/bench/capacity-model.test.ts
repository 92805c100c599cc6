import { describe, expect, it } from 'vitest';
import { burstDrainMs, capacityOf } from './capacity-model';
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
    expect(capacity.unbatchedChangesPerMinute).toEqual(100);
  });
  it('counts the gap between a worker’s invocations', () => {
    // 190 attempts in 19 s, then 19 s until the next invocation: half the rate.
    expect(capacityOf(inputs({ rewakeGapMs: 19_000 })).perWebhookPerMinute).toBeCloseTo(300, 6);
  });
});

describe('burstDrainMs', () => {
  it('within the queue budget, a change is out within an attempt', () => {
    expect(burstDrainMs(50, 60_000, inputs(), 0)).toEqual({ overBudget: false, drainMs: 100 });
  });
  it('over it, the last change waits for the next sweep, then the backlog is sent', () => {
    // 1,000 changes × 4 webhooks at 2,400 a minute: 100 s after the sweep, 200 s after the last change.
    expect(burstDrainMs(1000, 60_000, inputs(), 100_000)).toEqual({ overBudget: true, drainMs: 200_000 + 100_000 });
  });
});
