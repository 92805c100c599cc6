import fs from 'node:fs';
import path from 'node:path';
import { captureAppLogs } from './app-logs';
import { bundleHandlers, loadHandlers } from './bundle';
import { openDb } from './db';
import { Egress } from './egress';
import { createForgeFetch } from './forge-fetch';
import { HostMeta } from './host-meta';
import { Invoker } from './invoker';
import { createJira } from './jira';
import { createKvs } from './kvs';
import { loadManifest } from './manifest';
import { Meter } from './meter';
import { createQueueRoutes } from './queue/routes';
import { defaultErrorBackoffMs, Scheduler } from './queue/scheduler';
import { QueueStore } from './queue/store';
import { installRuntime } from './runtime';
import { Triggers } from './triggers';
import { UiCalls } from './ui-calls';

export interface HostOptions {
  appDir: string;
  dataDir: string;
  reset?: boolean;
  /** How long an event may keep failing before it is recorded as dead; Forge keeps it 24 h. */
  retentionMs?: number;
  errorBackoffMs?: (retryCount: number) => number;
  eventsPerMinute?: number;
  log?: (line: string) => void;
  /** Where the app's own console output goes (as `forge logs` shows it); printed by default. */
  appLog?: (line: string) => void;
}

export type Host = Awaited<ReturnType<typeof createHost>>;

/** Starts the app's real handlers on this machine, with everything Forge would provide around them. */
export async function createHost(options: HostOptions) {
  const log = options.log ?? (() => undefined);
  if (options.reset) fs.rmSync(options.dataDir, { recursive: true, force: true });
  const db = openDb(options.dataDir);
  const loaded = loadManifest(options.appDir);
  const meta = new HostMeta(db);
  const jira = createJira(db);
  const app = meta.identity(loaded.manifest.app.id, jira.cloudId);
  const kvs = createKvs(db);
  const meter = new Meter();
  const queueStore = new QueueStore(db);
  const consumers = loaded.manifest.modules.consumer;
  const backend = loaded.manifest.permissions.external?.fetch?.backend ?? [];
  const egress = new Egress(
    db,
    backend.map((entry) => (typeof entry === 'string' ? entry : entry.address)),
  );

  const scheduler = new Scheduler({
    store: queueStore,
    errorBackoffMs: options.errorBackoffMs ?? defaultErrorBackoffMs,
    log,
    runConsumer: async (event, asyncEvent) => {
      const consumer = consumers.find((c) => c.queue === event.queue);
      if (!consumer) throw new Error(`no consumer for queue '${event.queue}'`);
      return invoker.invoke({
        functionKey: consumer.function,
        moduleType: 'consumer',
        moduleKey: consumer.key,
        accountId: undefined,
        args: [asyncEvent, { installContext: `ari:cloud:jira::site/${app.cloudId}` }],
      });
    },
  });
  const queue = createQueueRoutes({
    store: queueStore,
    scheduler,
    hasConsumer: (name) => consumers.some((c) => c.queue === name),
    retentionMs: options.retentionMs ?? 24 * 3600 * 1000,
    eventsPerMinute: options.eventsPerMinute ?? 500,
  });

  captureAppLogs(options.appLog ?? ((line) => process.stdout.write(`[app] ${line}\n`)));
  installRuntime({
    app,
    appCodeDir: options.appDir,
    route: createForgeFetch({ kvs, jira, queue }),
    egress: (native) => egress.fetchThrough(native),
  });
  const outputs = await bundleHandlers(loaded, path.join(options.dataDir, 'build'));
  // The scheduler's consumers run through this invoker; the scheduler starts only once it exists.
  const invoker = new Invoker(loadHandlers(loaded, outputs), loaded, meter);
  const triggers = new Triggers(loaded, invoker, app, log);
  const ui = new UiCalls(loaded, invoker, app, jira, egress);

  jira.onProjectUpdated((event) => triggers.emit(event.eventType, { ...event }));
  scheduler.start();
  const stopSchedules = triggers.startSchedules();
  if (!meta.get('installedAt')) {
    meta.set('installedAt', new Date().toISOString());
    triggers.emit('avi:forge:installed:app', triggers.installedEvent());
  }

  return {
    app,
    db,
    loaded,
    jira,
    kvs,
    meter,
    egress,
    queueStore,
    scheduler,
    triggers,
    ui,
    invoker,
    installedAt: () => meta.get('installedAt'),
    /** Resolves once product events, queued jobs and their follow-ups have all run. */
    async idle(timeoutMs = 30_000): Promise<void> {
      for (let i = 0; i < 3; i++) {
        await triggers.idle();
        await scheduler.idle(timeoutMs);
      }
    },
    async close(): Promise<void> {
      stopSchedules();
      await triggers.idle();
      await scheduler.stop();
      db.close();
    },
  };
}
