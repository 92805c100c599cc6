import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { changeEvents, projectValues, readEntities, readKvs, startAppHost } from './support/app-host';
import { TEST_QUERY_LAG_MS } from './support/fixture-host';

let host: Host;
let server: SandboxServer;
beforeAll(async () => {
  ({ host, server } = await startAppHost());
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const kvsCall = (path: string, body: unknown) => host.kvs.inspect(path, body);

/** Removes everything the install trigger stores, as on a site where its one installed event failed. */
async function forgetInstall(): Promise<void> {
  for (const prefix of ['app:', 'fields:']) for (const { key } of await readKvs(host, prefix)) kvsCall('/api/v1/delete', { key });
  for (const { key } of await readEntities(host, 'record-head')) kvsCall('/api/v1/entity/delete', { key, entityName: 'record-head' });
}

describe('a setup the install trigger did not finish', () => {
  it('is finished by the scheduled maintenance: install date, predefined fields, a snapshot of every project', async () => {
    await forgetInstall();
    expect(await readKvs(host, 'app:')).toEqual([]);
    await host.triggers.runScheduled('maintenance');
    await host.idle();
    const keys = (await readKvs(host, 'app:')).map((e) => e.key);
    expect(keys).toEqual(['app:installed-at', 'app:snapshots']);
    expect((await readKvs(host, 'fields:')).map((e) => e.key)).toEqual(['fields:catalogue']);
    const snapshotted = Object.entries(await projectValues(host)).filter(([, values]) => Object.keys(values as object).length > 0);
    expect(snapshotted.map(([id]) => id).sort()).toEqual(
      host.jira
        .projects()
        .map((p) => p.id)
        .sort(),
    );
  });

  it('so a later change of a Jira project is already a diff, and the next run records the setup as done', async () => {
    const before = (await changeEvents(host)).length;
    await host.jira.handle({ method: 'PUT', path: '/rest/api/3/project/OPS', body: JSON.stringify({ name: 'Ops team' }), caller: { kind: 'app' } });
    await host.idle();
    const events = (await changeEvents(host)).slice(before);
    expect(events.map((e) => e.event.changes.map((c) => [c.field.name, c.current]))).toEqual([[['Project name', 'Ops team']]]);
    await host.triggers.runScheduled('maintenance');
    await host.idle();
    expect((await readKvs(host, 'app:')).map((e) => e.key)).toEqual(['app:installed-at', 'app:setup-done', 'app:snapshots']);
  });

  it('once done, a maintenance run reads three things: the setup marker, the outbox and the retries due', async () => {
    // Past the queries' lag: a lagging outbox listing may still show events just handled, which costs a cursor read each.
    await new Promise((resolve) => setTimeout(resolve, TEST_QUERY_LAG_MS.max + 100));
    host.meter.clear();
    await host.triggers.runScheduled('maintenance');
    await host.idle();
    expect(
      host.meter.list({ functionKey: 'run-maintenance' }).map((r) => ({ reads: r.kvsReads, writes: r.kvsWrites, pushes: r.queuePushes })),
    ).toEqual([{ reads: 3, writes: 0, pushes: 0 }]);
  });
});
