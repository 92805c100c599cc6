import { describe, expect, it } from 'vitest';
import { backlogMs, capacityOf, predictBurst } from './capacity-model';
import type { ModelInputs } from './capacity-model';

const inputs = (overrides: Partial<ModelInputs> = {}): ModelInputs => ({
  webhooks: 4,
  changeReadUnits: 4,
  changeWriteUnits: 2,
  attemptReadUnits: 0.5,
  attemptWriteUnits: 0.25,
  attemptMs: 100,
  rewakeGapMs: 0,
  changesPerNotice: 1,
  ...overrides,
});

describe('capacityOf', () => {
  it('bounds a webhook by its one worker, and the installation by the tightest of its limits', () => {
    const capacity = capacityOf(inputs());
    expect(capacity.perWebhookPerMinute).toBeCloseTo(600, 6);
    expect(capacity.bounds).toEqual({ workers: 2400, kvsWriteUnits: 4000 / 0.75, kvsReadUnits: 4000 / 1.5, egress: 50_000 });
    expect([capacity.binding, capacity.perInstallationPerMinute]).toEqual(['workers', 2400]);
    // 500 events a minute, less 12 wake-ups a minute for each of the 4 webhooks, each change 1 notice.
    expect(capacity.changesPerMinuteWithinEvents).toEqual(452);
    // A notice announcing the 4 projects of an import call: four times as many changes.
    expect(capacityOf(inputs({ changesPerNotice: 4 })).changesPerMinuteWithinEvents).toEqual(1808);
  });
  it('counts the gap between a worker’s invocations', () => {
    // 1,490 attempts in 149 s, then 149 s until the next invocation: half the rate.
    expect(capacityOf(inputs({ rewakeGapMs: 149_000 })).perWebhookPerMinute).toBeCloseTo(300, 6);
  });
});

describe('backlogMs', () => {
  it('is each worker sending its share, with a gap between its invocations', () => {
    // 4,000 each: 400 s of attempts, 3 invocations, 2 gaps of 1 s; the units go beyond a minute's but less than the workers take.
    expect(backlogMs(16_000, inputs({ rewakeGapMs: 1000 }))).toEqual(402_000);
  });
  it('waits for the next minutes when the KVS units go beyond one minute’s', () => {
    // 8,000 × 1.5 read units = 12,000: 8,000 beyond the first minute, 2 more minutes.
    expect(backlogMs(8000, inputs({ attemptMs: 1 }))).toEqual(120_000);
  });
});

describe('predictBurst', () => {
  it('within the queue events, a burst takes its own spread when the KVS units and the workers keep up', () => {
    expect(predictBurst(100, 60_000, inputs({ attemptMs: 10 }), 0)).toEqual({ overEvents: false, binding: 'spread', totalMs: 60_010, backlog: 0 });
  });
  it('within them, the KVS units bind a larger one: the import itself is slowed', () => {
    // 4,000 deliveries × (4 / 4 + 0.5) read units = 6,000 units: 90 s at 4,000 a minute (writes: 3,000, 45 s).
    expect(predictBurst(1000, 60_000, inputs({ attemptMs: 10, changesPerNotice: 4 }), 0)).toEqual({
      overEvents: false,
      binding: 'kvsReadUnits',
      totalMs: 90_000,
      backlog: 0,
    });
  });
  it('beyond them, the changes whose notices were refused wait for the next sweep, then their backlog is sent', () => {
    // 452 changes fit the minute's 500 events; 548 × 4 wait: the sweep is 200 s after the last change, then 2,192.
    expect(predictBurst(1000, 60_000, inputs(), 100_000)).toEqual({
      overEvents: true,
      binding: 'sweep',
      totalMs: 60_000 + 200_000 + backlogMs(2192, inputs()),
      backlog: 2192,
    });
  });
});
