import { checkLatencyRange } from './runtime/latency';
import type { LatencyRange } from './runtime/latency';
import type { ProductEventDelay } from './runtime/trigger-deliveries';
import { readQueryLag, type ConditionFailure, type QueryLagMs, type UndeclaredAttributes } from './services/kvs';
import type { OversizedEventAnswer } from './services/queue/routes';

/** How a host is started. Every timing Forge leaves undocumented can be varied here (docs/local-host.md). */
export interface HostOptions {
  appDir: string;
  dataDir: string;
  reset?: boolean;
  /** How long an event may keep failing before it is recorded as dead; Forge keeps it 24 h (the default). */
  retentionMs?: number;
  /** Delay before the platform retries a consumer that threw or timed out; default 5 s doubling up to 15 min. */
  errorBackoffMs?: (retryCount: number) => number;
  /** Queue events pushed per minute per installation; Forge allows 500 (the default); `false` switches it off. */
  eventsPerMinute?: number | false;
  /** How many consumer invocations run at once; default 8. */
  maxConcurrentConsumers?: number;
  /**
   * Delay before an event throttled by its concurrency key is looked at again, by how often it was throttled
   * before; default a random 1 s … (5 s × 2^attempt, at most 15 min). Events of a key then run in no set order.
   */
  throttleDelayMs?: (attempt: number) => number;
  /** The retryReason of a retry after a consumer threw (undocumented); default `FUNCTION_PLATFORM_UNKNOWN_ERROR`. */
  thrownErrorRetryReason?: string;
  /** How an event over 100 KB for a consumer with `timeoutSeconds` over 55 is refused; default `payload-too-big`. */
  oversizedEventAnswer?: OversizedEventAnswer;
  /** Per-call latency of KVS, Jira, queue and egress calls, in ms; none by default. */
  platformLatencyMs?: LatencyRange;
  /** How late product and lifecycle events reach their triggers, in ms (or per event and trigger); default 0. */
  productEventDelayMs?: ProductEventDelay;
  /** Status and code of a failed KVS transaction condition and of FAIL_IF_EXISTS on an existing key; Forge documents neither. */
  conditionFailure?: ConditionFailure;
  /** Forge's KVS rate limits per installation (docs/forge-platform.md, "KVS and custom entities"); on unless false. */
  kvsRateLimits?: boolean;
  /** What an undeclared attribute of a custom entity value gets; Forge documents nothing, so 'refuse' by default. */
  undeclaredEntityAttributes?: UndeclaredAttributes;
  /**
   * How far behind the store kvs.query() and entity().query() answer, in ms: a figure, or a range each query draws its own
   * lag from. A write or delete is seen by queries once it is that old; get, entity().get, batchGet and transaction
   * conditions always see it at once. Forge's queries are eventually consistent by a delay it does not document, at most
   * 60 000 here (docs/forge-platform.md, "KVS and custom entities"); off (0) by default.
   */
  queryLagMs?: QueryLagMs;
  log?: (line: string) => void;
  /** Where the app's own console output goes (as `forge logs` shows it); printed by default. */
  appLog?: (line: string) => void;
}

/** Refuses options that cannot be meant, naming the option. */
export function checkHostOptions(options: HostOptions): void {
  const positiveInt = (name: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`${name}: must be a whole number ≥ 1 (got ${value})`);
  };
  positiveInt('maxConcurrentConsumers', options.maxConcurrentConsumers);
  positiveInt('retentionMs', options.retentionMs);
  if (options.eventsPerMinute !== false) positiveInt('eventsPerMinute', options.eventsPerMinute);
  if (options.platformLatencyMs) checkLatencyRange(options.platformLatencyMs);
  readQueryLag(options.queryLagMs);
  const delay = options.productEventDelayMs;
  if (typeof delay === 'number' && (!Number.isFinite(delay) || delay < 0))
    throw new Error(`productEventDelayMs: must be a number ≥ 0 (got ${delay})`);
}
