import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { addTestFields, callAs, DEMO_USERS, startAppHost, storeSnapshot } from './support/app-host';

let host: Host;
let server: SandboxServer;
let apiKey: string;
const admin = DEMO_USERS.admin.accountId;
const pat = DEMO_USERS.projectAdmin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  await addTestFields(host);
  apiKey = String((await callAs(host, admin, 'apikeys/create', { name: 'hostile' })).secret);
});
afterAll(async () => {
  await server.close();
  await host.close();
});

/** A REST call straight to the web trigger, as Forge would pass it (no sandbox HTTP limits in between). */
async function restCall(method: string, body: string, query: Record<string, string[]> = {}) {
  const answer = await host.triggers.web('rest-api', {
    method,
    path: '/webtrigger/rest-api',
    userPath: '',
    headers: { Authorization: [`Bearer ${apiKey}`], 'Content-Type': ['application/json'] },
    queryParameters: query,
    body,
  });
  await host.idle();
  return { status: answer?.statusCode, body: JSON.parse(answer?.body ?? '{}') as { error?: { code: string; message: string; fields?: unknown[] } } };
}

const PATH_LIKE = ['..', '../10000', 'DEMO?x', '%2e%2e', '.', 'DEMO/../MKT', 'DEMO#x', '', ' DEMO', '10000/x', '..%2f'];

describe('path-like project references', () => {
  it.each(PATH_LIKE)('REST GET ?project=%j answers 400 naming the project parameter', async (ref) => {
    const answer = await restCall('GET', '', { project: [ref] });
    expect({ status: answer.status, code: answer.body.error?.code, message: answer.body.error?.message }).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^project: /) as unknown,
    });
  });

  it.each(PATH_LIKE)('REST POST with project %j answers 400 and writes nothing', async (ref) => {
    const before = await storeSnapshot(host);
    const answer = await restCall('POST', JSON.stringify({ updates: [{ project: ref, values: { Budget: 1 } }] }));
    expect({ status: answer.status, code: answer.body.error?.code, message: answer.body.error?.message }).toEqual({
      status: 400,
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^updates\.0\.project: /) as unknown,
    });
    expect(await storeSnapshot(host)).toEqual(before);
  });

  it.each(PATH_LIKE)('resolvers refuse projectId %j with INVALID_INPUT naming projectId', async (ref) => {
    for (const key of ['values/get', 'values/update', 'project/summary'] as const) {
      const answer = await callAs(host, pat, key, { projectId: ref, values: { Budget: 1 } });
      expect({ key, answer }).toEqual({
        key,
        answer: { error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^projectId: /) as unknown }) as unknown },
      });
    }
  });

  it('a well-formed key of no project answers 404 in REST and NOT_FOUND in resolvers', async () => {
    expect((await restCall('GET', '', { project: ['NOPE'] })).status).toBe(404);
    expect(await callAs(host, pat, 'values/get', { projectId: 'NOPE' })).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('reserved names and repeated keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('REST refuses %s as a field key, naming it, and writes nothing', async (name) => {
    const before = await storeSnapshot(host);
    const body = `{"updates":[{"project":"DEMO","values":{"Budget":7,${JSON.stringify(name)}:1}}]}`;
    const answer = await restCall('POST', body);
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: `${name}: is a reserved name, not a field`,
          fields: [{ project: 'DEMO', field: name, code: 'RESERVED_NAME', message: `${name}: is a reserved name, not a field` }],
        },
      },
    });
    expect(await storeSnapshot(host)).toEqual(before);
  });

  it.each(['__proto__', 'constructor'])('the project page resolver refuses %s as a field key', async (name) => {
    const values = JSON.parse(`{"Budget":7,${JSON.stringify(name)}:1}`) as Record<string, unknown>;
    expect(await callAs(host, pat, 'values/update', { projectId: '10000', values })).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: `${name}: is a reserved name, not a field`,
        fields: [{ field: name, code: 'RESERVED_NAME', message: `${name}: is a reserved name, not a field` }],
      },
    });
  });

  it.each(['__proto__', 'Constructor', ' prototype '])('no field may be named %j', async (name) => {
    expect(await callAs(host, admin, 'fields/create', { name, type: 'text' })).toMatchObject({
      error: { code: 'INVALID_INPUT', fields: [{ field: 'name', code: 'RESERVED_NAME' }] },
    });
  });

  it('REST refuses a key given twice, naming where, and writes nothing', async () => {
    const before = await storeSnapshot(host);
    const answer = await restCall('POST', '{"updates":[{"project":"DEMO","values":{"Budget":1,"Budget":2}}]}');
    expect(answer).toEqual({
      status: 400,
      body: {
        error: {
          code: 'INVALID_INPUT',
          message: 'updates.0.values.Budget: is given more than once',
          fields: [{ field: 'updates.0.values.Budget', code: 'DUPLICATE_KEY', message: 'updates.0.values.Budget: is given more than once' }],
        },
      },
    });
    expect(await storeSnapshot(host)).toEqual(before);
  });
});

