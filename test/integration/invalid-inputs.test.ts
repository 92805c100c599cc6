import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { INVALID_VALUES } from '../support/invalid-inputs';
import { addTestFields, callAs, DEMO_USERS, startAppHost, storeSnapshot } from './support/app-host';

let host: Host;
let server: SandboxServer;
let apiKey: string;
let before: unknown;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  await addTestFields(host);
  apiKey = String((await callAs(host, DEMO_USERS.admin.accountId, 'apikeys/create', { name: 'import' })).secret);
  await callAs(host, DEMO_USERS.admin.accountId, 'values/update', { projectId: '10000', values: { Budget: 10, Status: 'On track' } });
  before = await storeSnapshot(host);
});
afterAll(async () => {
  await server.close();
  await host.close();
});

async function rest(body: string) {
  const response = await fetch(`${server.url}/webtrigger/rest-api`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}` }, body });
  return {
    status: response.status,
    body: (await response.json()) as {
      error?: { code: string; message: string; fields?: { project?: string; field: string; code: string; message: string }[] };
    },
  };
}

/** A valid value sent alongside the bad one: it must not be written either. */
const withValid = (field: string, value: unknown) => (field === 'Budget' ? { [field]: value, 'Code name': 'Valid' } : { [field]: value, Budget: 11 });
const namesField = (name: string) => new RegExp(`^${name.replace(/[?]/g, '\\?')}: `);

describe(`${INVALID_VALUES.length} distinct invalid values, refused with the field and the reason, changing nothing`, () => {
  it.each(INVALID_VALUES)('REST API: $field = $value', async ({ field, value, code, names }) => {
    const answer = await rest(JSON.stringify({ updates: [{ project: 'DEMO', values: withValid(field, value) }] }));
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: expect.stringMatching(namesField(names)) as unknown,
          fields: [{ project: 'DEMO', field, code, message: expect.stringMatching(namesField(names)) as unknown }],
        },
      },
    });
  });

  it.each(INVALID_VALUES)('project page resolver: $field = $value', async ({ field, value, code, names }) => {
    const answer = await callAs(host, DEMO_USERS.projectAdmin.accountId, 'values/update', {
      projectId: '10000',
      values: withValid(field, value),
    });
    expect(answer).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: expect.stringMatching(namesField(names)) as unknown,
        fields: [{ field, code, message: expect.stringMatching(namesField(names)) as unknown }],
      },
    });
  });

  it('malformed REST bodies are refused with a code and a message naming what is wrong', async () => {
    const cases: [string, string, RegExp][] = [
      ['not json', 'INVALID_JSON', /must be JSON/],
      ['[]', 'INVALID_INPUT', /^body: /],
      ['{"updates": {}}', 'INVALID_INPUT', /^updates: /],
      ['{"updates": []}', 'INVALID_INPUT', /^updates: /],
      ['{"updates": [{"values": {"Budget": 1}}]}', 'INVALID_INPUT', /^updates\.0\.project: /],
      ['{"updates": [{"project": "DEMO", "values": {}}]}', 'INVALID_INPUT', /^updates\.0\.values: must name at least one field/],
      ['{"updates": [{"project": "DEMO", "values": [1]}]}', 'INVALID_INPUT', /^updates\.0\.values: /],
      [JSON.stringify({ updates: Array.from({ length: 21 }, () => ({ project: 'DEMO', values: { Budget: 1 } })) }), 'INVALID_INPUT', /^updates: /],
      ['{"updates": [{"project": "NOPE", "values": {"Budget": 1}}]}', 'INVALID_INPUT', /^project: there is no project NOPE/],
      [
        '{"updates": [{"project": "DEMO", "values": {"Budget": 1}}, {"project": "10000", "values": {"Status": 1}}]}',
        'DUPLICATE_PROJECT',
        /^project: DEMO/,
      ],
    ];
    for (const [body, code, message] of cases) {
      const answer = await rest(body);
      expect({ body, status: answer.status, code: answer.body.error?.code, message: answer.body.error?.message }).toEqual({
        body,
        status: 400,
        code,
        message: expect.stringMatching(message) as unknown,
      });
    }
  });

  it('a multi-project call with one bad value writes nothing to any project', async () => {
    const unchanged = await storeSnapshot(host);
    const answer = await rest(
      JSON.stringify({
        updates: [
          { project: 'MKT', values: { Budget: 5 } },
          { project: 'OPS', values: { 'Start date': '2026-02-30' } },
        ],
      }),
    );
    expect(await storeSnapshot(host)).toEqual(unchanged);
    expect(answer.body.error?.fields).toEqual([
      { project: 'OPS', field: 'Start date', code: 'INVALID_DATE', message: expect.stringMatching(/^Start date: /) as unknown },
    ]);
  });

  it('resolver payloads that break the contract are refused, naming the part', async () => {
    expect(await callAs(host, DEMO_USERS.projectAdmin.accountId, 'values/update', { projectId: '10000', values: 'Budget=1' })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^values: /) as unknown },
    });
    expect(await callAs(host, DEMO_USERS.projectAdmin.accountId, 'values/update', { values: { Budget: 1 } })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^projectId: /) as unknown },
    });
  });

  it('after all of them the stored values, events and queue are exactly as before', async () => {
    await host.idle();
    expect(await storeSnapshot(host)).toEqual(before);
  });
});
