import fs from 'node:fs';
import path from 'node:path';
import type * as ForgeKvs from '@forge/kvs';
import { vi } from 'vitest';
import { openDb } from '../../../local/data/db';
import { createKvs, type KvsService } from '../../../local/services/kvs';
import { tempDir } from './fixture-host';
import { jestShim, type SdkCase } from './jest-shim';
import { KVS_OUT, SdkSandbox } from './sdk-sandbox';

/** What the host answered, in order, while a case ran. */
export interface Answer {
  path: string;
  status: number;
  body: unknown;
}
export interface Outcome {
  /** What the case threw: an assertion of the SDK's test that the host's answer did not satisfy, or nothing. */
  error: unknown;
  answers: Answer[];
  /** For cases that only build a transaction: what executing it threw. */
  replayError?: unknown;
}
/** Seeds state before a case, and inspects it after: the real SDK (its own private copy) on the case's host. */
export interface Kit {
  kvs: typeof ForgeKvs.kvs;
  clock: { now: number };
}
export type CasePlan =
  | { seed?: (kit: Kit) => Promise<void>; then?: (outcome: Outcome, kit: Kit) => Promise<void> | void; exception?: undefined }
  | { seed?: (kit: Kit) => Promise<void>; then: (outcome: Outcome, kit: Kit) => Promise<void> | void; exception: string };

type Client = (path: string, init: { body: string }) => Promise<Response>;
type Builder = { execute(): Promise<void> };
type Constructor<T> = new (...args: unknown[]) => T;

/**
 * Loads one of @forge/kvs's own test files (out/__test__/<file>) from node_modules and replays each case against a
 * fresh local KVS: the case's canned platform answer is replaced by the host's answer to the request the SDK sent.
 * A case that only builds a transaction (the builder tests) has it executed afterwards, so its request reaches the
 * host too.
 */
export function loadSdkSuite(fileName: string, options: { entities: unknown; now: number }) {
  const file = path.join(KVS_OUT, '__test__', fileName);
  let live: Live | undefined;
  const builders: Builder[] = [];
  const client: Client = (requestPath, init) => {
    if (live === undefined) throw new Error('an SDK call outside a replayed case');
    return live.answer(requestPath, init);
  };
  const stubs: Record<string, unknown> = { '@atlassian/xen-test-util': { mock: (Class: Constructor<object>) => hostBackedMock(Class, client) } };
  const sandbox = new SdkSandbox(stubs);
  const Real = sandbox.sdk('transaction-api').TransactionBuilderImpl as Constructor<Builder>;
  stubs['../transaction-api'] = {
    TransactionBuilderImpl: class extends Real {
      constructor(...args: unknown[]) {
        super(...args);
        builders.push(this);
      }
    },
  };
  const shim = jestShim({ answer: client, automock: (spec) => sandbox.automock(file, spec) });
  sandbox.load(file, shim.globals);
  const seeder = new SdkSandbox();

  return {
    cases: shim.cases,
    async replay(sdkCase: SdkCase, plan: CasePlan): Promise<Outcome> {
      live = openLive(options);
      builders.length = 0;
      const current = live;
      try {
        const kit: Kit = { kvs: privateKvs(seeder, (p, init) => current.answer(p, init, false)), clock: current.clock };
        await plan.seed?.(kit);
        const error = await sdkCase.run().then(
          () => undefined,
          (thrown: unknown) => thrown ?? new Error('undefined thrown'),
        );
        const outcome: Outcome = { error, answers: current.answers };
        if (builders.length > 0 && current.answers.length === 0) {
          await sandbox.withOriginals(async () => {
            for (const builder of builders) await builder.execute().catch((thrown: unknown) => (outcome.replayError = thrown));
          });
        }
        await plan.then?.(outcome, kit);
        return outcome;
      } finally {
        current.close();
        live = undefined;
      }
    },
  };
}

interface Live {
  clock: { now: number };
  answers: Answer[];
  answer(path: string, init: { body: string }, record?: boolean): Promise<Response>;
  close(): void;
}

function openLive(options: { entities: unknown; now: number }): Live {
  const dir = tempDir('kvs-conformance-');
  const db = openDb(dir);
  const clock = { now: options.now };
  const service: KvsService = createKvs(db, { entities: options.entities, now: () => clock.now });
  const answers: Answer[] = [];
  return {
    clock,
    answers,
    async answer(requestPath, init, record = true) {
      const { response } = service.handle(requestPath, JSON.parse(init.body));
      if (record) answers.push({ path: requestPath, status: response.status, body: parseBody(await response.clone().text()) });
      return response;
    },
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @atlassian/xen-test-util's mock(Class): every method a mock, here one that calls a real instance on the host. */
function hostBackedMock(Class: Constructor<object>, client: Client): Record<string, unknown> {
  const real = new Class(client) as Record<string, (...args: unknown[]) => unknown>;
  const methods = Object.getOwnPropertyNames(Class.prototype).filter((name) => name !== 'constructor');
  return Object.fromEntries(methods.map((name) => [name, vi.fn((...args: unknown[]) => real[name]?.(...args))]));
}

function privateKvs(sandbox: SdkSandbox, client: Client): typeof ForgeKvs.kvs {
  const StorageApi = sandbox.sdk('storage-api').StorageApi as Constructor<object>;
  const KvsImpl = sandbox.sdk('kvs').KvsImpl as Constructor<typeof ForgeKvs.kvs>;
  return new KvsImpl(new StorageApi(client));
}

function parseBody(text: string): unknown {
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}
