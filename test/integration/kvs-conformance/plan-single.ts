import { expect } from 'vitest';
import type { CasePlan, Outcome } from '../support/sdk-replay';
import { atFixtureTimes, expectAnswers, latestAnswer, notFound, PLATFORM_FAULT } from './fixtures';

/*
 * Cases of @forge/kvs out/__test__/index.test.js on get, set and delete (plain keys, secrets, entities):
 * what each case's canned answer implies is stored first, and for each explained exception what the host does.
 */
const TIMESTAMPS =
  'The fixture stamps createdAt and updatedAt with Date.now() at test time (milliseconds), while the SDK’s own get fixtures ' +
  'use epoch seconds (1718236800) and the host answers seconds of its clock; the value and expireTime agree.';
const KEY_STORED = { status: 204 };

export const SINGLE_PLAN: Record<string, CasePlan> = {
  'KVS › should get correctly': { seed: ({ kvs }) => kvs.set('foo', 'bar') },
  'KVS › should get with metadata fields correctly for get': { seed: (kit) => atFixtureTimes(kit, (ttl) => kit.kvs.set('foo', 'bar', { ttl })) },
  'KVS › should get with metadata fields correctly for entity.get': {
    seed: (kit) => atFixtureTimes(kit, (ttl) => kit.kvs.entity('foo').set('key-foo', { foo: 'bar' }, { ttl })),
  },
  'KVS › should return undefined when get receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/get')]) },
  'KVS › should handle unexpected metadata fields': {
    then: (o) =>
      expectAnswers(o, [
        {
          path: '/api/v1/get',
          status: 400,
          body: {
            code: 'BAD_REQUEST',
            message:
              'Provided request body is invalid: options.metadataFields.0: Invalid option: expected one of "CREATED_AT"|"UPDATED_AT"|"EXPIRE_TIME"',
          },
        },
      ]),
  },
  'KVS › should handle unexpected response': { exception: PLATFORM_FAULT, then: (o) => expectAnswers(o, [notFound('/api/v1/get')]) },
  'KVS › should handle non-json response even though status is ok': {
    exception: PLATFORM_FAULT,
    then: (o) => expectAnswers(o, [notFound('/api/v1/get')]),
  },
  'KVS › should getSecret correctly': { seed: ({ kvs }) => kvs.setSecret('foo', 'bar') },
  'KVS › should getSecret with metadata fields correctly': { seed: (kit) => atFixtureTimes(kit, (ttl) => kit.kvs.setSecret('foo', 'bar', { ttl })) },
  'KVS › should return undefined when getSecret receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/secret/get')]) },
  'KVS › should getEntity correctly': { seed: ({ kvs }) => kvs.entity('employees').set('foo', { name: 'Jane Doe' }) },
  'KVS › should getEntity with metadata fields correctly': {
    seed: (kit) => atFixtureTimes(kit, (ttl) => kit.kvs.entity('employees').set('foo', { name: 'Jane Doe' }, { ttl })),
  },
  'KVS › should return undefined when getEntity receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/entity/get')]) },
  'KVS › should set correctly': { then: async (o, { kvs }) => expect204(o, '/api/v1/set', await kvs.get('foo'), 'bar') },
  'KVS › should set correctly with TTL': { then: async (o, { kvs }) => expect204(o, '/api/v1/set', await kvs.get('foo'), 'bar') },
  'KVS › should set correctly with keyPolicy "FAIL_IF_EXISTS"': {
    then: async (o, { kvs }) => expect204(o, '/api/v1/set', await kvs.get('foo'), 'bar'),
  },
  'KVS › should set correctly with keyPolicy "OVERRIDE" and return value': {
    exception: TIMESTAMPS,
    then: (o) => expectAnswers(o, [latestAnswer('/api/v1/set', 'bar')]),
  },
  'KVS › should set and return undefined when no previous value exists': {},
  'KVS › should setSecret correctly': { then: async (o, { kvs }) => expect204(o, '/api/v1/secret/set', await kvs.getSecret('foo'), 'bar') },
  'KVS › should setSecret correctly with TTL': {},
  'KVS › should setSecret correctly with keyPolicy "FAIL_IF_EXISTS"': {},
  'KVS › should setSecret correctly with keyPolicy "OVERRIDE" and return value': {
    exception: TIMESTAMPS,
    then: (o) => expectAnswers(o, [latestAnswer('/api/v1/secret/set', 'bar')]),
  },
  'KVS › should setSecret and return undefined when no previous value exists': {},
  'KVS › should setEntity correctly': {
    then: async (o, { kvs }) => expect204(o, '/api/v1/entity/set', await kvs.entity('employees').get('foo'), { name: 'Jane Doe' }),
  },
  'KVS › should setEntity correctly with TTL': {},
  'KVS › should setEntity correctly with "FAIL_IF_EXISTS"': {},
  'KVS › should setEntity correctly with "OVERRIDE" and return value': {
    exception: `${TIMESTAMPS} Its value is 'bar' too, where the case set { name: 'Jane Doe' }: the host returns the value set.`,
    then: (o) => expectAnswers(o, [latestAnswer('/api/v1/entity/set', { name: 'Jane Doe' })]),
  },
  'KVS › should setEntity and return undefined when no previous value exists': {},
  'KVS › should delete correctly': {
    seed: ({ kvs }) => kvs.set('foo', 'bar'),
    then: (o) => expectAnswers(o, [{ path: '/api/v1/delete', ...KEY_STORED, body: undefined }]),
  },
  'KVS › should return undefined when delete receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/delete')]) },
  'KVS › should deleteSecret correctly': {
    seed: ({ kvs }) => kvs.setSecret('foo', 'bar'),
    then: (o) => expectAnswers(o, [{ path: '/api/v1/secret/delete', ...KEY_STORED, body: undefined }]),
  },
  'KVS › should return undefined when deleteSecret receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/secret/delete')]) },
  'KVS › should deleteEntity correctly': {
    seed: ({ kvs }) => kvs.entity('employees').set('foo', { name: 'Jane Doe' }),
    then: (o) => expectAnswers(o, [{ path: '/api/v1/entity/delete', ...KEY_STORED, body: undefined }]),
  },
  'KVS › should return undefined when deleteEntity receives 404': { then: (o) => expectAnswers(o, [notFound('/api/v1/entity/delete')]) },
};

/** The host answered 204 and holds what the case set. */
function expect204(outcome: Outcome, path: string, stored: unknown, value: unknown): void {
  expectAnswers(outcome, [{ path, status: 204, body: undefined }]);
  expect(stored).toEqual(value);
}
