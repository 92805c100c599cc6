import { asyncEventOf } from './async-event';
import { defaultErrorBackoffMs, defaultThrottleDelayMs, settleConsumerRun } from './consumer-outcome';
import { THROWN_ERROR_REASON } from '../../runtime/invocation-error';
import type { RunResult } from '../../runtime/invocation-error';
import type { QueuedEvent, QueueStore } from './store';

export interface SchedulerOptions {
  store: QueueStore;
  runConsumer: (event: QueuedEvent, asyncEvent: Record<string, unknown>) => Promise<unknown>;
  now?: () => number;
  /** How many consumer invocations may run at once (Forge scales out; a laptop has limits). */
  maxInFlight?: number;
  /** Delay before retrying an event whose consumer threw or timed out. */
  errorBackoffMs?: (retryCount: number) => number;
  /** Delay before a throttled event is looked at again, by how often it was throttled before. */
  throttleDelayMs?: (attempt: number) => number;
  /** The retryReason a retry after a thrown error carries (undocumented by Forge). */
  thrownErrorRetryReason?: string;
  log?: (line: string) => void;
}

/** The longest the scheduler sleeps between looks at the queue. */
const MAX_TIMER_MS = 1000;

/**
 * Runs due events, honouring delays, concurrency keys and retries; all state lives in the store. An event whose
 * concurrency key is full is put back with a delay rather than held in line, so a key's events run in no
 * particular order, as on Forge (docs/forge-platform.md, "Async events").
 */
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

  /**
   * Starts no event until `resume()`, once those running have ended: for tests that change stored state between runs
   * (making waiting retries due, say) without racing a run that writes the same items.
   */
  async pause(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  resume(): void {
    if (this.detached) return;
    this.stopped = false;
    this.wake();
  }

  /** After this, runs still going write nothing: they stay "running" and are run again on the next start. */
  detach(): void {
    this.stopped = true;
    this.detached = true;
  }

  /** Whether anything is pending or running. */
  busy(): boolean {
    return this.inFlight.size > 0 || this.options.store.busy();
  }

  /** Resolves when nothing is pending or running (tests and benchmarks wait on it). */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.busy()) {
      if (Date.now() > until) throw new Error('queue did not drain in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private dispatchDue(now: number): void {
    const { store } = this.options;
    const maxInFlight = this.options.maxInFlight ?? 8;
    const throttleDelayMs = this.options.throttleDelayMs ?? defaultThrottleDelayMs;
    // Throttled events move to the future, so each look reads events not seen yet; stop when a look starts nothing new.
    for (let moved = true; moved && this.inFlight.size < maxInFlight;) {
      moved = false;
      // Enough to fill the free slots past a few throttled events; the loop reads on while it moves any.
      for (const event of store.due(now, (maxInFlight - this.inFlight.size) * 4)) {
        if (this.inFlight.size >= maxInFlight) return;
        // Rows claimed earlier in this pass are already counted as running.
        if (event.concurrency && store.runningFor(event.concurrency.key) >= event.concurrency.limit) {
          store.throttle(event.id, now + Math.max(1, throttleDelayMs(event.throttleCount)));
          moved = true;
          continue;
        }
        if (!store.claim(event.id)) continue;
        moved = true;
        this.track(event);
      }
    }
  }

  private track(event: QueuedEvent): void {
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

  private async run(event: QueuedEvent): Promise<void> {
    const { store } = this.options;
    if (event.expiresAt <= this.now()) {
      store.finish(event.id, 'dead', `retention window ended before a successful run (last error: ${event.lastError ?? 'none'})`);
      return;
    }
    let result: RunResult;
    try {
      result = { returned: await this.options.runConsumer(event, asyncEventOf(event, this.now())) };
    } catch (error) {
      result = { threw: error };
    }
    if (this.detached) return;
    const settlement = settleConsumerRun(result, event.retryCount, {
      errorBackoffMs: this.options.errorBackoffMs ?? defaultErrorBackoffMs,
      thrownErrorRetryReason: this.options.thrownErrorRetryReason ?? THROWN_ERROR_REASON,
    });
    if (settlement.kind === 'succeeded') return store.finish(event.id, 'succeeded');
    if (settlement.kind === 'dead') return store.finish(event.id, 'dead', settlement.reason);
    const runAt = this.now() + settlement.delayMs;
    // An app-level error past the retention window drops the event (Forge); the host records it as dead.
    if (runAt >= event.expiresAt) {
      store.finish(event.id, 'dead', `retention window ends before the next retry (last error: ${settlement.lastError})`);
      this.options.log?.(`queue: event ${event.id} on ${event.queue} is dead: ${settlement.lastError}`);
      return;
    }
    const { retryReason, retryData, lastError } = settlement;
    store.reschedule(event.id, { runAt, retryCount: event.retryCount + 1, retryReason, retryData, lastError });
  }
}
