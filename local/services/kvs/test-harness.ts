import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ForgeKvs from '@forge/kvs';
import { openDb, type Db } from '../../data/db';
import type { KvsUsage } from '../../runtime/meter';
import { createKvs, type KvsOptions, type KvsService } from './index';

/**
 * Drives the real @forge/kvs SDK against the emulation: the SDK reads global.__forge_fetch__ on every
 * call, so pointing it at the service is all the wiring a test needs. The clock is a plain number the
 * test moves, and `reopen` closes and reopens the SQLite file to prove what survives a host restart.
 */
export interface Harness {
  readonly dir: string;
  readonly sdk: typeof ForgeKvs;
  db: Db;
  service: KvsService;
  clock: { now: number };
  /** Usage reported by each call, in order, for billing assertions. */
  usages: KvsUsage[];
  reopen(): void;
  close(): void;
}

type ForgeFetch = (type: unknown, path: string, init: { body: string }) => Promise<Response>;

/** The entity the tests store, declared as manifest.yml would (app.storage.entities). */
export const TEST_ENTITIES = [
  {
    name: 'employee',
    attributes: { name: { type: 'string' }, surname: { type: 'string' }, age: { type: 'integer' }, gender: { type: 'string' } },
    indexes: ['surname', { name: 'by-age-per-gender', partition: ['gender'], range: ['age'] }],
  },
];

export async function openHarness(options: Omit<KvsOptions, 'now'> = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kvs-test-'));
  const clock = { now: Date.UTC(2025, 0, 12, 12, 0, 0) };
  const open = (): { db: Db; service: KvsService } => {
    const db = openDb(dir);
    return { db, service: createKvs(db, { entities: TEST_ENTITIES, ...options, now: () => clock.now }) };
  };
  const harness: Harness = {
    dir,
    sdk: await import('@forge/kvs'),
    ...open(),
    clock,
    usages: [],
    reopen() {
      harness.db.close();
      Object.assign(harness, open());
    },
    close() {
      if (harness.db.open) harness.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const forgeFetch: ForgeFetch = (_type, requestPath, init) => {
    const { response, usage } = harness.service.handle(requestPath, JSON.parse(init.body));
    harness.usages.push(usage);
    return Promise.resolve(response);
  };
  (globalThis as unknown as { __forge_fetch__: ForgeFetch }).__forge_fetch__ = forgeFetch;
  return harness;
}

/** What the store file holds on disk, WAL included, for checks that something is (not) stored in clear. */
export function fileBytes(dir: string): Buffer {
  const files = ['sandbox.db', 'sandbox.db-wal'].map((name) => path.join(dir, name)).filter((file) => fs.existsSync(file));
  return Buffer.concat(files.map((file) => fs.readFileSync(file)));
}
