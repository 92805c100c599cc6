import { describe, expect, it } from 'vitest';
import { checkHostOptions } from './host-options';

const base = { appDir: '.', dataDir: '.sandbox' };

describe('checkHostOptions', () => {
  it('names the option and the reason of a value that cannot be meant', () => {
    expect(() => checkHostOptions({ ...base, maxConcurrentConsumers: 0 })).toThrow('maxConcurrentConsumers: must be a whole number ≥ 1 (got 0)');
    expect(() => checkHostOptions({ ...base, eventsPerMinute: 2.5 })).toThrow('eventsPerMinute: must be a whole number ≥ 1 (got 2.5)');
    expect(() => checkHostOptions({ ...base, productEventDelayMs: -5 })).toThrow('productEventDelayMs: must be a number ≥ 0 (got -5)');
    expect(() => checkHostOptions({ ...base, platformLatencyMs: { min: 3, max: 2 } })).toThrow('platformLatencyMs.max');
  });

  it('takes the defaults and the documented ways to switch a limit off', () => {
    expect(() => checkHostOptions({ ...base, eventsPerMinute: false, maxConcurrentConsumers: 3, productEventDelayMs: () => 10 })).not.toThrow();
  });
});