describe('oversize bodies and the field catalogue limit', () => {
  it("a multi-project call where one project's values would exceed 230 KiB in all is refused whole", async () => {
    for (let i = 1; i <= 5; i++) await callAs(host, admin, 'fields/create', { name: `Notes ${i}`, type: 'textarea' });
    const long = (c: string) => c.repeat(30 * 1024);
    // 4 × 30 KiB stored first (one change under 200 KiB), then 4 × 30 KiB more would make 240 KiB.
    expect(
      (
        await restCall(
          'POST',
          JSON.stringify({
            updates: [{ project: 'OPS', values: { 'Notes 1': long('a'), 'Notes 2': long('b'), 'Notes 3': long('c'), 'Notes 4': long('d') } }],
          }),
        )
      ).status,
    ).toBe(200);
    const unchanged = await storeSnapshot(host);
    const answer = await restCall(
      'POST',
      JSON.stringify({
        updates: [
          { project: 'MKT', values: { Budget: 5 } },
          {
            project: 'OPS',
            values: {
              'Notes 5': long('e'),
              'What are we doing?': long('f'),
              'Why are we doing it?': long('g'),
              'What will success look like?': long('h'),
            },
          },
        ],
      }),
    );
    expect(await storeSnapshot(host)).toEqual(unchanged);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.fields).toEqual([
      {
        project: 'OPS',
        field: 'values',
        code: 'TOO_LARGE',
        message: "values: the project's values would take over 230 KiB in all; shorten some long texts",
      },
    ]);
  });

  it('answers 413 to a body over 1 MiB, before parsing it', async () => {
    const body = JSON.stringify({ updates: [{ project: 'DEMO', values: { 'What are we doing?': 'x'.repeat(1024 * 1024) } }] });
    expect(await restCall('POST', body)).toMatchObject({ status: 413, body: { error: { code: 'PAYLOAD_TOO_LARGE' } } });
  });

  it('refuses a field change that would take the catalogue over 240 KiB, saying so, and stores nothing', async () => {
    const description = 'd'.repeat(1000);
    let answer: Record<string, unknown> = {};
    let created = 0;
    for (let i = 0; i < 400 && !('error' in answer); i++) {
      answer = await callAs(host, admin, 'fields/create', {
        name: `Filler ${i}`,
        type: 'list',
        description,
        options: Array.from({ length: 3 }, (_, n) => `${'o'.repeat(200)} ${n}`),
      });
      if (!('error' in answer)) created++;
    }
    expect(answer).toEqual({
      error: { code: 'TOO_LARGE', message: expect.stringMatching(/field catalogue would take \d+ KiB, over its limit of 240 KiB/) as unknown },
    });
    const { fields } = (await callAs(host, admin, 'fields/list')) as { fields: { name: string }[] };
    expect(fields.filter((f) => f.name.startsWith('Filler '))).toHaveLength(created);
    expect(created).toBeGreaterThan(100);
  });
});
