import path from 'node:path';
import { bundleHandlers, loadHandlers } from './runtime/bundle';
import { emptyDataDir, lockDataDir } from './data/data-lock';
import { openDb } from './data/db';
import type { Db } from './data/db';
import { Egress } from './services/egress';
import { createForgeFetch, notEmulated } from './runtime/forge-fetch';
import { HostMeta } from './runtime/host-meta';
import { Invoker } from './runtime/invoker';
import { createJira } from './services/jira';
import { createKvs } from './services/kvs';
import { loadManifest } from './runtime/manifest';
import { Meter } from './runtime/meter';
import { createQueueRoutes } from './services/queue/routes';
import { defaultErrorBackoffMs, Scheduler } from './services/queue/scheduler';
import { QueueStore } from './services/queue/store';
import { installGlobals } from './runtime/runtime';
import type { Platform } from './runtime/runtime';
import { Triggers } from './runtime/triggers';
import { UiCalls } from './runtime/ui-calls';

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
  const unlock = lockDataDir(options.dataDir);
  if (options.reset) emptyDataDir(options.dataDir);
  const db = openDb(options.dataDir);
  try {
    return await assemble(options, db, unlock);
  } catch (error) {
    db.close();
    unlock();
    throw error;
  }
}

// How long stopping waits for work in progress; what is still running then is run again on the next start.
const STOP_GRACE_MS = 5000;

async function assemble(options: HostOptions, db: Db, unlock: () => void) {
  const log = options.log ?? (() => undefined);
  const loaded = loadManifest(options.appDir);
  const meta = new HostMeta(db);
  const jira = createJira(db);
  const app = meta.identity(loaded.manifest.app.id, jira.cloudId);
  const kvs = createKvs(db);
  const meter = new Meter();
  const queueStore = new QueueStore(db);
  const consumers = loaded.manifest.modules.consumer;
  const egress = new Egress(db, loaded);

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

  let stopping = false;
  let closed: Promise<void> | undefined;
  const forgeFetch = createForgeFetch({ kvs, jira, queue });
  const platform: Platform = {
    app,
    appCodeDir: options.appDir,
    // Once stopping, platform calls of invocations that outlive the grace period get an answer, not a closed database.
    route: (typeInfo, path, init) => (stopping ? Promise.resolve(notEmulated('calls after the host stopped')) : forgeFetch(typeInfo, path, init)),
    egress: (native) => egress.fetchThrough(native),
    appLog: options.appLog ?? ((line) => process.stdout.write(`[app] ${line}\n`)),
  };
  installGlobals();
  const outputs = await bundleHandlers(loaded, path.join(options.dataDir, 'build'));
  // The scheduler's consumers run through this invoker; the scheduler starts only once it exists.
  const invoker = new Invoker(loadHandlers(loaded, outputs), loaded, meter, platform);
  const triggers = new Triggers(loaded, invoker, app, log);
  const ui = new UiCalls(loaded, invoker, app, jira, egress);

  jira.onProjectUpdated((event) => void triggers.emit(event.eventType, { ...event }));
  scheduler.start();
  const stopSchedules = triggers.startSchedules();
  if (!meta.get('installedAt')) {
    // Recorded only once the app handled it: a failed or interrupted install is sent again on the next start.
    void triggers.emit('avi:forge:installed:app', triggers.installedEvent()).then((ok) => {
      if (ok && !stopping) meta.set('installedAt', new Date().toISOString());
    });
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
    /** Resolves once product events, queued jobs and their follow-ups have all run. */
    async idle(timeoutMs = 30_000): Promise<void> {
      for (let i = 0; i < 3; i++) {
        await triggers.idle();
        await scheduler.idle(timeoutMs);
      }
    },
    /** Stops taking work, waits a grace period for work in progress, then closes the data folder. */
    close(): Promise<void> {
      closed ??= (async () => {
        stopSchedules();
        const settled = (async () => {
          await triggers.idle();
          await scheduler.stop();
          await invoker.idle();
        })();
        await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref())]);
        stopping = true;
        db.close();
        unlock();
      })();
      return closed;
    },
  };
}
