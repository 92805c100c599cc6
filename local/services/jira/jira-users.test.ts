import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ACCOUNT, DEMO_USERS } from './index';
import type { Sandbox } from './test-support';
import { API, AS, call, initialsAvatars, sandbox } from './test-support';

const ALANA = DEMO_USERS.admin.accountId;
const PAT = DEMO_USERS.projectAdmin.accountId;
const NICO = DEMO_USERS.member.accountId;

let box: Sandbox;
beforeEach(() => void (box = sandbox()));
afterEach(() => box.dispose());

describe('GET /rest/api/3/myself', () => {
  it('answers the calling person in the REST v3 User shape', async () => {
    expect(await call(box.jira, AS.nico, 'GET', '/rest/api/3/myself')).toEqual({
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      body: {
        self: `${API}/user?accountId=${NICO}`,
        accountId: NICO,
        accountType: 'atlassian',
        emailAddress: 'nico.member@example.com',
        avatarUrls: initialsAvatars('NM'),
        displayName: 'Nico Member',
        active: true,
        timeZone: 'Australia/Sydney',
        locale: 'en_US',
        groups: { size: 2, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      },
    });
  });

  it('answers the app user for asApp() and 401 for anonymous callers', async () => {
    expect(await call(box.jira, AS.app, 'GET', '/rest/api/3/myself')).toMatchObject({
      status: 200,
      body: { accountId: APP_ACCOUNT.accountId, accountType: 'app', displayName: 'Projectrak' },
    });
    expect((await call(box.jira, AS.app, 'GET', '/rest/api/3/myself')).body).not.toHaveProperty('emailAddress');
    expect(await call(box.jira, AS.anonymous, 'GET', '/rest/api/3/myself')).toEqual({
      status: 401,
      contentType: 'application/json;charset=UTF-8',
      body: { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} },
    });
  });
});

describe('user lookups', () => {
  it('finds a user by account id and answers 404 the Jira way when missing', async () => {
    expect(await call(box.jira, AS.app, 'GET', `/rest/api/3/user?accountId=${PAT}`)).toMatchObject({
      status: 200,
      body: { accountId: PAT, displayName: 'Pat Lead', emailAddress: 'pat.lead@example.com', timeZone: 'America/New_York' },
    });
    expect(await call(box.jira, AS.app, 'GET', '/rest/api/3/user?accountId=ffffffffffffffffffffffff')).toEqual({
      status: 404,
      contentType: 'application/json;charset=UTF-8',
      body: { errorMessages: ['Specified user does not exist or you do not have required permissions'], errors: {} },
    });
    expect((await call(box.jira, AS.app, 'GET', '/rest/api/3/user')).status).toBe(400);
    expect((await call(box.jira, AS.anonymous, 'GET', `/rest/api/3/user?accountId=${PAT}`)).status).toBe(401);
  });

  it('answers /user/bulk as a PageBean, leaving out unknown ids', async () => {
    const answer = await call(box.jira, AS.app, 'GET', `/rest/api/3/user/bulk?accountId=${ALANA}&accountId=nobody&accountId=${NICO}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      self: `${API}/user/bulk?accountId=${ALANA}&accountId=nobody&accountId=${NICO}`,
      maxResults: 10,
      startAt: 0,
      total: 2,
      isLast: true,
      values: [
        { accountId: ALANA, displayName: 'Alana Admin', accountType: 'atlassian' },
        { accountId: NICO, displayName: 'Nico Member', accountType: 'atlassian' },
      ],
    });
    const paged = await call(box.jira, AS.app, 'GET', `/rest/api/3/user/bulk?accountId=${ALANA}&accountId=${NICO}&maxResults=1`);
    expect(paged.body).toMatchObject({
      nextPage: `${API}/user/bulk?accountId=${ALANA}&accountId=${NICO}&maxResults=1&startAt=1`,
      isLast: false,
      values: [{ accountId: ALANA }],
    });
    expect((await call(box.jira, AS.app, 'GET', '/rest/api/3/user/bulk')).status).toBe(400);
  });

  it('lists every account on /users/search, the app user included', async () => {
    const answer = await call(box.jira, AS.nico, 'GET', '/rest/api/3/users/search');
    expect((answer.body as { accountId: string; accountType: string }[]).map((u) => [u.accountId, u.accountType])).toEqual([
      [ALANA, 'atlassian'],
      [PAT, 'atlassian'],
      [NICO, 'atlassian'],
      [APP_ACCOUNT.accountId, 'app'],
    ]);
    const second = await call(box.jira, AS.nico, 'GET', '/rest/api/3/users/search?startAt=1&maxResults=1');
    expect((second.body as { displayName: string }[]).map((u) => u.displayName)).toEqual(['Pat Lead']);
  });

  it('matches /user/search queries against name and email prefixes', async () => {
    const names = async (query: string, caller: Parameters<typeof call>[1] = AS.admin) =>
      ((await call(box.jira, caller, 'GET', `/rest/api/3/user/search?${query}`)).body as { displayName: string }[]).map((u) => u.displayName);
    expect(await names('query=lead')).toEqual(['Pat Lead']);
    expect(await names('query=ALA')).toEqual(['Alana Admin']);
    expect(await names('query=nico.member@')).toEqual(['Nico Member']);
    expect(await names('query=zzz')).toEqual([]);
    expect(await names(`accountId=${PAT}`)).toEqual(['Pat Lead']);
    expect(await names('query=lead', AS.anonymous)).toEqual([]);
    expect((await call(box.jira, AS.admin, 'GET', '/rest/api/3/user/search')).status).toBe(400);
    expect((await call(box.jira, AS.admin, 'GET', `/rest/api/3/user/search?query=a&accountId=${PAT}`)).status).toBe(400);
  });
});
