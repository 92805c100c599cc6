import { describe, expect, it } from 'vitest';
import { bytesOf, EventsPerMinute, oversizedEvents, pushRequest, pushTooBig, runAtOf } from './push-limits';
import type { PushedEvent } from './push-limits';

const request = (event: Record<string, unknown>) => ({ queueName: 'work', jobId: 'job-1', payload: [{ body: { n: 1 }, ...event }] });
const delayIssue = (delayInSeconds: unknown) => {
  const parsed = pushRequest.safeParse(request({ delayInSeconds }));
  return parsed.success ? 'accepted' : parsed.error.issues.map((i) => i.path.join('.'));
};

/** An event whose JSON is exactly `bytes` long. */
function eventOfBytes(bytes: number): PushedEvent {
  const bare = bytesOf({ body: { pad: '' } });
  return { body: { pad: 'x'.repeat(bytes - bare) } };
}

describe('delayInSeconds', () => {
  it('takes 0 to 900, fractions included, and refuses 901 and negatives naming the field', () => {
    expect([0, 1.5, 899.999, 900].map(delayIssue)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect([900.001, 901, -1].map(delayIssue)).toEqual([['payload.0.delayInSeconds'], ['payload.0.delayInSeconds'], ['payload.0.delayInSeconds']]);
  });

  it('runs an event no sooner than its delay, rounding a fraction of a millisecond up', () => {
    expect([runAtOf(1000, undefined), runAtOf(1000, 0), runAtOf(1000, 1.5), runAtOf(1000, 0.0001), runAtOf(1000, 900)]).toEqual([
      1000, 1000, 2500, 1001, 901_000,
    ]);
  });
});

describe('push size', () => {
  it('refuses a push whose JSON is over 200 KB (204800 bytes), as the SDK measures it', () => {
    const exactly = (bytes: number): PushedEvent[] => [eventOfBytes(bytes - 2)]; // the array's brackets
    expect(bytesOf(exactly(204_800))).toBe(204_800);
    expect([pushTooBig(exactly(204_800)), pushTooBig(exactly(204_801))]).toEqual([false, true]);
  });

  it('caps each event at 100 KB (102400 bytes) only when asked to (a long-running consumer)', () => {
    const events = [eventOfBytes(102_400), eventOfBytes(102_401), eventOfBytes(100)];
    expect(bytesOf(events[0])).toBe(102_400);
    expect(oversizedEvents(events, 102_400)).toEqual([1]);
    expect(oversizedEvents(events, undefined)).toEqual([]);
  });

  it('takes at most 50 events per push', () => {
    const many = (n: number) => ({ queueName: 'work', jobId: 'j', payload: Array.from({ length: n }, () => ({ body: {} })) });
    expect([pushRequest.safeParse(many(50)).success, pushRequest.safeParse(many(51)).success, pushRequest.safeParse(many(0)).success]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('the names in a push', () => {
  const issuesOf = (request: unknown) => {
    const parsed = pushRequest.safeParse(request);
    return parsed.success ? 'accepted' : parsed.error.issues.map((i) => i.path.join('.'));
  };

  it('takes a queue name of letters, digits, - and _ only, from its first character to its last', () => {
    const named = (queueName: string) => issuesOf({ ...request({}), queueName });
    expect(['work', 'Work-2_b', '-'].map(named)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(['', 'my queue', '!work', 'work!', 'wörk'].map(named)).toEqual([
      ['queueName'],
      ['queueName'],
      ['queueName'],
      ['queueName'],
      ['queueName'],
    ]);
  });

  it('takes a concurrency key of one character or more and a whole limit of 1 or more', () => {
    const limited = (concurrency: unknown) => issuesOf(request({ concurrency }));
    expect(
      [
        { key: 'k', limit: 1 },
        { key: 'tenant-42', limit: 10 },
      ].map(limited),
    ).toEqual(['accepted', 'accepted']);
    expect([{ key: '', limit: 1 }, { key: 'k', limit: 0 }, { key: 'k', limit: 1.5 }, { key: 'k' }].map(limited)).toEqual([
      ['payload.0.concurrency.key'],
      ['payload.0.concurrency.limit'],
      ['payload.0.concurrency.limit'],
      ['payload.0.concurrency.limit'],
    ]);
  });

  it('needs a job id', () => {
    expect([issuesOf({ ...request({}), jobId: '' }), issuesOf({ queueName: 'work', payload: [{ body: {} }] })]).toEqual([['jobId'], ['jobId']]);
  });
});

describe('EventsPerMinute', () => {
  it('admits 500 events in a minute and not the 501st, then admits again once the minute has passed', () => {
    const limit = new EventsPerMinute(500);
    expect(limit.admits(500, 0)).toBe(true);
    limit.record(450, 0);
    limit.record(50, 30_000);
    expect([limit.admits(1, 59_999), limit.admits(450, 60_000), limit.admits(451, 60_000), limit.admits(500, 90_000)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('switched off with false, admits any number', () => {
    const off = new EventsPerMinute(false);
    off.record(10_000, 0);
    expect(off.admits(10_000, 1)).toBe(true);
  });
});
