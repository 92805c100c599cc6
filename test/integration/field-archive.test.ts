import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { callAs, DEMO_USERS, startAppHost } from './support/app-host';

let host: Host;
let server: SandboxServer;
let apiKey: string;
const admin = DEMO_USERS.admin.accountId;
const pat = DEMO_USERS.projectAdmin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  apiKey = String((await callAs(host, admin, 'apikeys/create', { name: 'archive tests' })).secret);
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const rest = async (method: 'GET' | 'POST', body?: unknown) => {
  const query = method === 'GET' ? '?project=DEMO' : '';
  const response = await fetch(`${server.url}/webtrigger/rest-api${query}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  await host.idle();
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** A new text field of its own, with a value on DEMO. */
async function fieldWithValue(name: string): Promise<number> {
  const { field } = (await callAs(host, admin, 'fields/create', { name, type: 'text' })) as { field: { id: number } };
  await callAs(host, pat, 'values/update', { projectId: '10000', values: { [name]: `${name} value` } });
  return field.id;
}

const demoValues = async () =>
  (await callAs(host, pat, 'values/get', { projectId: '10000' })) as { fields: { id: number }[]; values: Record<string, unknown> };
const restFieldIds = async () => ((await rest('GET')).body.fields as { id: number }[]).map((f) => f.id);

describe('archiving a field', () => {
  it('hides it and its value from the project page and the REST API, refuses new values, and restoring brings the value back', async () => {
    const id = await fieldWithValue('Archived code name');
    expect((await callAs(host, admin, 'fields/archive', { id, archived: true })).field).toEqual({
      id,
      name: 'Archived code name',
      type: 'text',
      archived: true,
    });

    const hidden = await demoValues();
    expect([hidden.fields.some((f) => f.id === id), String(id) in hidden.values]).toEqual([false, false]);
    expect(await restFieldIds()).not.toContain(id);
    expect(await rest('POST', { updates: [{ project: 'DEMO', values: { [id]: 'new' } }] })).toMatchObject({
      status: 400,
      body: { error: { fields: [{ field: String(id), code: 'ARCHIVED_FIELD' }] } },
    });
    expect(await callAs(host, pat, 'values/update', { projectId: '10000', values: { 'Archived code name': 'x' } })).toMatchObject({
      error: { code: 'INVALID_INPUT', fields: [{ code: 'ARCHIVED_FIELD' }] },
    });
    const listed = (await callAs(host, admin, 'fields/list')) as { fields: { id: number; archived?: boolean }[] };
    expect(listed.fields.find((f) => f.id === id)?.archived).toBe(true);

    expect((await callAs(host, admin, 'fields/archive', { id, archived: false })).field).toEqual({ id, name: 'Archived code name', type: 'text' });
    expect((await demoValues()).values[String(id)]).toBe('Archived code name value');
  });
});

describe('deleting a field', () => {
  it('is refused while a webhook filters on it, naming the webhook; once free, the field and its value are gone and its name can be reused', async () => {
    const id = await fieldWithValue('Deleted code name');
    const created = (await callAs(host, admin, 'webhooks/create', {
      name: 'Uses the field',
      url: 'https://receiver.sandbox.test/hooks/field-delete',
      filters: { fields: [id] },
    })) as { webhook: { id: string } };
    expect(await callAs(host, admin, 'fields/delete', { id })).toMatchObject({
      error: {
        code: 'INVALID_INPUT',
        fields: [{ field: 'id', code: 'FIELD_IN_USE' }],
        message: expect.stringContaining('"Uses the field"') as unknown,
      },
    });

    await callAs(host, admin, 'webhooks/delete', { id: created.webhook.id });
    expect(await callAs(host, admin, 'fields/delete', { id })).toEqual({ deleted: true });
    const after = await demoValues();
    expect([after.fields.some((f) => f.id === id), String(id) in after.values]).toEqual([false, false]);
    expect(await restFieldIds()).not.toContain(id);

    const again = (await callAs(host, admin, 'fields/create', { name: 'Deleted code name', type: 'text' })) as { field: { id: number } };
    expect(again.field.id).toBeGreaterThan(id);
    expect(String(again.field.id) in (await demoValues()).values).toBe(false);
  });

  it('refuses Jira’s own attributes and unknown ids', async () => {
    expect(await callAs(host, admin, 'fields/delete', { id: 1 })).toMatchObject({ error: { fields: [{ code: 'READ_ONLY_FIELD' }] } });
    expect(await callAs(host, admin, 'fields/archive', { id: 987_654, archived: true })).toMatchObject({
      error: { fields: [{ code: 'UNKNOWN_FIELD' }] },
    });
  });

  it('archiving and deleting are for Jira admins only', async () => {
    for (const who of [pat, DEMO_USERS.member.accountId]) {
      expect(await callAs(host, who, 'fields/archive', { id: 1003, archived: true })).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(await callAs(host, who, 'fields/delete', { id: 1003 })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const listed = (await callAs(host, admin, 'fields/list')) as { fields: { id: number; archived?: boolean }[] };
    expect(listed.fields.find((f) => f.id === 1003)).toEqual({ id: 1003, name: 'Start date', type: 'date' });
  });
});

describe('API key names', () => {
  it('are unique ignoring case and spaces, and free again once the key is revoked', async () => {
    const first = (await callAs(host, admin, 'apikeys/create', { name: 'Reporting sync' })) as { key: { id: string } };
    expect(await callAs(host, admin, 'apikeys/create', { name: ' reporting SYNC ' })).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'name: a key named "Reporting sync" already exists; choose another name',
        fields: [{ field: 'name', code: 'DUPLICATE_NAME', message: 'name: a key named "Reporting sync" already exists; choose another name' }],
      },
    });
    await callAs(host, admin, 'apikeys/revoke', { id: first.key.id });
    expect(await callAs(host, admin, 'apikeys/create', { name: 'Reporting sync' })).toMatchObject({ key: { name: 'Reporting sync' } });
  });
});
