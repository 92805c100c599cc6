import { z } from 'zod';
import type { QueuedEvent, QueueStore } from './store';

/** What a consumer returns to ask for a retry: the JSON form of @forge/events' InvocationError. */
const retryRequest = z.object({
  _retry: z.literal(true),
  retryOptions: z.object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown().optional() }).optional(),
});

// Forge limits, see docs/forge-platform.md ("Async events"): retryAfter 1–900 s, retryData ≤ 4 KB.
const MAX_RETRY_AFTER_S = 900;
const MAX_RETRY_DATA_BYTES = 4096;
/** The longest the scheduler sleeps between looks at the queue. */
const MAX_TIMER_MS = 1000;

export interface SchedulerOptions {
  store: QueueStore;
  runConsumer: (event: QueuedEvent, asyncEvent: Record<string, unknown>) => Promise<unknown>;
  now?: () => number;
  maxInFlight?: number;
  /** Delay before retrying an event whose consumer threw; Forge backs off, we double from 5 s up to 15 min. */
  errorBackoffMs?: (retryCount: number) => number;
  log?: (line: string) => void;
}

export const defaultErrorBackoffMs = (retryCount: number): number => Math.min(MAX_RETRY_AFTER_S * 1000, 5000 * 2 ** retryCount);

/** Runs due events in push order, honouring delays, concurrency keys and retries; all state lives in the store. */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private detached = false;
  private readonly now: () => number;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    const requeued = this.options.store.requeueInterrupted();
    if (requeued > 0) this.options.log?.(`queue: ${requeued} event(s) interrupted by the last stop will run again`);
    this.wake();
  }

  /** Looks for due work now (after a push or a finished run) and re-arms the timer for the next due event. */
  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // One reading of the clock for the whole pass: with two, an event could be "not yet due" when dispatching and
    // "already due" when arming the timer, and no timer would ever wake the scheduler for it.
    const now = this.now();
    this.dispatchDue(now);
    const next = this.options.store.nextRunAt();
    if (next === undefined) return;
    // Always keep a timer while anything is pending. A due event that could not start (too much in flight) is
    // picked up when a run ends, which wakes us; the timer is the safety net.
    this.timer = setTimeout(() => this.wake(), next > now ? Math.min(MAX_TIMER_MS, next - now) : MAX_TIMER_MS);
  }

  /** Stops starting events and waits for those running; `detach` then drops their results (the host is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  /** After this, runs still going write nothing: they stay "running" and are run again on the next start. */
  detach(): void {
    this.stopped = true;
    this.detached = true;
  }

  /** Resolves when nothing is pending or running (tests and benchmarks wait on it). */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.options.store.busy() || this.inFlight.size > 0) {
      if (Date.now() > until) throw new Error('queue did not drain in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private dispatchDue(now: number): void {
    const maxInFlight = this.options.maxInFlight ?? 8;
    if (this.inFlight.size >= maxInFlight) return;
    for (const event of this.options.store.due(now, maxInFlight * 4)) {
      if (this.inFlight.size >= maxInFlight) return;
      // Rows claimed earlier in this pass are already counted as running.
      if (event.concurrency && this.options.store.runningFor(event.concurrency.key) >= event.concurrency.limit) continue;
      if (!this.options.store.claim(event.id)) continue;
      const run = this.run(event)
        .catch((error: unknown) =>
          this.options.log?.(`queue: event ${event.id} could not be settled: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          this.inFlight.delete(run);
          this.wake();
        });
      this.inFlight.add(run);
    }
  }

  private async run(event: QueuedEvent): Promise<void> {
    const { store } = this.options;
    if (event.expiresAt <= this.now()) {
      store.finish(event.id, 'dead', `retention window ended before a successful run (last error: ${event.lastError ?? 'none'})`);
      return;
    }
    let result: unknown;
    try {
      result = await this.options.runConsumer(event, asyncEventOf(event, this.now()));
      if (this.detached) return;
    } catch (error) {
      if (this.detached) return;
      const message = error instanceof Error ? error.message : String(error);
      this.retryOrBury(
        event,
        (this.options.errorBackoffMs ?? defaultErrorBackoffMs)(event.retryCount),
        'FUNCTION_PLATFORM_UNKNOWN_ERROR',
        undefined,
        message,
      );
      return;
    }
    const retry = retryRequest.safeParse(result);
    if (!retry.success) {
      store.finish(event.id, 'succeeded');
      return;
    }
    const { retryAfter = 1, retryReason = 'FUNCTION_RETRY_REQUEST', retryData } = retry.data.retryOptions ?? {};
    if (retryData !== undefined && Buffer.byteLength(JSON.stringify(retryData)) > MAX_RETRY_DATA_BYTES) {
      store.finish(event.id, 'dead', `retryData exceeds ${MAX_RETRY_DATA_BYTES} bytes`);
      return;
    }
    const seconds = Math.min(MAX_RETRY_AFTER_S, Math.max(1, retryAfter));
    this.retryOrBury(event, seconds * 1000, retryReason, retryData, 'consumer requested a retry');
  }

  private retryOrBury(event: QueuedEvent, delayMs: number, reason: string, retryData: unknown, lastError: string): void {
    const runAt = this.now() + delayMs;
    if (runAt >= event.expiresAt) {
      this.options.store.finish(event.id, 'dead', `retention window ends before the next retry (last error: ${lastError})`);
      this.options.log?.(`queue: event ${event.id} on ${event.queue} is dead: ${lastError}`);
      return;
    }
    this.options.store.reschedule(event.id, { runAt, retryCount: event.retryCount + 1, retryReason: reason, retryData, lastError });
  }
}

/** The event a consumer receives, shaped as @forge/events 3 documents AsyncEvent. */
function asyncEventOf(event: QueuedEvent, now: number): Record<string, unknown> {
  return {
    queueName: event.queue,
    jobId: event.jobId,
    eventId: event.id,
    body: event.body,
    ...(event.delayInSeconds === undefined ? {} : { delayInSeconds: event.delayInSeconds }),
    ...(event.concurrency ? { concurrency: event.concurrency } : {}),
    ...(event.retryCount > 0
      ? {
          retryContext: {
            retryCount: event.retryCount,
            retryReason: event.retryReason,
            retryData: event.retryData,
            retentionWindow: { startTime: new Date(event.createdAt).toISOString(), remainingTimeMs: Math.max(0, event.expiresAt - now) },
          },
        }
      : {}),
  };
}
