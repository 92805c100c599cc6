import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectUpdatedEvent } from './index';
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

const put = (body: unknown) => call(box.jira, AS.admin, 'PUT', '/rest/api/3/project/DEMO', body);
const demo = () => box.jira.projects().find((p) => p.id === '10000');

describe('PUT /rest/api/3/project/{projectIdOrKey} validation', () => {
  it('answers 400 naming the field for an invalid key, a taken key or name, a missing lead or category', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [
        { key: 'demo' },
        { projectKey: 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.' },
      ],
      [
        { key: '1ABC' },
        { projectKey: 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.' },
      ],
      [{ key: 'D' }, { projectKey: 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.' }],
      [{ key: 'ABCDEFGHIJK' }, { projectKey: 'The project key must not exceed 10 characters in length.' }],
      [{ key: 'MKT' }, { projectKey: "Project 'Marketing launch' uses this project key." }],
      [{ name: 'marketing LAUNCH' }, { projectName: 'A project with that name already exists.' }],
      [{ name: '   ' }, { projectName: 'You must specify a valid project name.' }],
      [{ name: 'x'.repeat(81) }, { projectName: 'The project name must not exceed 80 characters in length.' }],
      [{ leadAccountId: 'ffffffffffffffffffffffff' }, { projectLead: 'The user you have specified as project lead does not exist.' }],
      [{ categoryId: 424242 }, { categoryId: "No project category with id '424242' exists." }],
      [{ url: 'ftp://x' }, { projectUrl: 'The URL specified is not valid - it must start with http://' }],
    ];
    for (const [body, errors] of cases) {
      expect(await put(body)).toEqual({
        status: 400,
        contentType: 'application/json;charset=UTF-8',
        body: { errorMessages: [], errors },
      });
    }
    expect(demo()?.name).toBe('Demo project');
    expect(events).toEqual([]);
  });

  it('keeps its own name and key without complaint', async () => {
    expect((await put({ key: 'DEMO', name: 'Demo project' })).status).toBe(200);
  });

  it('refuses payloads it cannot map, and fields it does not model, loudly', async () => {
    const invalid = { errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'], errors: {} };
    expect(await put('{not json')).toMatchObject({ status: 400, body: invalid });
    expect(await put({ name: 42 })).toMatchObject({ status: 400, body: invalid });
    expect(await put({ nmae: 'typo' })).toMatchObject({ status: 400, body: invalid });
    expect(await put({ permissionScheme: 10011 })).toMatchObject({
      status: 501,
      body: { errorMessages: ['The local Jira fake does not emulate updating project permissionScheme.'] },
    });
    expect(events).toEqual([]);
  });
});
