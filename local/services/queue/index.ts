import type { Db } from '../../data/db';
import type { LoadedManifest } from '../../runtime/manifest';
import { declaresLongTimeout } from '../../runtime/time-limits';
import { PushChains } from './push-chains';
import { EVENTS_PER_MINUTE } from './push-limits';
import { createQueueRoutes } from './routes';
import type { OversizedEventAnswer } from './routes';
import { Scheduler } from './scheduler';
import type { SchedulerOptions } from './scheduler';
import { QueueStore } from './store';

export interface QueueOptions {
  retentionMs?: number | undefined;
  eventsPerMinute?: number | false | undefined;
  maxConcurrentConsumers?: number | undefined;
  throttleDelayMs?: ((attempt: number) => number) | undefined;
  thrownErrorRetryReason?: string | undefined;
  oversizedEventAnswer?: OversizedEventAnswer | undefined;
  errorBackoffMs: (retryCount: number) => number;
  log: (line: string) => void;
}

/** Forge keeps an event for 24 h from its push (docs/forge-platform.md, "Async events"). */
const RETENTION_MS = 24 * 3600 * 1000;

/** The async events service: durable events, their scheduler and the endpoints @forge/events calls. */
export function createQueue(db: Db, loaded: LoadedManifest, options: QueueOptions, runConsumer: SchedulerOptions['runConsumer']) {
  const store = new QueueStore(db);
  const chains = new PushChains(db);
  // At start no invocation runs, so a chain with no live event can push no more.
  chains.prune();
  const consumers = loaded.manifest.modules.consumer;
  const scheduler = new Scheduler({
    store,
    runConsumer,
    errorBackoffMs: options.errorBackoffMs,
    log: options.log,
    ...(options.maxConcurrentConsumers === undefined ? {} : { maxInFlight: options.maxConcurrentConsumers }),
    ...(options.throttleDelayMs ? { throttleDelayMs: options.throttleDelayMs } : {}),
    ...(options.thrownErrorRetryReason ? { thrownErrorRetryReason: options.thrownErrorRetryReason } : {}),
  });
  const routes = createQueueRoutes({
    store,
    chains,
    scheduler,
    hasConsumer: (name) => consumers.some((c) => c.queue === name),
    hasLongRunningConsumer: (name) => consumers.some((c) => c.queue === name && declaresLongTimeout(loaded.manifest.modules, c.function)),
    retentionMs: options.retentionMs ?? RETENTION_MS,
    eventsPerMinute: options.eventsPerMinute ?? EVENTS_PER_MINUTE,
    ...(options.oversizedEventAnswer ? { oversizedEventAnswer: options.oversizedEventAnswer } : {}),
  });
  return { store, scheduler, routes };
}
