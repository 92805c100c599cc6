import type { Db } from '../../data/db';
import type { KvsUsage } from '../../runtime/meter';
import { batchDeleteOp, batchGetOp, batchSetOp } from './batch-ops';
import { errorResponse, jsonResponse, KvsError, usage, type OpResult } from './errors';
import { queryOp } from './query-op';
import { Records } from './records';
import { createSecretCipher } from './secret-cipher';
import { deleteOp, getOp, setOp } from './single-ops';
import { ItemStore } from './store';
import { transactionOp } from './transaction-op';

/**
 * The local stand-in for Forge's KVS service. @forge/kvs sends every call as `POST <path>` with a JSON
 * body through global.__forge_fetch__; the host's router hands us that path and parsed body, and we
 * answer with the Response Forge would give plus what the call costs for the billing meter.
 */
export interface KvsService {
  handle(path: string, body: unknown): { response: Response; usage: KvsUsage };
}

export function createKvs(db: Db, options: { now?: () => number } = {}): KvsService {
  const records = new Records(new ItemStore(db), createSecretCipher(db), options.now ?? Date.now);
  const routes = new Map<string, (body: unknown) => OpResult>([
    ['/api/v1/get', (body) => getOp(records, 'plain', body)],
    ['/api/v1/set', (body) => setOp(records, 'plain', body)],
    ['/api/v1/delete', (body) => deleteOp(records, 'plain', body)],
    ['/api/v1/query', (body) => queryOp(records, body)],
    ['/api/v1/secret/get', (body) => getOp(records, 'secret', body)],
    ['/api/v1/secret/set', (body) => setOp(records, 'secret', body)],
    ['/api/v1/secret/delete', (body) => deleteOp(records, 'secret', body)],
    ['/api/v1/entity/get', (body) => getOp(records, 'entity', body)],
    ['/api/v1/entity/set', (body) => setOp(records, 'entity', body)],
    ['/api/v1/entity/delete', (body) => deleteOp(records, 'entity', body)],
    ['/api/v1/entity/query', () => notEmulated('Custom entity index queries are not emulated by the local host')],
    ['/api/v1/batch/set', (body) => batchSetOp(records, body)],
    ['/api/v1/batch/get', (body) => batchGetOp(records, body)],
    ['/api/v1/batch/delete', (body) => batchDeleteOp(records, body)],
    ['/api/v1/transaction', (body) => transactionOp(records, body)],
  ]);

  return {
    handle(path, body) {
      const route = routes.get(normalise(path));
      if (route === undefined) return notEmulated(`The local host does not emulate the KVS endpoint POST ${path}`);
      try {
        return route(body);
      } catch (error) {
        // Refusals cost nothing: Forge rejects them before touching storage.
        if (error instanceof KvsError) return { response: errorResponse(error), usage: usage() };
        const message = error instanceof Error ? error.message : String(error);
        return { response: jsonResponse(500, { code: 'INTERNAL_SERVER_ERROR', message: `Local KVS failure: ${message}` }), usage: usage() };
      }
    },
  };
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
