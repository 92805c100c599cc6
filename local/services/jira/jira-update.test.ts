import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProjectUpdatedEvent } from './index';
import { DEMO_USERS, updateProjectAs } from './index';
import type { Sandbox } from './test-support';
import { AS, call, sandbox } from './test-support';

let box: Sandbox;
let events: ProjectUpdatedEvent[];
beforeEach(() => {
  box = sandbox();
  events = [];
  box.jira.onProjectUpdated((e) => events.push(e));
});
afterEach(() => box.dispose());

const put = (caller: Parameters<typeof call>[1], ref: string, body: unknown) => call(box.jira, caller, 'PUT', `/rest/api/3/project/${ref}`, body);
const demo = () => box.jira.projects().find((p) => p.id === '10000');

describe('PUT /rest/api/3/project/{projectIdOrKey}', () => {
  it('updates as a Jira admin, emits exactly one avi:jira:updated:project and persists across reopen', async () => {
    const answer = await put(AS.admin, 'DEMO', {
      name: 'Demo renamed',
      key: 'DEMO2',
      description: 'New words',
      leadAccountId: DEMO_USERS.member.accountId,
      url: 'https://example.com/new',
      categoryId: 10001,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: '10000',
      key: 'DEMO2',
      name: 'Demo renamed',
      description: 'New words',
      lead: { accountId: DEMO_USERS.member.accountId, displayName: 'Nico Member' },
      url: 'https://example.com/new',
      projectCategory: { id: '10001', name: 'Business' },
    });
    expect(events).toEqual([
      { eventType: 'avi:jira:updated:project', project: { id: '10000', key: 'DEMO2', name: 'Demo renamed', projectTypeKey: 'software' } },
    ]);

    const reopened = box.reopen();
    expect(reopened.projects().find((p) => p.id === '10000')).toEqual({
      id: '10000',
      key: 'DEMO2',
      name: 'Demo renamed',
      description: 'New words',
      leadAccountId: DEMO_USERS.member.accountId,
      projectTypeKey: 'software',
      url: 'https://example.com/new',
      categoryId: '10001',
      style: 'classic',
      assigneeType: 'PROJECT_LEAD',
    });
    expect((await call(reopened, AS.nico, 'GET', '/rest/api/3/project/DEMO2')).status).toBe(200);
  });

  it('forgets edits when reopened with reset', async () => {
    expect((await put(AS.admin, 'HR', { name: 'People ops' })).status).toBe(200);
    expect(
      box
        .reopen()
        .projects()
        .find((p) => p.key === 'HR')?.name,
    ).toBe('People ops');
    expect(
      box
        .reopen({ reset: true })
        .projects()
        .find((p) => p.key === 'HR')?.name,
    ).toBe('People team');
  });

  it('lets the app update, as Forge asApp() calls run as the app user', async () => {
    expect((await put(AS.app, '10001', { name: 'Launch 2' })).status).toBe(200);
    expect(events).toEqual([
      { eventType: 'avi:jira:updated:project', project: { id: '10001', key: 'MKT', name: 'Launch 2', projectTypeKey: 'business' } },
    ]);
  });

  it('refuses a plain member with 403 and changes nothing', async () => {
    const before = demo();
    expect(await put(AS.nico, 'DEMO', { name: 'Hijacked' })).toMatchObject({
      status: 403,
      body: { errorMessages: ['You do not have permission to edit this project.'], errors: {} },
    });
    expect(demo()).toEqual(before);
    expect(events).toEqual([]);
  });

  it('lets a project admin edit details of the project they administer, but not its key or other projects', async () => {
    expect((await updateProjectAs(box.jira, AS.pat, 'DEMO', { name: 'Pat was here' })).status).toBe(200);
    expect((await put(AS.pat, 'MKT', { name: 'Nope' })).status).toBe(403);
    expect(await put(AS.pat, 'DEMO', { key: 'PAT' })).toMatchObject({
      status: 403,
      body: { errorMessages: ['Only Jira administrators can change the project key.'] },
    });
    expect(events.map((e) => e.project.name)).toEqual(['Pat was here']);
  });

  it('answers 401 anonymously and 404 for a missing project', async () => {
    expect((await put(AS.anonymous, 'DEMO', { name: 'x' })).status).toBe(401);
    expect(await put(AS.admin, 'NOPE', { name: 'x' })).toMatchObject({
      status: 404,
      body: { errorMessages: ["No project could be found with key 'NOPE'."] },
    });
  });

  it('delivers the event even when another listener throws', async () => {
    box.jira.onProjectUpdated(() => {
      throw new Error('listener bug');
    });
    const seen: string[] = [];
    box.jira.onProjectUpdated((e) => seen.push(e.project.key));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await put(AS.admin, 'OPS', { description: 'changed' })).status).toBe(200);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(seen).toEqual(['OPS']);
    expect(events).toHaveLength(1);
  });
});
