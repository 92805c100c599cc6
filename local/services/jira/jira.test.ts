import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PROJECTS, DEMO_USERS } from './index';
import type { Sandbox } from './test-support';
import { API, AS, call, initialsAvatars, projectAvatars, sandbox, SITE } from './test-support';

const EXPAND = 'description,lead,issueTypes,url,projectKeys,permissions,insight';

let box: Sandbox;
beforeEach(() => void (box = sandbox()));
afterEach(() => box.dispose());

describe('seed', () => {
  it('opens with four demo projects and three people', () => {
    expect(box.jira.projects().map((p) => [p.id, p.key, p.name])).toEqual([
      ['10000', 'DEMO', 'Demo project'],
      ['10003', 'HR', 'People team'],
      ['10001', 'MKT', 'Marketing launch'],
      ['10002', 'OPS', 'Operations'],
    ]);
    expect(box.jira.users().map((u) => [u.displayName, u.role])).toEqual([
      ['Alana Admin', 'jira-admin'],
      ['Pat Lead', 'project-admin'],
      ['Nico Member', 'member'],
    ]);
    for (const u of box.jira.users()) expect(u.accountId).toMatch(/^[0-9a-f]{24}$/);
    expect(box.jira.siteUrl).toBe(SITE);
    expect(box.jira.cloudId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe('GET /rest/api/3/project/{projectIdOrKey}', () => {
  const demo = {
    expand: EXPAND,
    self: `${API}/project/10000`,
    id: '10000',
    key: 'DEMO',
    description: 'Sandbox project for trying Projectrak fields and webhooks.',
    lead: {
      self: `${API}/user?accountId=${DEMO_USERS.projectAdmin.accountId}`,
      accountId: DEMO_USERS.projectAdmin.accountId,
      accountType: 'atlassian',
      avatarUrls: initialsAvatars('PL'),
      displayName: 'Pat Lead',
      active: true,
    },
    name: 'Demo project',
    avatarUrls: projectAvatars('10000'),
    projectCategory: { self: `${API}/projectCategory/10000`, id: '10000', name: 'Product', description: 'Customer-facing product work' },
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
    url: 'https://example.com/demo',
    assigneeType: 'PROJECT_LEAD',
  };

  it('answers the full project by id and by key', async () => {
    for (const ref of ['10000', 'DEMO']) {
      const answer = await call(box.jira, AS.nico, 'GET', `/rest/api/3/project/${ref}`);
      expect(answer).toEqual({ status: 200, contentType: 'application/json;charset=UTF-8', body: demo });
    }
  });

  it('answers 404 the Jira way for a missing key or id, and for anonymous callers', async () => {
    expect(await call(box.jira, AS.admin, 'GET', '/rest/api/3/project/NOPE')).toMatchObject({
      status: 404,
      body: { errorMessages: ["No project could be found with key 'NOPE'."], errors: {} },
    });
    expect((await call(box.jira, AS.admin, 'GET', '/rest/api/3/project/99999')).body).toEqual({
      errorMessages: ["No project could be found with id '99999'."],
      errors: {},
    });
    expect((await call(box.jira, AS.admin, 'GET', '/rest/api/3/project/demo')).status).toBe(404);
    expect((await call(box.jira, AS.anonymous, 'GET', '/rest/api/3/project/DEMO')).status).toBe(404);
  });
});

describe('GET /rest/api/3/project/search', () => {
  it('pages through visible projects ordered by key', async () => {
    const first = await call(box.jira, AS.nico, 'GET', '/rest/api/3/project/search?startAt=0&maxResults=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      self: `${API}/project/search?startAt=0&maxResults=2`,
      nextPage: `${API}/project/search?startAt=2&maxResults=2`,
      maxResults: 2,
      startAt: 0,
      total: 4,
      isLast: false,
    });
    const values = (first.body as { values: unknown[] }).values;
    expect(values).toEqual([
      {
        expand: EXPAND,
        self: `${API}/project/10000`,
        id: '10000',
        key: 'DEMO',
        name: 'Demo project',
        avatarUrls: projectAvatars('10000'),
        projectCategory: { self: `${API}/projectCategory/10000`, id: '10000', name: 'Product', description: 'Customer-facing product work' },
        projectTypeKey: 'software',
        simplified: false,
        style: 'classic',
        isPrivate: false,
        properties: {},
      },
      expect.objectContaining({ key: 'HR', id: '10003' }),
    ]);
    const last = await call(box.jira, AS.nico, 'GET', '/rest/api/3/project/search?startAt=2&maxResults=2');
    expect(last.body).toMatchObject({ startAt: 2, total: 4, isLast: true, values: [{ key: 'MKT' }, { key: 'OPS' }] });
    expect(last.body).not.toHaveProperty('nextPage');
  });

  it('filters by query, keys and ids, and expands lead and description on request', async () => {
    const keysOf = async (query: string) =>
      ((await call(box.jira, AS.admin, 'GET', `/rest/api/3/project/search?${query}`)).body as { values: { key: string }[] }).values.map((v) => v.key);
    expect(await keysOf('query=launch')).toEqual(['MKT']);
    expect(await keysOf('query=ops')).toEqual(['OPS']);
    expect(await keysOf('keys=HR&keys=DEMO')).toEqual(['DEMO', 'HR']);
    expect(await keysOf('id=10002')).toEqual(['OPS']);
    expect(await keysOf('orderBy=-name')).toEqual(['HR', 'OPS', 'MKT', 'DEMO']);
    expect(await keysOf('action=edit')).toEqual(['DEMO', 'HR', 'MKT', 'OPS']);
    const mkt = await call(box.jira, AS.admin, 'GET', '/rest/api/3/project/search?keys=MKT&expand=description,lead');
    expect((mkt.body as { values: unknown[] }).values[0]).toMatchObject({
      description: DEMO_PROJECTS.marketing.description,
      lead: { accountId: DEMO_USERS.admin.accountId, displayName: 'Alana Admin' },
      simplified: true,
      style: 'next-gen',
    });
  });

  it('shows only what the caller may see', async () => {
    const patEdit = await call(box.jira, AS.pat, 'GET', '/rest/api/3/project/search?action=edit');
    expect(patEdit.body).toMatchObject({ total: 1, values: [{ key: 'DEMO' }] });
    expect((await call(box.jira, AS.anonymous, 'GET', '/rest/api/3/project/search')).body).toMatchObject({ total: 0, values: [] });
  });
});
