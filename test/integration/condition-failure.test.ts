import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { AppError } from '../../src/errors';
import { writeIfUnchanged } from '../../src/storage/guarded-write';
import type { Guard } from '../../src/storage/guarded-write';
import { retryOnConflict } from '../../src/storage/retry-on-conflict';
import { callAs, changeEvents, DEMO_USERS, projectValues, readKvs, startAppHost } from './support/app-host';
import { CONDITION_ANSWERS, watchConditionFailures } from './support/condition-answers';
import { inInvocation } from './support/in-invocation';

const admin = DEMO_USERS.admin.accountId;
const pat = DEMO_USERS.projectAdmin.accountId;

/** Creates a field as the Jira admin and returns its id. */
async function createField(host: Host, name: string, type: string): Promise<number> {
  const answer = await callAs(host, admin, 'fields/create', { name, type });
  return (answer as { field: { id: number } }).field.id;
}

/**
 * A guarded write of `key` run as the app's resolvers run theirs (retried on a lost race within `budgetMs`): how it
 * ended (a lost race is the CONFLICT answered once the budget is spent), how many attempts it took, what is stored.
 */
async function guardedWrite(host: Host, guard: Guard, key: string, value: unknown, budgetMs?: number) {
  let attempts = 0;
  const write = async () => {
    attempts++;
    await writeIfUnchanged(guard, (tx) => tx.set(key, value));
  };
  const exhausted = () => new AppError('CONFLICT', 'kept changing');
  const outcome = await inInvocation(host, () => retryOnConflict(write, { exhausted, ...(budgetMs === undefined ? {} : { budgetMs }) })).then(
    () => 'written',
    (error: unknown) => ({
      lostRace: error instanceof AppError && error.code === 'CONFLICT',
      code: error instanceof AppError ? undefined : (error as { code?: unknown }).code,
    }),
  );
  const stored = (await await host.kvs.inspect('/api/v1/get', { key }).response.json()) as { value?: unknown; code?: string };
  return { outcome, attempts, stored: stored.value ?? stored.code };
}

const catalogueOf = async (host: Host) => (await readKvs(host, 'fields:catalogue'))[0]?.value as { fields: { id: number; name: string }[] };

describe.each(CONDITION_ANSWERS)('a failed KVS condition answered $status $code', (conditionFailure) => {
  let host: Host;
  let server: SandboxServer;
  beforeAll(async () => {
    ({ host, server } = await startAppHost({ conditionFailure }));
  });
  afterAll(async () => {
    await server.close();
    await host.close();
  });

  it('lets concurrent writes of one field through the project page and the REST API all land, in a gapless sequence', async () => {
    const fieldId = await createField(host, 'Headcount', 'number');
    const key = String((await callAs(host, admin, 'apikeys/create', { name: 'import' })).secret);
    const failures = watchConditionFailures(host, conditionFailure);
    const before = (await changeEvents(host)).filter((e) => e.event.project.id === '10000').length;
    const counts = Array.from({ length: 12 }, (_, i) => 100 + i);
    const answers = await Promise.all(
      counts.map(async (count, i) => {
        if (i % 2 === 1) return callAs(host, pat, 'values/update', { projectId: '10000', values: { Headcount: count } });
        const response = await fetch(`${server.url}/webtrigger/rest-api`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ updates: [{ project: 'DEMO', values: { Headcount: count } }] }),
        });
        return { status: response.status, ...((await response.json()) as object) };
      }),
    );
    await host.idle();
    expect(answers.filter((a) => 'error' in a || ('status' in a && a.status !== 200))).toEqual([]);
    const events = (await changeEvents(host)).filter((e) => e.event.project.id === '10000');
    expect(events.map((e) => e.event.sequence)).toEqual(Array.from({ length: before + counts.length }, (_, i) => i + 1));
    const stored = ((await projectValues(host))['10000'] as Record<string, unknown>)[String(fieldId)];
    expect(counts).toContain(stored);
    expect(events.at(-1)?.event.changes.map((c) => c.current)).toEqual([stored]);
    expect(await failures.seen()).toBeGreaterThan(0);
  });

  it('lets two admins creating fields at once both land, with distinct ids', async () => {
    const failures = watchConditionFailures(host, conditionFailure);
    const created: { id: number; name: string }[] = [];
    // Two creations collide only when both read the catalogue before either wrote: try again until they did.
    for (let round = 0; round < 10 && (await failures.seen()) === 0; round++) {
      const names = [`Risk ${round}a`, `Risk ${round}b`];
      const ids = await Promise.all(names.map((name) => createField(host, name, 'text')));
      created.push(...names.map((name, i) => ({ id: ids[i]!, name })));
    }
    expect(await failures.seen()).toBeGreaterThan(0);
    expect(new Set(created.map((f) => f.id)).size).toBe(created.length);
    const stored = (await catalogueOf(host)).fields.filter((f) => f.name.startsWith('Risk '));
    expect(stored.map((f) => ({ id: f.id, name: f.name })).sort((a, b) => a.id - b.id)).toEqual(created.sort((a, b) => a.id - b.id));
  });

  it('runs the install setup again (maintenance, the installed trigger) without a throw, keeping the catalogue and install date', async () => {
    await createField(host, 'Cost centre', 'text');
    const catalogue = await catalogueOf(host);
    const installedAt = await readKvs(host, 'app:installed-at');
    const failures = watchConditionFailures(host, conditionFailure);
    host.kvs.inspect('/api/v1/delete', { key: 'app:setup-done' });
    host.meter.clear();
    await host.triggers.runScheduled('maintenance');
    host.triggers.emit('avi:forge:installed:app', host.triggers.installedEvent(admin));
    await host.idle();
    const outcomes = [...host.meter.list({ functionKey: 'run-maintenance' }), ...host.meter.list({ functionKey: 'on-installed' })];
    expect(outcomes.map((cost) => [cost.functionKey, cost.outcome])).toEqual([
      ['run-maintenance', 'ok'],
      ['on-installed', 'ok'],
    ]);
    expect((await readKvs(host, 'app:setup-done')).length).toBe(1);
    expect(await catalogueOf(host)).toEqual(catalogue);
    expect(await readKvs(host, 'app:installed-at')).toEqual(installedAt);
    // Each run found the catalogue there, and the installed trigger the install date too.
    expect(await failures.seen()).toBe(3);
  });

  it('rethrows a transaction refused for another reason (a value over 240 KiB) as it came, not retried as a lost race', async () => {
    const guard: Guard = { entity: 'record-head', key: 'test:oversize', attribute: 'version', expected: 0, next: { version: 1 } };
    expect(await guardedWrite(host, guard, 'test:oversize', 'x'.repeat(240 * 1024))).toEqual({
      outcome: { lostRace: false, code: 'MAX_SIZE' },
      attempts: 1,
      stored: 'KEY_NOT_FOUND',
    });
  });

  it('tells a lost race by the guard having moved, whatever the answer, and writes nothing', async () => {
    host.kvs.inspect('/api/v1/entity/set', { entityName: 'record-head', key: 'test:raced', value: { version: 5 } });
    const guard: Guard = { entity: 'record-head', key: 'test:raced', attribute: 'version', expected: 4, next: { version: 5 } };
    expect(await guardedWrite(host, guard, 'test:raced', 'mine', 0)).toEqual({
      outcome: { lostRace: true, code: undefined },
      attempts: 1,
      stored: 'KEY_NOT_FOUND',
    });
  });
});
