import { byteLength, jsonResponse, KvsError, usage, type OpResult } from './errors';
import { checkKey, checkPayload, MAX_BATCH_ITEMS, ttlToMs } from './limits';
import type { Records, Space } from './records';
import { batchDeleteBody, batchGetBody, batchSetBody, parseBody } from './schemas';
import { wireItem } from './wire';

/*
 * kvs.batchSet / batchGet / batchDelete. Per Forge's batch docs (storage-reference/batchops-entities) a
 * batch fails as a whole when it is empty, holds more than 25 keys or names the same key twice; otherwise
 * each item succeeds or fails on its own and is reported in successfulKeys / failedKeys. The docs name
 * no codes for the whole-batch refusals: BATCH_EMPTY, BATCH_LIMIT_EXCEEDED and BATCH_DUPLICATE_KEYS are ours.
 * A batch set is also limited to a 4 MB payload, "similar to transactions" (BATCH_LIMIT_EXCEEDED).
 * An undeclared entity or a value its declaration refuses fails that item only, with INVALID_ENTITY_TYPE or
 * INVALID_ENTITY_VALUE (docs/forge-platform.md, "KVS and custom entities").
 * A missing key in get/delete fails with KEY_NOT_FOUND 'Key does not exist', as in the SDK's own fixtures.
 */
interface BatchKey {
  key: string;
  entityName?: string | undefined;
}
type ItemId = { key: string; entityName?: string };
type Failure = ItemId & { error: { code: string; message: string } };

export function batchSetOp(records: Records, body: unknown, requestBytes?: number): OpResult {
  const items = checkBatch(parseBody(batchSetBody, body));
  checkPayload(body, 'BATCH_LIMIT_EXCEEDED', requestBytes);
  let writeBytes = 0;
  const outcome = records.store.transaction(() =>
    eachItem(records, items, (item, space) => {
      checkKey(item.key);
      const json = records.prepareValue(space, item.value);
      const ttl = item.options?.ttl;
      records.put(space, item.key, json, ttl === undefined ? undefined : ttlToMs(ttl));
      writeBytes += byteLength(json);
      return itemId(item);
    }),
  );
  return { response: jsonResponse(200, outcome), usage: usage({ writes: outcome.successfulKeys.length, writeBytes }) };
}

export function batchGetOp(records: Records, body: unknown): OpResult {
  const items = checkBatch(parseBody(batchGetBody, body));
  let readBytes = 0;
  const outcome = eachItem(records, items, (item, space) => {
    checkKey(item.key);
    const found = records.read(space, item.key);
    if (found === undefined) throw missing();
    readBytes += byteLength(found.json);
    return wireItem(found, item.options?.metadataFields ?? [], item.entityName);
  });
  return { response: jsonResponse(200, outcome), usage: usage({ reads: items.length, readBytes }) };
}

export function batchDeleteOp(records: Records, body: unknown): OpResult {
  const items = checkBatch(parseBody(batchDeleteBody, body));
  const outcome = records.store.transaction(() =>
    eachItem(records, items, (item, space) => {
      checkKey(item.key);
      if (!records.remove(space, item.key)) throw missing();
      return itemId(item);
    }),
  );
  return { response: jsonResponse(200, outcome), usage: usage({ writes: outcome.successfulKeys.length }) };
}

function checkBatch<T extends BatchKey>(items: T[]): T[] {
  if (items.length === 0) throw new KvsError(400, 'BATCH_EMPTY', 'A batch operation must contain at least one key');
  if (items.length > MAX_BATCH_ITEMS) {
    throw new KvsError(400, 'BATCH_LIMIT_EXCEEDED', `A batch operation can contain at most ${MAX_BATCH_ITEMS} keys`);
  }
  const seen = new Set(items.map((item) => `${item.entityName ?? ''}\u0000${item.key}`));
  if (seen.size !== items.length) {
    throw new KvsError(400, 'BATCH_DUPLICATE_KEYS', 'A batch operation cannot name the same key (and entity) twice');
  }
  return items;
}

/** Runs `fn` per item; a KvsError becomes that item's failure, anything else is a host bug and propagates. */
function eachItem<T extends BatchKey, R>(
  records: Records,
  items: T[],
  fn: (item: T, space: Space) => R,
): { successfulKeys: R[]; failedKeys: Failure[] } {
  const successfulKeys: R[] = [];
  const failedKeys: Failure[] = [];
  for (const item of items) {
    try {
      successfulKeys.push(fn(item, records.spaceFor(item.entityName)));
    } catch (error) {
      if (!(error instanceof KvsError)) throw error;
      failedKeys.push({ ...itemId(item), error: { code: error.code, message: error.message } });
    }
  }
  return { successfulKeys, failedKeys };
}

function itemId(item: BatchKey): ItemId {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

// One instance: a batch may miss many keys, and only its code and message are ever read.
const MISSING = new KvsError(404, 'KEY_NOT_FOUND', 'Key does not exist');
function missing(): KvsError {
  return MISSING;
}
