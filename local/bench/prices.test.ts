import { describe, expect, it } from 'vitest';
import { gbSeconds, priceOf, pricePerMillion } from './prices';

describe('Forge price math', () => {
  it('bills a second at 512 MB as half a GB-second', () => {
    expect(gbSeconds(1000, 512)).toEqual(0.5);
  });
  it('prices function time, KVS reads and KVS writes at the 2026 overage prices', () => {
    const gb = 1024 ** 3;
    expect(priceOf({ durationMs: 2_000_000, kvsReadBytes: gb, kvsWriteBytes: gb }, 1024)).toEqual({
      functions: 0.05,
      kvsReads: 0.055,
      kvsWrites: 1.09,
      total: 0.05 + 0.055 + 1.09,
    });
  });
  it('scales what some deliveries used to a million of them', () => {
    expect(pricePerMillion({ durationMs: 40_000, kvsReadBytes: 0, kvsWriteBytes: 0 }, 1000, 1024)).toBeCloseTo(1, 10);
    expect(pricePerMillion({ durationMs: 1, kvsReadBytes: 0, kvsWriteBytes: 0 }, 0, 512)).toBeNaN();
  });
});
