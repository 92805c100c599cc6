import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JiraCaller } from './index';
import type { Sandbox } from './test-support';
import { AS, call, sandbox } from './test-support';

let box: Sandbox;
beforeEach(() => void (box = sandbox()));
afterEach(() => box.dispose());

const KEYS = 'ADMINISTER,ADMINISTER_PROJECTS,BROWSE_PROJECTS';

/** havePermission per key, in the order ADMINISTER, ADMINISTER_PROJECTS, BROWSE_PROJECTS. */
async function have(caller: JiraCaller, context = ''): Promise<boolean[]> {
  const answer = await call(box.jira, caller, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}${context}`);
  expect(answer.status).toBe(200);
  const { permissions } = answer.body as { permissions: Record<string, { havePermission: boolean }> };
  return ['ADMINISTER', 'ADMINISTER_PROJECTS', 'BROWSE_PROJECTS'].map((k) => permissions[k]?.havePermission ?? false);
}

describe('GET /rest/api/3/mypermissions', () => {
  it('answers each permission in the Jira shape', async () => {
    expect(await call(box.jira, AS.pat, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&projectKey=MKT`)).toEqual({
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      body: {
        permissions: {
          ADMINISTER: {
            id: '0',
            key: 'ADMINISTER',
            name: 'Administer Jira',
            type: 'GLOBAL',
            description:
              'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
            havePermission: false,
          },
          ADMINISTER_PROJECTS: {
            id: '23',
            key: 'ADMINISTER_PROJECTS',
            name: 'Administer Projects',
            type: 'PROJECT',
            description: 'Ability to administer a project in Jira.',
            havePermission: false,
          },
          BROWSE_PROJECTS: {
            id: '10',
            key: 'BROWSE_PROJECTS',
            name: 'Browse Projects',
            type: 'PROJECT',
            description: 'Ability to browse projects and the issues within them.',
            havePermission: true,
          },
        },
      },
    });
  });

  it('answers per user and project', async () => {
    expect(await have(AS.admin, '&projectKey=MKT')).toEqual([true, true, true]);
    expect(await have(AS.pat, '&projectKey=DEMO')).toEqual([false, true, true]);
    expect(await have(AS.pat, '&projectId=10000')).toEqual([false, true, true]);
    expect(await have(AS.pat, '&projectKey=OPS')).toEqual([false, false, true]);
    expect(await have(AS.nico, '&projectKey=DEMO')).toEqual([false, false, true]);
  });

  it('counts a project permission held anywhere when no project is given, as Jira documents', async () => {
    expect(await have(AS.pat)).toEqual([false, true, true]);
    expect(await have(AS.nico)).toEqual([false, false, true]);
  });

  it('prefers projectId over projectKey', async () => {
    expect(await have(AS.pat, '&projectId=10001&projectKey=DEMO')).toEqual([false, false, true]);
  });

  it('answers for the app user and for anonymous callers, since the endpoint allows both', async () => {
    expect(await have(AS.app, '&projectKey=OPS')).toEqual([true, true, true]);
    expect(await have(AS.anonymous)).toEqual([false, false, false]);
    expect((await call(box.jira, AS.anonymous, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&projectKey=DEMO`)).status).toBe(404);
  });

  it('answers 400 without permissions, 404 for an unknown project and 501 for what it does not model', async () => {
    expect(await call(box.jira, AS.nico, 'GET', '/rest/api/3/mypermissions?projectKey=DEMO')).toMatchObject({
      status: 400,
      body: { errorMessages: ['The permissions query parameter is required.'], errors: {} },
    });
    expect(await call(box.jira, AS.nico, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&projectKey=NOPE`)).toMatchObject({
      status: 404,
      body: { errorMessages: ["No project could be found with key 'NOPE'."] },
    });
    expect((await call(box.jira, AS.nico, 'GET', '/rest/api/3/mypermissions?permissions=EDIT_ISSUES')).status).toBe(501);
    expect((await call(box.jira, AS.nico, 'GET', `/rest/api/3/mypermissions?permissions=${KEYS}&issueKey=DEMO-1`)).status).toBe(501);
  });
});

describe('GET /rest/api/3/serverInfo', () => {
  it('reports the Atlassian site URL as baseUrl, even anonymously', async () => {
    const answer = await call(box.jira, AS.anonymous, 'GET', '/rest/api/3/serverInfo');
    expect(answer).toMatchObject({
      status: 200,
      body: { baseUrl: 'https://sandbox.atlassian.net', displayUrl: 'https://sandbox.atlassian.net', deploymentType: 'Cloud' },
    });
    expect((answer.body as { serverTime: string }).serverTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  });
});
