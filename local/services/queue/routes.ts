import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PUSHES_PER_CHAIN } from './push-chains';
import type { PushChains } from './push-chains';
import { EventsPerMinute, MAX_LONG_RUNNING_EVENT_BYTES, oversizedEvents, pushRequest, pushTooBig, runAtOf } from './push-limits';
import type { PushRequest } from './push-limits';
import type { Scheduler } from './scheduler';
import type { QueueStore } from './store';
import { jsonAnswer } from '../../runtime/platform-response';

const jobRequest = z.object({ queueName: z.string(), jobId: z.string().min(1) });

/**
 * How an event over 100 KB for a long-running consumer is refused. Forge documents the limit, not the answer:
 * `payload-too-big` refuses the whole push with 413 (the SDK throws PayloadTooBigError); `partial-failure` takes the
 * other events and answers 202 naming the refused ones (the SDK throws PartialSuccessError).
 */
export type OversizedEventAnswer = 'payload-too-big' | 'partial-failure';

export interface QueueRoutesOptions {
  store: QueueStore;
  chains: PushChains;
  scheduler: Scheduler;
  hasConsumer: (queue: string) => boolean;
  /** Whether the queue's consumer declares `timeoutSeconds` over 55 (then each event may be at most 100 KB). */
  hasLongRunningConsumer: (queue: string) => boolean;
  retentionMs: number;
  /** Events per minute per installation; `false` switches the limit off. */
  eventsPerMinute: number | false;
  oversizedEventAnswer?: OversizedEventAnswer;
  now?: () => number;
}

export type QueueRoutes = ReturnType<typeof createQueueRoutes>;

const json = (status: number, body: unknown) => jsonAnswer(status, body);

/** Answers the queue endpoints the SDK reaches through `__forge_fetch__` (remote stargate). */
export function createQueueRoutes(options: QueueRoutesOptions) {
  const now = options.now ?? Date.now;
  const perMinute = new EventsPerMinute(options.eventsPerMinute);

  /** A push made in `chainId` (the invocation chain it belongs to; a push outside any chain starts its own). */
  function publish(body: unknown, chainId: string = randomUUID()): { response: Response; events: number } {
    const parsed = pushRequest.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { response: json(400, { message: `Invalid push request: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'bad body'}` }), events: 0 };
    }
    const request = parsed.data;
    // The SDK turns 405 into InvocationLimitReachedError.
    if (options.chains.pushes(chainId) >= PUSHES_PER_CHAIN)
      return { response: json(405, { message: `This chain of invocations already pushed ${PUSHES_PER_CHAIN} times` }), events: 0 };
    if (pushTooBig(request.payload)) return { response: json(413, { errorMessage: 'The combined payload exceeds 200 KB' }), events: 0 };
    const oversized = oversizedEvents(request.payload, options.hasLongRunningConsumer(request.queueName) ? MAX_LONG_RUNNING_EVENT_BYTES : undefined);
    const tooBig = (index: number) => `Event ${index} exceeds 100 KB, the limit for a consumer whose timeoutSeconds is over 55`;
    if (oversized.length > 0 && (options.oversizedEventAnswer ?? 'payload-too-big') === 'payload-too-big')
      return { response: json(413, { errorMessage: tooBig(oversized[0] ?? 0) }), events: 0 };
    const accepted = request.payload.filter((_, index) => !oversized.includes(index));
    const t = now();
    if (!perMinute.admits(accepted.length, t)) return { response: json(429, { message: 'Rate limit exceeded' }), events: 0 };
    if (accepted.length > 0) {
      perMinute.record(accepted.length, t);
      options.chains.count(chainId);
      store(request, accepted, chainId, t);
    }
    if (oversized.length > 0) {
      const failedEvents = oversized.map((index) => ({ index, errorMessage: tooBig(index) }));
      return { response: json(202, { failedEvents }), events: accepted.length };
    }
    return { response: new Response(null, { status: 201 }), events: accepted.length };
  }

  function store(request: PushRequest, events: PushRequest['payload'], chainId: string, t: number): void {
    options.store.insertAll(
      events.map((event) => ({
        queue: request.queueName,
        jobId: request.jobId,
        body: event.body,
        delayInSeconds: event.delayInSeconds,
        concurrency: event.concurrency,
        chainId,
        runAt: runAtOf(t, event.delayInSeconds),
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
