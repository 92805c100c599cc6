import type { Answer, CasePlan, Kit } from '../support/sdk-replay';
import {
  atFixtureTimes,
  ENTITY_VALUES_ARE_OBJECTS,
  expectAnswers,
  FIXTURE_EXPIRY,
  FIXTURE_SECONDS,
  invalidEntityValue,
  missingItem,
  PER_KEY_FAULTS,
  PLATFORM_FAULT,
} from './fixtures';

/*
 * Cases of @forge/kvs out/__test__/index.test.js on transactions and batch operations. The entity items of the
 * batch fixtures hold strings ('John Doe', 'IT Department'); where a case needs such an item stored, the host
 * stores { name: 'John Doe' } instead and the exception says why.
 */
const ok = (path: string, successfulKeys: unknown[], failedKeys: unknown[] = []): Answer => ({
  path,
  status: 200,
  body: { successfulKeys, failedKeys },
});
const seedPlain =
  (...keys: [string, unknown][]) =>
  async ({ kvs }: Kit) => {
    for (const [key, value] of keys) await kvs.set(key, value);
  };
const mixedSetAnswer = (extra: unknown[] = []) =>
  ok('/api/v1/batch/set', [{ key: 'bar' }, ...extra], [invalidEntityValue('foo', 'employees'), invalidEntityValue('baz', 'departments')]);

export const BATCH_PLAN: Record<string, CasePlan> = {
  'KVS › should sumbit transaction correctly': {
    seed: seedPlain(['bar', 'gone']),
    then: (o) => expectAnswers(o, [{ path: '/api/v1/transaction', status: 204, body: undefined }]),
  },
  'KVS › should sumbit transaction correctly with TTL': {},
  'KVS › should batchSet correctly with mixed entity and non-entity items': {
    exception: ENTITY_VALUES_ARE_OBJECTS,
    then: (o) => expectAnswers(o, [mixedSetAnswer()]),
  },
  'KVS › should batchSet correctly with mixed entity and non-entity items with TTL': {
    exception: ENTITY_VALUES_ARE_OBJECTS,
    then: (o) => expectAnswers(o, [mixedSetAnswer([{ key: 'xxx' }])]),
  },
  'KVS › should handle batchSet with all successful keys': {},
  'KVS › should handle batchSet with all failed keys': {
    exception: `${PER_KEY_FAULTS} ${ENTITY_VALUES_ARE_OBJECTS}`,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/set', [{ key: 'foo' }], [invalidEntityValue('bar', 'employees')])]),
  },
  'KVS › should handle batchSet API error response': {
    exception: PLATFORM_FAULT,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/set', [{ key: 'foo' }])]),
  },
  'KVS › should handle batchDelete correctly with mixed entity and non-entity items': {
    seed: async (kit) => {
      await kit.kvs.entity('employees').set('foo', { name: 'John Doe' });
      await kit.kvs.set('bar', 'simple value');
    },
  },
  'KVS › should handle batchDelete with all successful keys': { seed: seedPlain(['foo', 'value1'], ['bar', 'value2']) },
  'KVS › should handle batchDelete with all failed keys': {
    exception: PER_KEY_FAULTS,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/delete', [], [missingItem('foo'), missingItem('bar', 'employees')])]),
  },
  'KVS › should handle batchDelete API error response': {
    exception: PLATFORM_FAULT,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/delete', [], [missingItem('foo')])]),
  },
  'KVS › should handle batchGet with mixed entity and non-entity items': {
    seed: async (kit) => {
      await kit.kvs.entity('employees').set('foo', { name: 'John Doe' });
      await kit.kvs.set('bar', 'simple value');
    },
    exception: ENTITY_VALUES_ARE_OBJECTS,
    then: (o) =>
      expectAnswers(o, [
        ok(
          '/api/v1/batch/get',
          [
            { key: 'foo', value: { name: 'John Doe' }, entityName: 'employees' },
            { key: 'bar', value: 'simple value' },
          ],
          [missingItem('baz', 'departments')],
        ),
      ]),
  },
  'KVS › should handle batchGet with metadata fields': {
    seed: (kit) =>
      atFixtureTimes(kit, async (ttl) => {
        await kit.kvs.entity('employees').set('foo', { name: 'John Doe' }, { ttl });
        await kit.kvs.set('bar', 'simple value');
      }),
    exception: ENTITY_VALUES_ARE_OBJECTS,
    then: (o) => {
      const times = { createdAt: FIXTURE_SECONDS, updatedAt: FIXTURE_SECONDS };
      expectAnswers(o, [
        ok('/api/v1/batch/get', [
          { key: 'foo', value: { name: 'John Doe' }, entityName: 'employees', ...times, expireTime: FIXTURE_EXPIRY },
          { key: 'bar', value: 'simple value', ...times },
        ]),
      ]);
    },
  },
  'KVS › should return all successful keys from batchGet': { seed: seedPlain(['foo', 'value1'], ['bar', 'value2']) },
  'KVS › should return all failed keys from batchGet': {
    exception: PER_KEY_FAULTS,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/get', [], [missingItem('foo'), missingItem('bar', 'employees')])]),
  },
  'KVS › should handle batchGet API error response': {
    exception: PLATFORM_FAULT,
    then: (o) => expectAnswers(o, [ok('/api/v1/batch/get', [], [missingItem('foo')])]),
  },
  'KVS › should handle batchGet with invalid metadata fields': {
    then: (o) =>
      expectAnswers(o, [
        {
          path: '/api/v1/batch/get',
          status: 400,
          body: {
            code: 'BAD_REQUEST',
            message:
              'Provided request body is invalid: 0.options.metadataFields.0: Invalid option: expected one of "CREATED_AT"|"UPDATED_AT"|"EXPIRE_TIME"',
          },
        },
      ]),
  },
};
