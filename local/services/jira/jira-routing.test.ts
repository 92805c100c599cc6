import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from './test-support';
import { API, AS, call, sandbox } from './test-support';

let box: Sandbox;
beforeEach(() => void (box = sandbox()));
afterEach(() => box.dispose());

describe('routing and other reads', () => {
  it('lists projects and categories', async () => {
    const list = await call(box.jira, AS.nico, 'GET', '/rest/api/3/project');
    expect((list.body as { key: string }[]).map((p) => p.key)).toEqual(['DEMO', 'HR', 'MKT', 'OPS']);
    expect((await call(box.jira, AS.nico, 'GET', '/rest/api/3/projectCategory')).body).toEqual([
      { self: `${API}/projectCategory/10000`, id: '10000', name: 'Product', description: 'Customer-facing product work' },
      { self: `${API}/projectCategory/10001`, id: '10001', name: 'Business', description: 'Internal business teams' },
    ]);
  });

  it('answers 501 for anything it does not emulate, never a silent success', async () => {
    expect(await call(box.jira, AS.admin, 'GET', '/rest/api/3/issue/DEMO-1')).toEqual({
      status: 501,
      contentType: 'application/json;charset=UTF-8',
      body: { errorMessages: ['The local Jira fake does not emulate GET /rest/api/3/issue/DEMO-1.'], errors: {} },
    });
    expect((await call(box.jira, AS.admin, 'DELETE', '/rest/api/3/project/DEMO')).status).toBe(501);
    expect((await call(box.jira, AS.admin, 'GET', '/rest/api/3/project/DEMO?expand=issueTypes')).status).toBe(501);
  });

  it('refuses an account id Jira does not know like bad credentials', async () => {
    expect(await call(box.jira, { kind: 'user', accountId: '000000000000000000000000' }, 'GET', '/rest/api/3/project')).toMatchObject({
      status: 401,
      body: { errorMessages: ['Client must be authenticated to access this resource.'] },
    });
  });
});
