import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../data/db';
import type { Db } from '../../data/db';
import { PushChains } from './push-chains';
import { QueueStore } from './store';

let db: Db | undefined;
afterEach(() => db?.close());

describe('PushChains.prune', () => {
  it('forgets a chain none of whose events is pending or running, and keeps the others', () => {
    db = openDb(fs.mkdtempSync(path.join(os.tmpdir(), 'chains-test-')));
    const store = new QueueStore(db);
    const chains = new PushChains(db);
    const event = (chainId: string) => ({
      queue: 'work',
      jobId: chainId,
      body: {},
      delayInSeconds: undefined,
      concurrency: undefined,
      chainId,
      runAt: 0,
      createdAt: 0,
      expiresAt: 1,
    });
    store.insertAll([event('done'), event('live')]);
    for (const chainId of ['done', 'done', 'live', 'nothing-queued']) chains.count(chainId);
    const [done] = store.list().filter((e) => e.chainId === 'done');
    store.finish(done!.id, 'succeeded');
    chains.prune();
    expect(['done', 'live', 'nothing-queued'].map((c) => chains.pushes(c))).toEqual([0, 1, 0]);
  });
});
