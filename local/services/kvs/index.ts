import type { Db } from '../../data/db';
import type { KvsUsage } from '../../runtime/meter';
import { batchDeleteOp, batchGetOp, batchSetOp } from './batch-ops';
import { ChangeJournal } from './change-journal';
import { conditionFailures, type ConditionFailure } from './condition-failure';
import { readEntityDeclarations } from './entity-declarations';
import { entityQueryOp } from './entity-query-op';
import type { UndeclaredAttributes } from './entity-values';
import { byteLength, errorResponse, jsonResponse, KvsError, usage, type OpResult } from './errors';
import { IndexScan } from './index-scan';
import { readQueryLag, type QueryLagMs } from './query-lag';
import { queryOp } from './query-op';
import { RateLimiter, unitsFor, type Traffic } from './rate-limits';
import { Records } from './records';
import { createSecretCipher } from './secret-cipher';
import { deleteOp, getOp, setOp } from './single-ops';
import { ItemStore } from './store';
import { transactionOp } from './transaction-op';

export type { ConditionFailure } from './condition-failure';
export type { UndeclaredAttributes } from './entity-values';
export { readQueryLag, type QueryLagMs } from './query-lag';

/**
 * The local stand-in for Forge's KVS service. @forge/kvs sends every call as `POST <path>` with a JSON
 * body through global.__forge_fetch__; the host's router hands us that path and parsed body, and we
 * answer with the Response Forge would give plus what the call costs for the billing meter.
 */
export interface KvsService {
  /** `requestBytes`: the request's size as sent (the SDK's JSON), when the caller has it; else the body is measured. */
  handle(path: string, body: unknown, requestBytes?: number): { response: Response; usage: KvsUsage };
  /**
   * The same call as the platform itself sees its store, for tests and the sandbox's pages: the current state (no
   * query lag), outside the rate limits.
   */
  inspect(path: string, body: unknown): { response: Response; usage: KvsUsage };
}

export interface KvsOptions {
  now?: () => number;
  /** `app.storage.entities` of manifest.yml, as read from the file; only these entities can be stored. */
  entities?: unknown;
  /** The status and code of a failed transaction condition and of FAIL_IF_EXISTS on an existing key (undocumented by Forge). */
  conditionFailure?: ConditionFailure;
  /** Forge's per-installation rate limits; on unless false (a benchmark measuring the host's own speed turns them off). */
  rateLimits?: boolean;
  /** What an entity value's undeclared attribute gets (undocumented by Forge); 'refuse' by default. */
  undeclaredAttributes?: UndeclaredAttributes;
  /**
   * How far behind the store kvs.query() and entity().query() answer (eventually consistent on Forge, by an undocumented
   * delay); get, entity().get, batchGet and transaction conditions always see the current state. Off by default.
   */
  queryLagMs?: QueryLagMs;
  /** Draws each query's lag within a queryLagMs range; Math.random by default. */
  random?: () => number;
}

const READS = new Set(['/api/v1/get', '/api/v1/query', '/api/v1/secret/get', '/api/v1/entity/get', '/api/v1/entity/query', '/api/v1/batch/get']);

export function createKvs(db: Db, options: KvsOptions = {}): KvsService {
  const now = options.now ?? Date.now;
  const entities = readEntityDeclarations(options.entities);
  const lag = readQueryLag(options.queryLagMs);
  const journal = lag === undefined ? undefined : new ChangeJournal(lag, options.random ?? Math.random);
  const store = new ItemStore(db);
  const cipher = createSecretCipher(db);
  const undeclared = options.undeclaredAttributes ?? 'refuse';
  const indexScan = new IndexScan(db);
  indexScan.createIndexes(entities);
  const failures = conditionFailures(options.conditionFailure);
  const limiter = options.rateLimits === false ? undefined : new RateLimiter(now);
  const routes = routesOf(new Records(store, cipher, now, entities, undeclared, journal), indexScan, failures);
  const current = routesOf(new Records(store, cipher, now, entities, undeclared, undefined), indexScan, failures);

  return {
    handle(path, body, requestBytes) {
      const endpoint = normalise(path);
      const route = routes.get(endpoint);
      if (route === undefined) return notEmulated(`The local host does not emulate the KVS endpoint POST ${path}`);
      const traffic: Traffic = READS.has(endpoint) ? 'read' : 'write';
      // A write is sized by what it sends; a read by what it gets back, known only once answered.
      const planned = traffic === 'write' && limiter !== undefined ? unitsFor(requestBytes ?? byteLength(JSON.stringify(body ?? null))) : 1;
      const refused = limiter?.admit(traffic, planned);
      if (refused !== undefined) return { response: errorResponse(refused), usage: usage() };
      const result = run(route, body, requestBytes);
      limiter?.charge(traffic, traffic === 'write' ? planned : unitsFor(result.usage.readBytes));
      return result;
    },
    inspect(path, body) {
      const route = current.get(normalise(path));
      return route === undefined ? notEmulated(`The local host does not emulate the KVS endpoint POST ${path}`) : run(route, body);
    },
  };
}

type Route = (body: unknown, requestBytes?: number) => OpResult;

function run(route: Route, body: unknown, requestBytes?: number): OpResult {
  try {
    return route(body, requestBytes);
  } catch (error) {
    // Refusals cost nothing: Forge rejects them before touching storage.
    if (error instanceof KvsError) return { response: errorResponse(error), usage: usage() };
    const message = error instanceof Error ? error.message : String(error);
    return { response: jsonResponse(500, { code: 'INTERNAL_SERVER_ERROR', message: `Local KVS failure: ${message}` }), usage: usage() };
  }
}

function routesOf(records: Records, indexScan: IndexScan, failures: ReturnType<typeof conditionFailures>): Map<string, Route> {
  return new Map<string, Route>([
    ['/api/v1/get', (body) => getOp(records, 'plain', body)],
    ['/api/v1/set', (body) => setOp(records, failures, 'plain', body)],
    ['/api/v1/delete', (body) => deleteOp(records, 'plain', body)],
    ['/api/v1/query', (body) => queryOp(records, body)],
    ['/api/v1/secret/get', (body) => getOp(records, 'secret', body)],
    ['/api/v1/secret/set', (body) => setOp(records, failures, 'secret', body)],
    ['/api/v1/secret/delete', (body) => deleteOp(records, 'secret', body)],
    ['/api/v1/entity/get', (body) => getOp(records, 'entity', body)],
    ['/api/v1/entity/set', (body) => setOp(records, failures, 'entity', body)],
    ['/api/v1/entity/delete', (body) => deleteOp(records, 'entity', body)],
    ['/api/v1/entity/query', (body) => entityQueryOp(records, indexScan, body)],
    ['/api/v1/batch/set', (body, bytes) => batchSetOp(records, body, bytes)],
    ['/api/v1/batch/get', (body) => batchGetOp(records, body)],
    ['/api/v1/batch/delete', (body) => batchDeleteOp(records, body)],
    ['/api/v1/transaction', (body, bytes) => transactionOp(records, failures, body, bytes)],
  ]);
}

/** 501 rather than a fake answer: an app relying on an unemulated feature should fail loudly in the sandbox. */
function notEmulated(message: string): OpResult {
  return { response: jsonResponse(501, { code: 'NOT_EMULATED', message }), usage: usage() };
}

/** Tolerates a query string or trailing slash a router might leave on the path. */
function normalise(path: string): string {
  const bare = path.split('?', 1)[0] ?? path;
  return bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare;
}
