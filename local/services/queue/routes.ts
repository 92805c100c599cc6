import { z } from 'zod';
import type { Scheduler } from './scheduler';
import type { QueueStore } from './store';

// The request bodies @forge/events 3 posts (see node_modules/@forge/events/out/queue.js and jobProgress.js).
const pushRequest = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z
    .array(
      z.object({
        body: z.record(z.string(), z.unknown()),
        delayInSeconds: z.number().int().min(0).max(900).optional(),
        concurrency: z.object({ key: z.string().min(1), limit: z.number().int().min(1) }).optional(),
      }),
    )
    .min(1)
    .max(50),
});
const jobRequest = z.object({ queueName: z.string(), jobId: z.string().min(1) });

export interface QueueRoutesOptions {
  store: QueueStore;
  scheduler: Scheduler;
  hasConsumer: (queue: string) => boolean;
  retentionMs: number;
  eventsPerMinute: number;
  now?: () => number;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the queue endpoints the SDK reaches through `__forge_fetch__` (remote stargate). */
export function createQueueRoutes(options: QueueRoutesOptions) {
  const now = options.now ?? Date.now;
  const recentPushes: number[] = [];

  function publish(body: unknown): { response: Response; events: number } {
    const parsed = pushRequest.safeParse(body);
    if (!parsed.success)
      return { response: json(400, { message: `Invalid push request: ${parsed.error.issues[0]?.message ?? 'bad body'}` }), events: 0 };
    const request = parsed.data;
    // Forge: 200 KB per push and 500 events per minute per installation (Async events limits).
    if (Buffer.byteLength(JSON.stringify(request.payload)) > 200 * 1024)
      return { response: json(413, { errorMessage: 'The combined payload exceeds 200 KB' }), events: 0 };
    const t = now();
    while (recentPushes.length > 0 && (recentPushes[0] ?? t) <= t - 60_000) recentPushes.shift();
    if (recentPushes.length + request.payload.length > options.eventsPerMinute)
      return { response: json(429, { message: 'Rate limit exceeded' }), events: 0 };
    for (let i = 0; i < request.payload.length; i++) recentPushes.push(t);
    options.store.insertAll(
      request.payload.map((event) => ({
        queue: request.queueName,
        jobId: request.jobId,
        body: event.body,
        delayInSeconds: event.delayInSeconds,
        concurrency: event.concurrency,
        runAt: t + (event.delayInSeconds ?? 0) * 1000,
        createdAt: t,
        expiresAt: t + options.retentionMs,
      })),
    );
    if (!options.hasConsumer(request.queueName)) {
      for (const event of options.store.list({ queue: request.queueName, status: 'pending' })) {
        options.store.finish(event.id, 'dead', `no consumer for queue '${request.queueName}' in manifest.yml`);
      }
    }
    options.scheduler.wake();
    return { response: new Response(null, { status: 201 }), events: request.payload.length };
  }

  function stats(body: unknown): Response {
    const parsed = jobRequest.safeParse(body);
    if (!parsed.success) return json(400, { message: 'Invalid stats request' });
    const counts = options.store.jobStats(parsed.data.jobId);
    return counts ? json(200, counts) : new Response(null, { status: 404 });
  }

  function cancel(body: unknown): Response {
    const parsed = jobRequest.safeParse(body);
    if (!parsed.success) return json(400, { message: 'Invalid cancel request' });
    return options.store.cancelJob(parsed.data.jobId) ? new Response(null, { status: 204 }) : new Response(null, { status: 404 });
  }

  return { publish, stats, cancel };
}
