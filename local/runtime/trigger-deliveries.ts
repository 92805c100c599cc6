import type { RunResult } from './invocation-error';
import { settleTriggerRun } from './trigger-outcome';
import type { Delivery, TriggerStore } from './trigger-store';

/** What decides how late an event reaches one trigger: a fixed delay, or one per event and trigger. */
export type ProductEventDelay = number | ((event: { eventType: string; triggerKey: string; event: Record<string, unknown> }) => number);

export interface TriggerDeliveriesOptions {
  store: TriggerStore;
  /** Invokes the trigger's function with the event (and its retryContext on a retry). */
  deliver: (delivery: Delivery, event: Record<string, unknown>) => Promise<unknown>;
  /** Forge delivers trigger events asynchronously, "up to 3 minutes" late; none by default. */
  delayMs?: ProductEventDelay;
  /** Delay before Forge's own retry of a trigger that timed out (a platform-level error). */
  errorBackoffMs: (retryCount: number) => number;
  now?: () => number;
  log?: (line: string) => void;
}

const MAX_TIMER_MS = 1000;

/**
 * Delivers product and lifecycle events to `trigger` modules, late if so configured, with Forge's retry rules
 * (docs/forge-platform.md, "Triggers"). Each delivery is a row: one pending when the host stops is delivered after it.
 */
export class TriggerDeliveries {
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: TriggerDeliveriesOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    const requeued = this.options.store.requeueInterrupted();
    if (requeued > 0) this.options.log?.(`triggers: ${requeued} event(s) interrupted by the last stop will be delivered again`);
    this.wake();
  }

  /** Records the event for each trigger (durably, before the caller goes on); delivery starts on the next tick. */
  enqueue(eventType: string, event: Record<string, unknown>, triggerKeys: string[]): void {
    const now = this.now();
    const delay = this.options.delayMs ?? 0;
    this.options.store.insert(
      triggerKeys.map((triggerKey) => {
        const ms = typeof delay === 'number' ? delay : delay({ eventType, triggerKey, event });
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`productEventDelayMs: must be a number ≥ 0 (got ${ms} for ${eventType})`);
        return { triggerKey, eventType, event, runAt: now + ms };
      }),
    );
    setImmediate(() => this.wake());
  }

  wake(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    for (const delivery of this.options.store.due(now)) if (this.options.store.claim(delivery.id)) this.track(delivery);
    const next = this.options.store.nextRunAt();
    if (next !== undefined) this.timer = setTimeout(() => this.wake(), Math.max(1, Math.min(MAX_TIMER_MS, next - now)));
  }

  busy(): boolean {
    return this.inFlight.size > 0 || this.options.store.busy();
  }

  /** Stops delivering and waits for the deliveries running; pending ones stay for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private track(delivery: Delivery): void {
    const run = this.run(delivery)
      .catch((error: unknown) => this.options.log?.(`triggers: delivery ${delivery.id} could not be settled: ${String(error)}`))
      .finally(() => {
        this.inFlight.delete(run);
        this.wake();
      });
    this.inFlight.add(run);
  }

  private async run(delivery: Delivery): Promise<void> {
    const { store } = this.options;
    // Forge adds `retryContext` to the event payload of a retry.
    const retryContext = { retryCount: delivery.retryCount, retryReason: delivery.retryReason, retryData: delivery.retryData };
    const event = delivery.retryCount > 0 ? { ...delivery.event, retryContext } : delivery.event;
    let result: RunResult;
    try {
      result = { returned: await this.options.deliver(delivery, event) };
    } catch (error) {
      result = { threw: error };
    }
    const settlement = settleTriggerRun(result, delivery.retryCount, this.options.errorBackoffMs);
    if (settlement.kind === 'succeeded') return store.finish(delivery.id, 'succeeded');
    if (settlement.kind === 'failed') {
      this.options.log?.(`trigger ${delivery.triggerKey} failed on ${delivery.eventType}: ${settlement.reason}`);
      return store.finish(delivery.id, 'failed', settlement.reason);
    }
    const { retryReason, retryData } = settlement;
    store.reschedule(delivery.id, { runAt: this.now() + settlement.delayMs, retryCount: delivery.retryCount + 1, retryReason, retryData });
  }
}
