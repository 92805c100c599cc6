import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../local/host';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { webTriggerPath } from '../../local/server/webtrigger-route';
import { formatPayload } from '../../src/core/payload/format-payload';
import { addTestFields, callAs, changeEvents, DEMO_USERS, readKvs, startAppHost } from './support/app-host';
import { PROJECT_ROOT, tempDir } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
const pat = DEMO_USERS.projectAdmin.accountId;
let running: { host: Host; server?: SandboxServer }[] = [];
afterEach(async () => {
  for (const { host, server } of running.reverse()) {
    await server?.close();
    await host.close();
  }
  running = [];
});

async function start(options: Parameters<typeof startAppHost>[0] = {}) {
  const started = await startAppHost(options);
  running.push(started);
  return started;
}

const setBudget = (host: Host, projectId: string, budget: number) => callAs(host, admin, 'values/update', { projectId, values: { Budget: budget } });

describe('the change outbox', () => {
  it('50 concurrent writes of one field, REST and project page mixed: no 5xx, gapless sequence in commit order, the last write stored, each event handled once', async () => {
    const logs: string[] = [];
    const { host, server } = await start({ appLog: (line) => logs.push(line) });
    await addTestFields(host);
    const key = String((await callAs(host, admin, 'apikeys/create', { name: 'burst' })).secret);
    const budgets = Array.from({ length: 50 }, (_, i) => 1000 + i);
    const statuses = await Promise.all(
      budgets.map(async (budget, i) => {
        if (i % 2 === 0) {
          const response = await fetch(`${server.url}/webtrigger/rest-api`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ updates: [{ project: 'DEMO', values: { Budget: budget } }] }),
          });
          return { status: response.status, body: (await response.json()) as unknown };
        }
        const answer = await host.ui.invoke(
          { moduleKey: 'projectrak-project', accountId: pat, extension: { project: { id: '10000' } } },
          'values/update',
          { projectId: '10000', values: { Budget: budget } },
        );
        return { status: answer && typeof answer === 'object' && 'error' in answer ? 409 : 200, body: answer };
      }),
    );
    await host.idle();
    expect(statuses.filter((s) => s.status !== 200)).toEqual([]);

    const events = (await changeEvents(host)).filter((e) => e.event.project.id === '10000');
    expect(events.map((e) => e.event.sequence)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const times = events.map((e) => e.event.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(times).size).toBe(50);
    expect(events.map((e) => e.event.id)).toEqual(events.map((e) => e.event.id).sort());
    // Each event starts where the one before it ended.
    for (let i = 1; i < events.length; i++) expect(events[i]!.event.changes[0]!.previous).toEqual(events[i - 1]!.event.changes[0]!.current);
    const last = events.at(-1)!.event.changes[0]!.current;
    expect((await callAs(host, pat, 'values/get', { projectId: '10000' })).values).toMatchObject({ '1012': last });
    expect(events.every((e) => e.handledAt !== null)).toBe(true);
    // Each consumer says which events it handled: together they cover 1…50, none twice.
    const handled = logs.flatMap((l) => {
      const range = /project DEMO: handled #(\d+)–#(\d+)/.exec(l);
      return range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : [];
    });
    expect(handled.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(formatPayload(events[49]!.event).data.sequence).toBe(50);
  });

  it('events whose notice Forge refused (500 pushes a minute) wait in the outbox; the maintenance sweep drains them in order', async () => {
    const dataDir = tempDir();
    const { host } = await start({ eventsPerMinute: 3, dataDir });
    await addTestFields(host);
    await setBudget(host, '10000', 1);
    await setBudget(host, '10001', 1);
    // With the install's snapshot push, the push limit is now reached: these three notices are refused, the events wait.
    for (const budget of [10, 20, 30]) await setBudget(host, '10002', budget);
    await host.idle();
    const waiting = (await changeEvents(host)).filter((e) => e.handledAt === null);
    expect(waiting.map((e) => [e.event.project.key, e.event.sequence])).toEqual([
      ['OPS', 1],
      ['OPS', 2],
      ['OPS', 3],
    ]);
    await host.close();
    running = [];

    // A minute later (a new host: a new push window), the scheduled maintenance announces OPS once.
    const logs: string[] = [];
    const later = await createHost({ appDir: PROJECT_ROOT, dataDir, appLog: (line) => logs.push(line) });
    running.push({ host: later });
    later.meter.clear();
    await later.triggers.runScheduled('maintenance');
    await later.idle();
    const events = await changeEvents(later);
    expect(events.filter((e) => e.handledAt === null)).toEqual([]);
    expect(logs.filter((l) => l.includes('project OPS:'))).toEqual([expect.stringContaining('project OPS: handled #1–#3 (3 change(s))')]);
    expect(later.meter.list({ functionKey: 'on-change-event' })).toHaveLength(1);
    expect(later.meter.list({ functionKey: 'run-maintenance' })[0]).toMatchObject({ queuePushes: 1, queueEvents: 1 });
  });

  it("the sweep's cost does not grow with handled history: the same KVS reads with none and with 60 handled events", async () => {
    const { host } = await start();
    await addTestFields(host);
    const sweepReads = async () => {
      host.meter.clear();
      await host.triggers.runScheduled('maintenance');
      await host.idle();
      const [run] = host.meter.list({ functionKey: 'run-maintenance' });
      return { reads: run?.kvsReads, pushes: run?.queuePushes };
    };
    await sweepReads(); // the first run after install finds the setup complete and says so
    const empty = await sweepReads();
    for (let i = 0; i < 60; i++) await setBudget(host, String(10000 + (i % 4)), i);
    await host.idle();
    expect((await readKvs(host, 'event:')).length).toBe(60);
    // Once the store's queries caught up with the last handled events (the test host lags them up to 300 ms).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await sweepReads()).toEqual(empty);
    expect(empty.pushes).toBe(0);
  });

  it('one REST call changing four projects: one queue event names them all, one consumer run hands every change over in one write', async () => {
    const { host, server } = await start();
    await addTestFields(host);
    const key = String((await callAs(host, admin, 'apikeys/create', { name: 'import' })).secret);
    host.meter.clear();
    const response = await fetch(`${server.url}/webtrigger/rest-api`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ updates: ['DEMO', 'MKT', 'OPS', 'HR'].map((project) => ({ project, values: { Budget: 7 } })) }),
    });
    expect(response.status).toBe(200);
    await host.idle();
    const [call] = host.meter.list({ functionKey: 'handle-rest-api' });
    // Its writes: the four projects' values and events in one transaction, and the key's first use.
    expect(call).toMatchObject({ queuePushes: 1, queueEvents: 1, kvsWrites: 2 });
    const consumers = host.meter.list({ functionKey: 'on-change-event' });
    expect(consumers).toHaveLength(1);
    // No webhook yet: each project's handling takes 3 of a transaction's 25 operations, so all four go in one.
    expect(consumers[0]).toMatchObject({ kvsWrites: 1 });
    const events = await changeEvents(host);
    expect(events.map((e) => [e.event.project.key, e.event.sequence, e.handledAt !== null]).sort()).toEqual([
      ['DEMO', 1, true],
      ['HR', 1, true],
      ['MKT', 1, true],
      ['OPS', 1, true],
    ]);
  });

  it('consumers of notices naming the same projects, run at once, hand each change over once, in order', async () => {
    const logs: string[] = [];
    const { host } = await start({ appLog: (line) => logs.push(line) });
    await addTestFields(host);
    const key = String((await callAs(host, admin, 'apikeys/create', { name: 'import' })).secret);
    const projects = ['DEMO', 'MKT', 'OPS', 'HR'];
    // The queue held while five calls (each changing the four projects) commit — the first announces them; the others
    // find events waiting — and two maintenance runs announce the waiting projects again; then let go: three consumers
    // of notices naming the same four projects run together.
    await host.scheduler.pause();
    for (let call = 1; call <= 5; call++) {
      const answer = await host.triggers.web('rest-api', {
        method: 'POST',
        path: webTriggerPath(host, 'rest-api') ?? '',
        userPath: '',
        headers: { Authorization: [`Bearer ${key}`], 'Content-Type': ['application/json'] },
        queryParameters: {},
        body: JSON.stringify({ updates: projects.map((project) => ({ project, values: { Budget: call } })) }),
      });
      expect(answer?.statusCode).toBe(200);
    }
    // Once the store's queries show the waiting events (the test host lags them up to 300 ms).
    await new Promise((resolve) => setTimeout(resolve, 400));
    await host.triggers.runScheduled('maintenance');
    await host.triggers.runScheduled('maintenance');
    host.meter.clear();
    host.scheduler.resume();
    await host.idle();
    expect(host.meter.list({ functionKey: 'on-change-event' })).toHaveLength(3);
    const events = await changeEvents(host);
    expect(events.filter((e) => e.handledAt === null)).toEqual([]);
    for (const project of projects) {
      const handled = logs.flatMap((l) => {
        const range = new RegExp(`project ${project}: handled #(\\d+)–#(\\d+)`).exec(l);
        return range ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : [];
      });
      expect(
        handled.sort((a, b) => a - b),
        project,
      ).toEqual([1, 2, 3, 4, 5]);
    }
  });
});
