import { randomUUID } from 'node:crypto';
import type { Invoker } from './invoker';
import type { LoadedManifest } from './manifest';
import type { AppIdentity } from './runtime';

export interface WebTriggerRequest {
  method: string;
  path: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

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

  /** Forge delivers product events asynchronously: the caller does not wait for the trigger. */
  emit(eventType: string, event: Record<string, unknown>): void {
    for (const trigger of this.loaded.manifest.modules.trigger.filter((t) => t.events.includes(eventType))) {
      const run = this.invoker
        .invoke({ functionKey: trigger.function, moduleType: 'trigger', moduleKey: trigger.key, accountId: undefined, args: [event, this.context()] })
        .catch((error: unknown) =>
          this.log(`trigger ${trigger.key} failed on ${eventType}: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }
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

  async web(key: string, request: WebTriggerRequest): Promise<WebTriggerResponse | undefined> {
    const module = this.loaded.manifest.modules.webtrigger.find((w) => w.key === key);
    if (!module) return undefined;
    const result = await this.invoker.invoke({
      functionKey: module.function,
      moduleType: 'webtrigger',
      moduleKey: key,
      accountId: undefined,
      args: [request, this.context()],
    });
    const response = (result ?? {}) as Partial<WebTriggerResponse>;
    return { statusCode: response.statusCode ?? 204, headers: response.headers ?? {}, body: response.body ?? '' };
  }
}
