import { randomUUID } from 'node:crypto';
import type { Invoker } from './invoker';
import type { LoadedManifest } from './manifest';
import type { AppIdentity } from './runtime';
import type { TriggerDeliveries } from './trigger-deliveries';
import type { Delivery } from './trigger-store';
import { platformFailure, webTriggerResponse } from './webtrigger-response';
import type { WebTriggerRequest, WebTriggerResponse } from './webtrigger-response';

const SCHEDULE_MS = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export type { WebTriggerRequest, WebTriggerResponse } from './webtrigger-response';

/** Product and lifecycle events to `trigger` modules, and HTTP requests to `webtrigger` modules. */
export class Triggers {
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly loaded: LoadedManifest,
    private readonly invoker: Invoker,
    private readonly app: AppIdentity,
    private readonly log: (line: string) => void,
    private readonly deliveries: TriggerDeliveries,
  ) {}

  private context(): Record<string, unknown> {
    return { installContext: `ari:cloud:jira::site/${this.app.cloudId}` };
  }

  /**
   * Forge delivers product and lifecycle events asynchronously: the caller does not wait for the triggers. The
   * event is recorded for each subscribed trigger before this returns; retries follow Forge's trigger rules
   * (docs/forge-platform.md, "Triggers").
   */
  emit(eventType: string, event: Record<string, unknown>): void {
    const keys = this.loaded.manifest.modules.trigger.filter((t) => t.events.includes(eventType)).map((t) => t.key);
    if (keys.length > 0) this.deliveries.enqueue(eventType, event, keys);
  }

  /** One delivery of an event to its trigger's function (called by the deliveries). */
  deliver(delivery: Delivery, event: Record<string, unknown>): Promise<unknown> {
    const trigger = this.loaded.manifest.modules.trigger.find((t) => t.key === delivery.triggerKey);
    if (!trigger) return Promise.reject(new Error(`manifest.yml has no trigger '${delivery.triggerKey}' any more`));
    return this.invoker.invoke({
      functionKey: trigger.function,
      moduleType: 'trigger',
      moduleKey: trigger.key,
      accountId: undefined,
      args: [event, this.context()],
    });
  }

  /** `scheduledTrigger` modules: each runs on its interval while the host is up (Forge starts them on deploy). */
  startSchedules(): () => void {
    const timers = this.loaded.manifest.modules.scheduledTrigger.map((trigger) =>
      setInterval(() => void this.runScheduled(trigger.key), SCHEDULE_MS[trigger.interval]).unref(),
    );
    return () => timers.forEach((t) => clearInterval(t));
  }

  /**
   * Runs one scheduled trigger now (the sandbox's "run now", and tests), with the request Forge documents. Forge
   * ignores what it returns and does not retry it when it throws: the next run is the next interval.
   */
  runScheduled(key: string): Promise<void> {
    const trigger = this.loaded.manifest.modules.scheduledTrigger.find((t) => t.key === key);
    if (!trigger) return Promise.reject(new Error(`manifest.yml has no scheduledTrigger '${key}'`));
    const request = { context: { cloudId: this.app.cloudId, moduleKey: key }, contextToken: randomUUID() };
    const run = this.invoker
      .invoke({
        functionKey: trigger.function,
        moduleType: 'scheduledTrigger',
        moduleKey: key,
        accountId: undefined,
        args: [request, { principal: undefined, ...this.context() }],
      })
      .then(() => undefined)
      .catch((error: unknown) => this.log(`scheduled trigger ${key} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  busy(): boolean {
    return this.running.size > 0 || this.deliveries.busy();
  }

  /** Resolves once every recorded event was delivered (or given up) and no scheduled run is going. */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.busy()) {
      if (Date.now() > until) throw new Error('trigger events were not delivered in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops delivering; what is running is awaited, what is pending is delivered on the next start. */
  async stop(): Promise<void> {
    await this.deliveries.stop();
    await Promise.allSettled([...this.running]);
  }

  /** `avi:forge:installed:app`, with the payload Forge documents (`/platform/forge/events-reference/life-cycle/`). */
  installedEvent(installerAccountId: string | undefined): Record<string, unknown> {
    return {
      id: this.app.installationId,
      ...(installerAccountId === undefined ? {} : { installerAccountId }),
      app: { id: this.app.appId, version: this.app.appVersion },
      environment: { id: this.app.environmentId },
    };
  }

  /**
   * An HTTP request to a `webtrigger` module, answered as Forge answers it: the handler's result becomes the
   * response, and a result that does not fit (no `statusCode`), a throw or a timeout becomes a 500.
   */
  async web(key: string, request: WebTriggerRequest): Promise<WebTriggerResponse | undefined> {
    const module = this.loaded.manifest.modules.webtrigger.find((w) => w.key === key);
    if (!module) return undefined;
    let result: unknown;
    try {
      result = await this.invoker.invoke({
        functionKey: module.function,
        moduleType: 'webtrigger',
        moduleKey: key,
        accountId: undefined,
        args: [request, this.context()],
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`web trigger ${key} failed: ${message}`);
      return platformFailure(`web trigger '${key}' failed: ${message}`);
    }
    const formed = webTriggerResponse(module, result);
    if ('response' in formed) return formed.response;
    this.log(`${formed.unfit}: Forge answers 500`);
    return platformFailure(formed.unfit);
  }
}
