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
import { createKvs, type KvsOptions } from './services/kvs';
import { loadManifest } from './runtime/manifest';
import { Meter } from './runtime/meter';
import { createQueue } from './services/queue';
import { defaultErrorBackoffMs } from './services/queue/consumer-outcome';
import { checkHostOptions } from './host-options';
import type { HostOptions } from './host-options';
import { platformLatency } from './runtime/latency';
import { installOnce } from './runtime/lifecycle';
import { installGlobals } from './runtime/runtime';
import type { Platform } from './runtime/runtime';
import { TriggerDeliveries } from './runtime/trigger-deliveries';
import { TriggerStore } from './runtime/trigger-store';
import { Triggers } from './runtime/triggers';
import { UiCalls } from './runtime/ui-calls';

export type { HostOptions } from './host-options';

export type Host = Awaited<ReturnType<typeof createHost>>;

/** Starts the app's real handlers on this machine, with everything Forge would provide around them. */
export async function createHost(options: HostOptions) {
  checkHostOptions(options);
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

function kvsOptions(options: HostOptions, entities: unknown): KvsOptions {
  const chosen: KvsOptions = { entities };
  if (options.conditionFailure !== undefined) chosen.conditionFailure = options.conditionFailure;
  if (options.kvsRateLimits !== undefined) chosen.rateLimits = options.kvsRateLimits;
  if (options.undeclaredEntityAttributes !== undefined) chosen.undeclaredAttributes = options.undeclaredEntityAttributes;
  if (options.queryLagMs !== undefined) chosen.queryLagMs = options.queryLagMs;
  return chosen;
}

// How long stopping waits for work in progress; what is still running then is run again on the next start.
const STOP_GRACE_MS = 5000;

async function assemble(options: HostOptions, db: Db, unlock: () => void) {
  const log = options.log ?? (() => undefined);
  const loaded = loadManifest(options.appDir);
  const meta = new HostMeta(db);
  const jira = createJira(db);
  const app = meta.identity(loaded.manifest.app.id, jira.cloudId);
  const kvs = createKvs(db, kvsOptions(options, loaded.manifest.app.storage?.entities));
  const meter = new Meter();
  const consumers = loaded.manifest.modules.consumer;
  const egress = new Egress(db, loaded);
  const latency = platformLatency(options.platformLatencyMs);
  const errorBackoffMs = options.errorBackoffMs ?? defaultErrorBackoffMs;

  const {
    store: queueStore,
    scheduler,
    routes: queue,
  } = createQueue(db, loaded, { ...options, errorBackoffMs, log }, async (event, asyncEvent) => {
    const consumer = consumers.find((c) => c.queue === event.queue);
    if (!consumer) throw new Error(`no consumer for queue '${event.queue}'`);
    return invoker.invoke({
      functionKey: consumer.function,
      moduleType: 'consumer',
      moduleKey: consumer.key,
      accountId: undefined,
      chainId: event.chainId,
      args: [asyncEvent, { installContext: `ari:cloud:jira::site/${app.cloudId}` }],
    });
  });

  let stopping = false;
  let closed: Promise<void> | undefined;
  const forgeFetch = createForgeFetch({ kvs, jira, queue, latency });
  const platform: Platform = {
    app,
    appCodeDir: options.appDir,
    // Once stopping, platform calls of invocations that outlive the grace period get an answer, not a closed database.
    route: (typeInfo, path, init) => (stopping ? Promise.resolve(notEmulated('calls after the host stopped')) : forgeFetch(typeInfo, path, init)),
    // Egress goes through Forge's proxy: the same per-call latency as the platform's own services.
    egress: (native) => egress.fetchThrough(native, latency),
    appLog: options.appLog ?? ((line) => process.stdout.write(`[app] ${line}\n`)),
  };
  installGlobals();
  const outputs = await bundleHandlers(loaded, path.join(options.dataDir, 'build'));
  // The scheduler's consumers run through this invoker; the scheduler starts only once it exists.
  const invoker = new Invoker(loadHandlers(loaded, outputs), loaded, meter, platform);
  const triggerStore = new TriggerStore(db);
  const deliveries = new TriggerDeliveries({
    store: triggerStore,
    deliver: (delivery, event): Promise<unknown> => triggers.deliver(delivery, event),
    errorBackoffMs,
    log,
    ...(options.productEventDelayMs === undefined ? {} : { delayMs: options.productEventDelayMs }),
  });
  const triggers: Triggers = new Triggers(loaded, invoker, app, log, deliveries);
  const ui = new UiCalls(loaded, invoker, app, jira, egress);

  jira.onProjectUpdated((event) => triggers.emit(event.eventType, { ...event }));
  scheduler.start();
  deliveries.start();
  const stopSchedules = triggers.startSchedules();
  // The installer is the sandbox's Jira admin.
  installOnce(db, meta, triggers, jira.users().find((u) => u.jiraAdmin)?.accountId);

  return {
    app,
    db,
    loaded,
    jira,
    kvs,
    meter,
    egress,
    queueStore,
    triggerStore,
    scheduler,
    triggers,
    ui,
    invoker,
    /** Resolves once product events, queued jobs and their follow-ups have all run. */
    async idle(timeoutMs = 30_000): Promise<void> {
      const until = Date.now() + timeoutMs;
      do {
        await triggers.idle(Math.max(0, until - Date.now()));
        await scheduler.idle(Math.max(0, until - Date.now()));
      } while (triggers.busy() || scheduler.busy());
    },
    /** Stops taking work, waits a grace period for work in progress, then closes the data folder. */
    close(): Promise<void> {
      closed ??= (async () => {
        stopSchedules();
        const settled = (async () => {
          await triggers.stop();
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
