import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { callAs, DEMO_USERS, startAppHost } from './support/app-host';

let host: Host;
let server: SandboxServer;
const nico = DEMO_USERS.member.accountId;
const pat = DEMO_USERS.projectAdmin.accountId;
const alana = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const person = (user: { accountId: string; displayName: string }) => ({ accountId: user.accountId, displayName: user.displayName });

describe('the pickers’ lookups, asked of Jira as the user', () => {
  it('lookup/users finds people by a prefix of a word of their name or of their email, never the app’s own account', async () => {
    expect(await callAs(host, nico, 'lookup/users', { query: 'lea' })).toEqual({ users: [person(DEMO_USERS.projectAdmin)] });
    expect(await callAs(host, nico, 'lookup/users', { query: 'ALANA.admin@' })).toEqual({ users: [person(DEMO_USERS.admin)] });
    // "Projectrak" is the app user: Jira finds it, a user field never holds it.
    expect(await callAs(host, nico, 'lookup/users', { query: 'projectrak' })).toEqual({ users: [] });
  });

  it('lookup/users names the given accounts and leaves out ids Jira does not know', async () => {
    const answer = await callAs(host, nico, 'lookup/users', { accountIds: [pat, 'ffffffffffffffffffffffff', alana] });
    expect(answer).toEqual({ users: [person(DEMO_USERS.projectAdmin), person(DEMO_USERS.admin)] });
  });

  it('lookup/users without a query still lists everyone, as before', async () => {
    const answer = await callAs(host, nico, 'lookup/users', {});
    expect(answer).toEqual({ users: [person(DEMO_USERS.admin), person(DEMO_USERS.projectAdmin), person(DEMO_USERS.member)] });
  });

  it('lookup/projects finds projects by part of their key or name, case-insensitively, and names the given ids', async () => {
    expect(await callAs(host, nico, 'lookup/projects', { query: 'LAUNCH' })).toEqual({
      projects: [{ id: '10001', key: 'MKT', name: 'Marketing launch' }],
    });
    expect(await callAs(host, nico, 'lookup/projects', { query: 'ope' })).toEqual({ projects: [{ id: '10002', key: 'OPS', name: 'Operations' }] });
    expect(await callAs(host, nico, 'lookup/projects', { ids: ['10003', '10000', '99999'] })).toEqual({
      projects: [
        { id: '10000', key: 'DEMO', name: 'Demo project' },
        { id: '10003', key: 'HR', name: 'People team' },
      ],
    });
  });

  it('refuses an empty or overlong query, both ways of looking at once, and unknown keys, naming the field', async () => {
    expect(await callAs(host, nico, 'lookup/users', { query: '  ' })).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'query: must not be empty',
        fields: [{ field: 'query', code: 'INVALID_INPUT', message: 'query: must not be empty' }],
      },
    });
    expect(await callAs(host, nico, 'lookup/projects', { query: 'x'.repeat(101) })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'query: must be at most 100 characters' },
    });
    expect(await callAs(host, nico, 'lookup/users', { query: 'pat', accountIds: [pat] })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'payload: give a query or accountIds, not both' },
    });
    expect(await callAs(host, nico, 'lookup/projects', { ids: ['DEMO'] })).toMatchObject({
      error: { code: 'INVALID_INPUT', message: 'ids.0: must be a project id' },
    });
    expect(await callAs(host, nico, 'lookup/projects', { search: 'x' })).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});

describe('values/get', () => {
  it("answers Jira's own attributes of the project for the page to show read-only", async () => {
    const answer = await callAs(host, nico, 'values/get', { projectId: 'DEMO' });
    expect(answer.jira).toEqual({
      lead: person(DEMO_USERS.projectAdmin),
      category: 'Product',
      description: 'Sandbox project for trying Projectrak fields and webhooks.',
      url: 'https://example.com/demo',
    });
    expect((await callAs(host, nico, 'values/get', { projectId: 'OPS' })).jira).toEqual({
      lead: person(DEMO_USERS.admin),
      category: null,
      description: 'Internal requests and incidents.',
      url: 'https://status.example.com',
    });
  });
});
