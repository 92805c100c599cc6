import { afterEach, describe, expect, it } from 'vitest';
import type { ConditionFailure } from './condition-failure';
import { conditionFailures } from './condition-failure';
import { openHarness, type Harness } from './test-harness';

let h: Harness;
afterEach(() => h.close());

async function failedConditions(conditionFailure?: ConditionFailure) {
  h = await openHarness(conditionFailure === undefined ? {} : { conditionFailure });
  const { kvs, Filter, FilterConditions } = h.sdk;
  await kvs.set('lock', 'held');
  const keyPolicy = await kvs.set('lock', 'again', { keyPolicy: 'FAIL_IF_EXISTS' }).catch((e: unknown) => e);
  const condition = await kvs
    .transact()
    .set('e1', { age: 1 }, { entityName: 'employee', conditions: new Filter<{ age: number }>().and('age', FilterConditions.exists()) })
    .execute()
    .catch((e: unknown) => e);
  const shape = (e: unknown) => {
    const error = e as { code: string; message: string; responseDetails: { status: number } };
    return { code: error.code, message: error.message, status: error.responseDetails.status };
  };
  return { keyPolicy: shape(keyPolicy), condition: shape(condition), lock: await kvs.get('lock'), e1: await kvs.entity('employee').get('e1') };
}

describe('failed conditions', () => {
  it('answer 409 KEY_ALREADY_EXISTS and 409 CONDITIONAL_CHECK_FAILED by default', async () => {
    expect(await failedConditions()).toEqual({
      keyPolicy: { code: 'KEY_ALREADY_EXISTS', message: 'Key already exists and keyPolicy is FAIL_IF_EXISTS: lock', status: 409 },
      condition: { code: 'CONDITIONAL_CHECK_FAILED', message: 'Transaction cancelled: the conditions on key "e1" were not met', status: 409 },
      lock: 'held',
      e1: undefined,
    });
  });

  it('answer with the status and code the host is given, both of them', async () => {
    expect(await failedConditions({ status: 400, code: 'CONDITION_NOT_MET' })).toEqual({
      keyPolicy: { code: 'CONDITION_NOT_MET', message: 'Key already exists and keyPolicy is FAIL_IF_EXISTS: lock', status: 400 },
      condition: { code: 'CONDITION_NOT_MET', message: 'Transaction cancelled: the conditions on key "e1" were not met', status: 400 },
      lock: 'held',
      e1: undefined,
    });
  });

  it('answer with the given message too, when there is one', async () => {
    const failed = await failedConditions({ status: 412, code: 'PRECONDITION_FAILED', message: 'Precondition failed' });
    expect([failed.keyPolicy, failed.condition]).toEqual([
      { code: 'PRECONDITION_FAILED', message: 'Precondition failed', status: 412 },
      { code: 'PRECONDITION_FAILED', message: 'Precondition failed', status: 412 },
    ]);
  });

  it('cannot be configured as a success or without a code', () => {
    h = { close: () => undefined } as Harness;
    expect(() => conditionFailures({ status: 399, code: 'X' })).toThrow('conditionFailure.status: Too small: expected number to be >=400');
    expect(() => conditionFailures({ status: 600, code: 'X' })).toThrow('conditionFailure.status:');
    expect(() => conditionFailures({ status: 409, code: '' })).toThrow('conditionFailure.code:');
    expect(conditionFailures({ status: 599, code: 'X' }).keyExists('k')).toMatchObject({ status: 599, code: 'X' });
  });
});
