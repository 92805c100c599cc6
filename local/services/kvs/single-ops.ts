import type { ConditionFailures } from './condition-failure';
import { badRequest, byteLength, emptyResponse, errorResponse, jsonResponse, keyNotFound, usage, type OpResult } from './errors';
import { checkKey, ttlToMs } from './limits';
import { PLAIN_SPACE, SECRET_SPACE, type Records, type Space } from './records';
import { deleteBody, getBody, parseBody, setBody } from './schemas';
import { METADATA_FIELDS, wireItem } from './wire';

/** Which of Forge's key spaces an endpoint addresses: /api/v1/get, /api/v1/secret/get or /api/v1/entity/get. */
export type SpaceKind = 'plain' | 'secret' | 'entity';

function resolveSpace(records: Records, kind: SpaceKind, entityName: string | undefined): Space {
  if (kind === 'plain') return PLAIN_SPACE;
  if (kind === 'secret') return SECRET_SPACE;
  if (entityName === undefined) throw badRequest('Provided request body is invalid: entityName is required');
  return records.spaceFor(entityName);
}

/** A miss still costs a read, as a Forge request does; its answer is the 404 the SDK turns into undefined. */
export function getOp(records: Records, kind: SpaceKind, body: unknown): OpResult {
  const request = parseBody(getBody, body);
  const space = resolveSpace(records, kind, request.entityName);
  checkKey(request.key);
  const item = records.read(space, request.key);
  if (item === undefined) return { response: errorResponse(keyNotFound(request.key)), usage: usage({ reads: 1 }) };
  return {
    response: jsonResponse(200, wireItem(item, METADATA_FIELDS)),
    usage: usage({ reads: 1, readBytes: byteLength(item.json) }),
  };
}

/**
 * set answers 204 unless the caller asked for a value back (keyPolicy OVERRIDE + returnValue): then 200
 * with the new item (LATEST) or the replaced one (PREVIOUS; 204 when nothing was replaced, which the
 * SDK reads as undefined). The read-then-write runs in one SQLite transaction so FAIL_IF_EXISTS is atomic.
 */
export function setOp(records: Records, failures: ConditionFailures, kind: SpaceKind, body: unknown): OpResult {
  const request = parseBody(setBody, body);
  const space = resolveSpace(records, kind, request.entityName);
  checkKey(request.key);
  const json = records.prepareValue(space, request.value);
  const options = request.options ?? {};
  const policy = options.keyPolicy ?? 'OVERRIDE';
  if (options.returnValue !== undefined && policy !== 'OVERRIDE') {
    throw badRequest('Provided request body is invalid: returnValue requires keyPolicy OVERRIDE');
  }
  const ttlMs = options.ttl === undefined ? undefined : ttlToMs(options.ttl);

  const { previous, latest } = records.store.transaction(() => {
    const before = records.read(space, request.key);
    // Forge's docs name no code for this refusal; see condition-failure.ts.
    if (before !== undefined && policy === 'FAIL_IF_EXISTS') throw failures.keyExists(request.key);
    return { previous: before, latest: records.write(space, request.key, json, ttlMs) };
  });

  const cost = usage({ writes: 1, writeBytes: byteLength(json) });
  if (options.returnValue === undefined) return { response: emptyResponse(), usage: cost };
  const shown = options.returnValue === 'LATEST' ? latest : previous;
  return { response: shown === undefined ? emptyResponse() : jsonResponse(200, wireItem(shown, METADATA_FIELDS)), usage: cost };
}

/** Deleting a missing key answers 404 KEY_NOT_FOUND, which the SDK swallows, as Forge's does. */
export function deleteOp(records: Records, kind: SpaceKind, body: unknown): OpResult {
  const request = parseBody(deleteBody, body);
  const space = resolveSpace(records, kind, request.entityName);
  checkKey(request.key);
  const removed = records.remove(space, request.key);
  return { response: removed ? emptyResponse() : errorResponse(keyNotFound(request.key)), usage: usage({ writes: 1 }) };
}
