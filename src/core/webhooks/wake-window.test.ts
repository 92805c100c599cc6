import { describe, expect, it } from 'vitest';
import { decideWake, markAfter, TRAILING_MARGIN_MS, WAKE_WINDOW_MS } from './wake-window';

const start = 1_700_000_000_000 - (1_700_000_000_000 % WAKE_WINDOW_MS);

describe('waking a webhook at most twice a window', () => {
  it('pushes at once for the first delivery of a window, or with no mark at all', () => {
    expect(decideWake(undefined, start + 3_000)).toEqual({ push: 'now' });
    expect(decideWake({ window: start / WAKE_WINDOW_MS - 1, trailing: true }, start)).toEqual({ push: 'now' });
  });

  it('then once more, timed for just after the window ends', () => {
    expect(decideWake({ window: start / WAKE_WINDOW_MS, trailing: false }, start + 3_000)).toEqual({
      push: 'trailing',
      delayMs: WAKE_WINDOW_MS - 3_000 + TRAILING_MARGIN_MS,
    });
    expect(decideWake({ window: start / WAKE_WINDOW_MS, trailing: false }, start + WAKE_WINDOW_MS - 1)).toEqual({
      push: 'trailing',
      delayMs: 1 + TRAILING_MARGIN_MS,
    });
  });

  it('then not at all until the window ends', () => {
    expect(decideWake({ window: start / WAKE_WINDOW_MS, trailing: true }, start + 9_999)).toEqual({ push: 'none' });
    expect(decideWake({ window: start / WAKE_WINDOW_MS, trailing: true }, start + WAKE_WINDOW_MS)).toEqual({ push: 'now' });
  });

  it('marks what was pushed, and nothing when nothing was', () => {
    expect(markAfter({ push: 'now' }, start + 1)).toEqual({ window: start / WAKE_WINDOW_MS, trailing: false });
    expect(markAfter({ push: 'trailing', delayMs: 5 }, start + 1)).toEqual({ window: start / WAKE_WINDOW_MS, trailing: true });
    expect(markAfter({ push: 'none' }, start + 1)).toBeUndefined();
  });
});
