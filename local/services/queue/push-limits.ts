import { z } from 'zod';

// Forge's push limits, per installation (docs/forge-platform.md, "Async events"; /platform/forge/limits-async-events/).
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_BYTES = 200 * 1024;
/** "Payload size for long running functions": one event, when its consumer declares a timeout over 55 s. */
export const MAX_LONG_RUNNING_EVENT_BYTES = 100 * 1024;
export const MAX_DELAY_S = 900;
export const EVENTS_PER_MINUTE = 500;

// The request body @forge/events 3 posts (node_modules/@forge/events/out/queue.js). `delayInSeconds` may be
// fractional: the SDK only checks 0–900 (out/validators.js).
export const pushRequest = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z
    .array(
      z.object({
        body: z.record(z.string(), z.unknown()),
        delayInSeconds: z.number().min(0).max(MAX_DELAY_S).optional(),
        concurrency: z.object({ key: z.string().min(1), limit: z.number().int().min(1) }).optional(),
      }),
    )
    .min(1)
    .max(MAX_EVENTS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequest>;
export type PushedEvent = PushRequest['payload'][number];

export const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** The SDK measures a push as `JSON.stringify(events)` in KB of 1024 bytes and refuses more than 200. */
export const pushTooBig = (payload: PushedEvent[]): boolean => bytesOf(payload) > MAX_PUSH_BYTES;

/** Indexes of the events over `maxEventBytes` (each event measured as JSON, as pushed). */
export function oversizedEvents(payload: PushedEvent[], maxEventBytes: number | undefined): number[] {
  if (maxEventBytes === undefined) return [];
  return payload.flatMap((event, index) => (bytesOf(event) > maxEventBytes ? [index] : []));
}

/** When an event of `delayInSeconds` pushed at `now` may first run: never sooner than asked. */
export const runAtOf = (now: number, delayInSeconds: number | undefined): number => now + Math.ceil((delayInSeconds ?? 0) * 1000);

/** 500 events per minute per installation, over a sliding minute; `false` switches the limit off (benchmarks). */
export class EventsPerMinute {
  private readonly accepted: number[] = [];

  constructor(private readonly limit: number | false) {}

  admits(count: number, now: number): boolean {
    if (this.limit === false) return true;
    while (this.accepted.length > 0 && (this.accepted[0] ?? now) <= now - 60_000) this.accepted.shift();
    return this.accepted.length + count <= this.limit;
  }

  record(count: number, now: number): void {
    if (this.limit === false) return;
    for (let i = 0; i < count; i++) this.accepted.push(now);
  }
}
