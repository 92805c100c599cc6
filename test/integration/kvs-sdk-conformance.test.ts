import { describe, expect, it } from 'vitest';
import { CONFORMANCE_ENTITIES, REPLAY_NOW } from './kvs-conformance/fixtures';
import { BATCH_PLAN } from './kvs-conformance/plan-batches';
import { QUERY_PLAN } from './kvs-conformance/plan-queries';
import { SINGLE_PLAN } from './kvs-conformance/plan-single';
import { TRANSACTION_PLAN } from './kvs-conformance/plan-transactions';
import { loadSdkSuite, type CasePlan } from './support/sdk-replay';

/*
 * @forge/kvs ships its own jest suite (out/__test__/): each case sends one request and checks what the SDK makes of
 * a canned answer. Here every case is loaded from node_modules and replayed against the local host: the state its
 * answer implies is stored first, the SDK's request goes to the host, and the case's own assertions judge what the
 * SDK makes of the host's answer. A case whose fixture is not what Forge does is an explained exception: it must
 * fail as replayed, and what the host does instead is asserted. Every case has a plan, and every plan a case.
 */
const SUITES: [file: string, cases: number, plan: Record<string, CasePlan>][] = [
  ['index.test.js', 80, { ...SINGLE_PLAN, ...QUERY_PLAN, ...BATCH_PLAN }],
  ['transaction-api.test.js', 11, TRANSACTION_PLAN],
];

for (const [file, count, plan] of SUITES) {
  const suite = loadSdkSuite(file, { entities: CONFORMANCE_ENTITIES, now: REPLAY_NOW });

  describe(`@forge/kvs out/__test__/${file}, replayed against the local host`, () => {
    it(`replays all ${count} cases, each with a plan`, () => {
      expect(suite.cases.length).toBe(count);
      expect(suite.cases.map((c) => c.name).sort()).toEqual(Object.keys(plan).sort());
    });

    for (const sdkCase of suite.cases) {
      const casePlan = plan[sdkCase.name] ?? {};
      const label = casePlan.exception === undefined ? sdkCase.name : `${sdkCase.name} (explained exception)`;
      it(label, async () => {
        const outcome = await suite.replay(sdkCase, casePlan);
        if (casePlan.exception === undefined) expect(outcome.error).toBeUndefined();
        // An exception that starts passing is no longer one: the plan must say so.
        else expect(outcome.error, casePlan.exception).toBeInstanceOf(Error);
      });
    }
  });
}
