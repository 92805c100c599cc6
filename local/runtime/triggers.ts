import { randomUUID } from 'node:crypto';
import type { Invoker } from './invoker';
import type { LoadedManifest } from './manifest';
import type { AppIdentity } from './runtime';
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
  ) {}

  private context(): Record<string, unknown> {
    return { installContext: `ari:cloud:jira::site/${this.app.cloudId}` };
  }

  /**
   * Forge delivers product events asynchronously: the caller does not wait for the triggers. The promise says
   * whether every subscribed trigger handled the event (for the installed event, which is sent until it is).
   */
  emit(eventType: string, event: Record<string, unknown>): Promise<boolean> {
    const runs = this.loaded.manifest.modules.trigger
      .filter((t) => t.events.includes(eventType))
      .map((trigger) => {
        const run: Promise<boolean> = this.invoker
          .invoke({
            functionKey: trigger.function,
            moduleType: 'trigger',
            moduleKey: trigger.key,
            accountId: undefined,
            args: [event, this.context()],
          })
          .then(() => true)
          .catch((error: unknown) => {
            this.log(`trigger ${trigger.key} failed on ${eventType}: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          })
          .finally(() => this.running.delete(run));
        this.running.add(run);
        return run;
      });
    return Promise.all(runs).then((results) => results.every(Boolean));
  }

  /** `scheduledTrigger` modules: each runs on its interval while the host is up (Forge starts them on deploy). */
  startSchedules(): () => void {
    const timers = this.loaded.manifest.modules.scheduledTrigger.map((trigger) =>
      setInterval(() => void this.runScheduled(trigger.key), SCHEDULE_MS[trigger.interval]).unref(),
    );
    return () => timers.forEach((t) => clearInterval(t));
  }

  /** Runs one scheduled trigger now (the sandbox's "run now", and tests). */
  runScheduled(key: string): Promise<void> {
    const trigger = this.loaded.manifest.modules.scheduledTrigger.find((t) => t.key === key);
    if (!trigger) return Promise.reject(new Error(`manifest.yml has no scheduledTrigger '${key}'`));
    const run = this.invoker
      .invoke({
        functionKey: trigger.function,
        moduleType: 'scheduledTrigger',
        moduleKey: key,
        accountId: undefined,
        args: [{ context: { cloudId: this.app.cloudId } }, this.context()],
      })
      .then(() => undefined)
      .catch((error: unknown) => this.log(`scheduled trigger ${key} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return run;
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** The app-installed lifecycle event, shaped as Forge documents `avi:forge:installed:app`. */
  installedEvent(): Record<string, unknown> {
    return {
      eventType: 'avi:forge:installed:app',
      id: randomUUID(),
      installerAccountId: undefined,
      app: { id: this.app.appId, version: this.app.appVersion },
      environment: { id: this.app.environmentId },
      context: { cloudId: this.app.cloudId, workspaceId: null },
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
