import { expect } from 'vitest';
import type { CasePlan, Outcome } from '../support/sdk-replay';
import { expectAnswers } from './fixtures';

/*
 * Cases of @forge/kvs out/__test__/transaction-api.test.js. Most only build a transaction and look at the builder;
 * the replay then executes what they built, so the request reaches the host: stored (204), or refused by the SDK
 * itself before anything is sent (an empty Filter: "Builder must have at least one condition set").
 */
const stored = (value: unknown): CasePlan => ({
  then: async (o, { kvs }) => {
    expectAnswers(o, [{ path: '/api/v1/transaction', status: 204, body: undefined }]);
    expect(await kvs.get('key')).toEqual(value);
  },
});
const refusedBySdk: CasePlan = {
  then: (o: Outcome) => {
    expect(o.answers).toEqual([]);
    expect(o.replayError).toMatchObject({ name: 'ForgeKvsError', message: 'Builder must have at least one condition set' });
  },
};
const set = (value: string) => `TransactionBuilderImpl › set › set should add into array of transaction set with value ${value}`;

export const TRANSACTION_PLAN: Record<string, CasePlan> = {
  [set('test')]: stored('test'),
  [set('100')]: stored(100),
  [set('false')]: stored(false),
  [set('[ 1, 2, 3 ]')]: stored([1, 2, 3]),
  [set("{ key: 'value' }")]: stored({ key: 'value' }),
  'TransactionBuilderImpl › set › set should add into array of transaction set with entity and condition': refusedBySdk,
  'TransactionBuilderImpl › delete › delete should add into array of transaction delete': {
    then: (o) => expectAnswers(o, [{ path: '/api/v1/transaction', status: 204, body: undefined }]),
  },
  'TransactionBuilderImpl › delete › delete should add into array of transaction delete with entity and condition': refusedBySdk,
  'TransactionBuilderImpl › check › check should add into array of transaction check with entity and condition': refusedBySdk,
  'TransactionBuilderImpl › execute › should map items to request state before sending to storage api': {
    exception:
      'The fixture’s transaction sets and deletes the same key, "key", and checks it with an empty condition list. Forge ' +
      'allows each key once per transaction (limits-kvs-ce, "Unique keys"): the host refuses the whole transaction with ' +
      '400 TRANSACTION_DUPLICATE_KEYS (its own code; Forge names none) where the fixture’s mocked storage accepts it.',
    then: (o) =>
      expectAnswers(o, [
        {
          path: '/api/v1/transaction',
          status: 400,
          body: { code: 'TRANSACTION_DUPLICATE_KEYS', message: 'Each key can only be used once in a transaction: "key"' },
        },
      ]),
  },
  // An empty transaction: Forge documents nothing; the host takes it as doing nothing.
  'TransactionBuilderImpl › execute › should set undefined if no items are present': {
    then: (o) => expectAnswers(o, [{ path: '/api/v1/transaction', status: 204, body: undefined }]),
  },
};
