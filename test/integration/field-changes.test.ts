import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { formatPayload } from '../../src/core/payload/format-payload';
import { expectValidPayload } from '../support/payload-validator';
import { addTestFields, callAs, changeEvents, DEMO_USERS, startAppHost, storeSnapshot } from './support/app-host';

let host: Host;
let server: SandboxServer;
let apiKey: string;
const pat = DEMO_USERS.projectAdmin.accountId;
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  await addTestFields(host);
  apiKey = String((await callAs(host, admin, 'apikeys/create', { name: 'CI import' })).secret);
});
afterAll(async () => {
  await server.close();
  await host.close();
});

/** Runs a change and returns the events it stored (each checked against the published JSON Schema). */
async function newEventsOf(change: () => Promise<unknown>) {
  const before = new Set((await changeEvents(host)).map((e) => e.event.id));
  await change();
  await host.idle();
  const added = (await changeEvents(host)).filter((e) => !before.has(e.event.id));
  for (const stored of added) expectValidPayload(formatPayload(stored.event));
  return added;
}

const rest = async (body: unknown, key: string | null = apiKey) => {
  const response = await fetch(`${server.url}/webtrigger/rest-api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await host.idle();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('a project page update through the resolver', () => {
  it('stores the values and yields exactly one change event with the diff, the user and the project; the consumer handles it', async () => {
    const events = await newEventsOf(() =>
      callAs(host, pat, 'values/update', { projectId: '10000', values: { '1001': 2, '1003': '2026-12-01', '1010': [admin, pat] } }),
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.handledAt).toEqual(expect.any(Number));
    expect(formatPayload(events[0]!.event).data).toEqual({
      event: 'updated',
      user: pat,
      timestamp: events[0]!.event.at,
      sequence: 1,
      project: { id: 10000, key: 'DEMO', name: 'Demo project' },
      fields: [
        { id: 1001, name: 'Status', type: 'status', value: { current: 'At risk', previous: null } },
        { id: 1003, name: 'Start date', type: 'date', value: { current: '2026-12-01', previous: null } },
        { id: 1010, name: 'Stakeholders', type: 'multiuser', value: { current: [admin, pat], previous: [] } },
      ],
    });
    const read = await callAs(host, pat, 'values/get', { projectId: '10000' });
    expect(read).toMatchObject({ canEdit: true, values: { '1001': 2, '1003': '2026-12-01', '1010': [admin, pat] } });
  });

  it('yields no event when the same values are written again', async () => {
    let answer: unknown;
    const events = await newEventsOf(async () => {
      answer = await callAs(host, pat, 'values/update', { projectId: '10000', values: { Status: 'At risk', '1010': [pat, admin] } });
    });
    expect(answer).toMatchObject({ changed: [], values: { '1001': 2 } });
    expect(events).toEqual([]);
  });

  it('reports a change of value with its previous value, and a clear as null', async () => {
    const [event] = await newEventsOf(() => callAs(host, pat, 'values/update', { projectId: '10000', values: { '1001': 5, '1003': null } }));
    expect(formatPayload(event!.event).data.fields.map((f) => [f.name, f.value])).toEqual([
      ['Status', { current: 'Done', previous: 'At risk' }],
      ['Start date', { current: null, previous: '2026-12-01' }],
    ]);
  });

  it('refuses a user without permission on that project, and changes nothing', async () => {
    const before = await storeSnapshot(host);
    expect(await callAs(host, DEMO_USERS.member.accountId, 'values/update', { projectId: '10000', values: { '1001': 1 } })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(await callAs(host, pat, 'values/update', { projectId: '10001', values: { '1001': 1 } })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await storeSnapshot(host)).toEqual(before);
  });
});

describe('the inbound REST API', () => {
  it('sets values by field name or id on several projects (by key or id): one event per project, in the key owner name', async () => {
    const response = { status: 0, body: {} as Record<string, unknown> };
    const events = await newEventsOf(async () => {
      Object.assign(
        response,
        await rest({
          updates: [
            { project: 'MKT', values: { Budget: 1250.5, Phase: 'build' } },
            { project: 10002, values: { '1005': 7_200_000, Tags: ['Red', 'Green'] } },
          ],
        }),
      );
    });
    expect(response).toEqual({
      status: 200,
      body: {
        results: [
          {
            project: { id: '10001', key: 'MKT' },
            changed: [
              { id: 1012, name: 'Budget' },
              { id: 1013, name: 'Phase' },
            ],
          },
          {
            project: { id: '10002', key: 'OPS' },
            changed: [
              { id: 1005, name: 'Estimated time' },
              { id: 1014, name: 'Tags' },
            ],
          },
        ],
      },
    });
    expect(events.map((e) => [e.event.project.key, e.event.user, e.event.source])).toEqual([
      ['MKT', admin, 'rest-api'],
      ['OPS', admin, 'rest-api'],
    ]);
    expect(formatPayload(events[1]!.event).data.fields.map((f) => f.value)).toEqual([
      { current: '7200000', previous: null },
      { current: ['Red', 'Green'], previous: [] },
    ]);
  });

  it("reads a project's values in the payload formats with GET", async () => {
    const response = await fetch(`${server.url}/webtrigger/rest-api?project=OPS`, { headers: { authorization: `Bearer ${apiKey}` } });
    const body = (await response.json()) as { project: unknown; fields: { id: number; value: unknown }[] };
    expect(response.status).toBe(200);
    expect(body.project).toEqual({ id: 10002, key: 'OPS', name: 'Operations' });
    expect(body.fields.filter((f) => [1001, 1005, 1014].includes(f.id))).toEqual([
      { id: 1001, name: 'Status', type: 'status', value: null },
      { id: 1005, name: 'Estimated time', type: 'duration', value: '7200000' },
      { id: 1014, name: 'Tags', type: 'multilist', value: ['Red', 'Green'] },
    ]);
    expect((await fetch(`${server.url}/webtrigger/rest-api?project=OPS`)).status).toBe(401);
  });

  it('yields no event for a repeated identical call', async () => {
    let answer: unknown;
    const events = await newEventsOf(async () => {
      answer = await rest({ updates: [{ project: 'MKT', values: { Budget: 1250.5, Phase: 12 } }] });
    });
    expect(answer).toEqual({ status: 200, body: { results: [{ project: { id: '10001', key: 'MKT' }, changed: [] }] } });
    expect(events).toEqual([]);
  });

  it('refuses a missing, malformed, wrong or revoked API key and changes nothing', async () => {
    const before = await storeSnapshot(host);
    const body = { updates: [{ project: 'MKT', values: { Budget: 1 } }] };
    const created = await callAs(host, admin, 'apikeys/create', { name: 'to revoke' });
    await callAs(host, admin, 'apikeys/revoke', { id: (created.key as { id: string }).id });
    const wrong = apiKey.slice(0, -4) + 'AAAA';
    for (const key of [null, 'not-a-key', wrong, String(created.secret)]) {
      expect({ key, ...(await rest(body, key)) }).toMatchObject({ key, status: 401, body: { error: { code: 'UNAUTHORIZED' } } });
    }
    const after = (await storeSnapshot(host)) as { values: unknown; events: unknown };
    expect({ values: after.values, events: after.events }).toEqual({
      values: (before as typeof after).values,
      events: (before as typeof after).events,
    });
  });
});

describe("Jira's own project attributes", () => {
  it('renaming a project in the Jira fake yields one change event with no user', async () => {
    const events = await newEventsOf(() =>
      host.jira.handle({
        method: 'PUT',
        path: '/rest/api/3/project/HR',
        body: JSON.stringify({ name: 'People & culture' }),
        caller: { kind: 'user', accountId: admin },
      }),
    );
    expect(events.map((e) => formatPayload(e.event).data)).toEqual([
      {
        event: 'updated',
        user: null,
        timestamp: events[0]!.event.at,
        sequence: 1,
        project: { id: 10003, key: 'HR', name: 'People & culture' },
        fields: [{ id: 1, name: 'Project name', type: 'text', value: { current: 'People & culture', previous: 'People team' } }],
      },
    ]);
  });

  it('an update that changes nothing Jira-side yields nothing', async () => {
    host.meter.clear();
    const events = await newEventsOf(() =>
      host.jira.handle({
        method: 'PUT',
        path: '/rest/api/3/project/HR',
        body: JSON.stringify({ name: 'People & culture' }),
        caller: { kind: 'app' },
      }),
    );
    expect(host.meter.list({ functionKey: 'on-project-updated' }).map((c) => c.outcome)).toEqual(['ok']);
    expect(events).toEqual([]);
  });

  it('every project was snapshotted on install, so a first change is already a diff', async () => {
    const [event] = await newEventsOf(() =>
      host.jira.handle({
        method: 'PUT',
        path: '/rest/api/3/project/OPS',
        body: JSON.stringify({ description: 'Runs the lights' }),
        caller: { kind: 'app' },
      }),
    );
    expect(formatPayload(event!.event).data.fields).toEqual([
      { id: 5, name: 'Project description', type: 'textarea', value: { current: 'Runs the lights', previous: expect.any(String) as unknown } },
    ]);
  });
});

describe('concurrent writes to one project', () => {
  it('each event reports the value it replaced: the previous values chain without gaps or repeats', async () => {
    const budgets = [101, 102, 103, 104, 105, 106];
    const events = await newEventsOf(() =>
      Promise.all(budgets.map((b) => callAs(host, pat, 'values/update', { projectId: '10000', values: { Budget: b } }))),
    );
    const pairs = events.map((e) => [e.event.changes[0]?.previous, e.event.changes[0]?.current]);
    expect(pairs).toHaveLength(budgets.length);
    // Follow the chain from the value before the burst (none): every write must start where another ended.
    let value: unknown = null;
    for (let i = 0; i < budgets.length; i++) {
      const next = pairs.find(([previous]) => previous === value);
      expect(next, `no event replaced ${String(value)}`).toBeDefined();
      value = next?.[1];
    }
    expect((await callAs(host, pat, 'values/get', { projectId: '10000' })).values).toMatchObject({ '1012': value });
  });
});
