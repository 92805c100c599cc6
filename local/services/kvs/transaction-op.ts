import { checkConditions } from './condition-rules';
import { conditionsHold } from './conditions';
import { badRequest, byteLength, emptyResponse, KvsError, usage, type OpResult } from './errors';
import type { ConditionFailures } from './condition-failure';
import { checkKey, checkPayload, MAX_TRANSACTION_OPERATIONS, ttlToMs } from './limits';
import type { Records, Space } from './records';
import { parseBody, transactionBody, type Conditions } from './schemas';

/*
 * kvs.transact(): every set, delete and check commits together or not at all (one SQLite transaction).
 * Forge's transaction pages set the limits (25 operations, each key once, a 4 MB payload) but name no error
 * codes, so these are ours: TRANSACTION_LIMIT_EXCEEDED and TRANSACTION_DUPLICATE_KEYS (400). Conditions apply
 * to custom entities only (the KVS transaction page has none) and are checked like query filters. A condition
 * that does not hold answers with the host's condition failure (see condition-failure.ts).
 * Forge bills a transaction as one write operation, so usage is one write carrying all the set bytes.
 * docs/forge-platform.md, "KVS and custom entities".
 */
interface Planned {
  kind: 'set' | 'delete' | 'check';
  space: Space;
  key: string;
  conditions: Conditions | undefined;
  json?: string;
  ttlMs?: number | undefined;
}

export function transactionOp(records: Records, failures: ConditionFailures, body: unknown, requestBytes?: number): OpResult {
  const request = parseBody(transactionBody, body);
  const count = (request.set?.length ?? 0) + (request.delete?.length ?? 0) + (request.check?.length ?? 0);
  if (count > MAX_TRANSACTION_OPERATIONS) {
    throw new KvsError(400, 'TRANSACTION_LIMIT_EXCEEDED', `A transaction can contain at most ${MAX_TRANSACTION_OPERATIONS} operations, got ${count}`);
  }
  checkPayload(body, 'TRANSACTION_LIMIT_EXCEEDED', requestBytes);
  const plan: Planned[] = [
    ...(request.set ?? []).map((op): Planned => {
      const space = records.spaceFor(op.entityName);
      const ttl = op.options?.ttl;
      const json = records.prepareValue(space, op.value);
      return { kind: 'set', space, key: op.key, conditions: op.conditions, json, ttlMs: ttl === undefined ? undefined : ttlToMs(ttl) };
    }),
    ...(request.delete ?? []).map((op): Planned => ({
      kind: 'delete',
      space: records.spaceFor(op.entityName),
      key: op.key,
      conditions: op.conditions,
    })),
    ...(request.check ?? []).map((op): Planned => ({
      kind: 'check',
      space: records.spaceFor(op.entityName),
      key: op.key,
      conditions: op.conditions,
    })),
  ];
  checkPlan(plan);
  if (plan.length === 0) return { response: emptyResponse(), usage: usage() };

  records.store.transaction(() => {
    // All conditions are read before anything is written, so no operation sees another's effect.
    for (const op of plan) {
      if (op.conditions === undefined) continue;
      const item = records.read(op.space, op.key);
      const value: unknown = item === undefined ? undefined : JSON.parse(item.json);
      if (!conditionsHold(op.conditions, value)) throw failures.conditionNotMet(op.key);
    }
    for (const op of plan) {
      if (op.kind === 'set' && op.json !== undefined) records.put(op.space, op.key, op.json, op.ttlMs);
      if (op.kind === 'delete') records.discard(op.space, op.key);
    }
  });
  const writeBytes = plan.reduce((sum, op) => sum + (op.json === undefined ? 0 : byteLength(op.json)), 0);
  return { response: emptyResponse(), usage: usage({ writes: 1, writeBytes }) };
}

function checkPlan(plan: Planned[]): void {
  const seen = new Set<string>();
  for (const op of plan) {
    checkKey(op.key);
    if (op.conditions !== undefined) {
      if (op.space.entity === undefined)
        throw badRequest(`Provided request body is invalid: conditions on key "${op.key}" apply to custom entities only`);
      checkConditions(op.space.entity, op.conditions);
    }
    if (op.kind === 'check' && op.space.entity === undefined) {
      throw badRequest(`Provided request body is invalid: check on key "${op.key}" needs an entityName`);
    }
    const id = `${op.space.ns}\u0000${op.key}`;
    if (seen.has(id)) {
      throw new KvsError(400, 'TRANSACTION_DUPLICATE_KEYS', `Each key can only be used once in a transaction: "${op.key}"`);
    }
    seen.add(id);
  }
}
