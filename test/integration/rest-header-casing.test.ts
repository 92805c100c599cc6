import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { addTestFields, callAs, DEMO_USERS, startAppHost } from './support/app-host';
import { rawRequest } from './support/egress-host';

/**
 * Forge passes a web trigger the caller's header names as sent (`Authorization`, `authorization`, `AUTHORIZATION`…).
 * Through the sandbox's HTTP server, which passes raw names on, the REST API must accept every casing.
 */
let host: Host;
let server: SandboxServer;
let apiKey: string;
const admin = DEMO_USERS.admin.accountId;

beforeAll(async () => {
  ({ host, server } = await startAppHost());
  await addTestFields(host);
  apiKey = String((await callAs(host, admin, 'apikeys/create', { name: 'casing' })).secret);
});
afterAll(async () => {
  await server.close();
  await host.close();
});

const CASINGS = [
  ['Authorization', 'Content-Type'],
  ['authorization', 'content-type'],
  ['AUTHORIZATION', 'CONTENT-TYPE'],
  ['aUtHoRiZaTiOn', 'cOnTeNt-TyPe'],
] as const;

describe('REST API header names in any casing, over HTTP', () => {
  it.each(CASINGS)('%s / %s: reads and writes with the key', async (auth, type) => {
    const url = server.webTriggerUrl('rest-api')!;
    const budget = Math.floor(Math.random() * 1_000_000);
    const write = await rawRequest(url, {
      method: 'POST',
      headers: [
        [auth, `Bearer ${apiKey}`],
        [type, 'application/json'],
      ],
      body: JSON.stringify({ updates: [{ project: 'DEMO', values: { Budget: budget } }] }),
    });
    expect({ status: write.status, body: write.body }).toMatchObject({ status: 200 });

    const read = await rawRequest(`${url}?project=DEMO`, { headers: [[auth, `Bearer ${apiKey}`]] });
    expect(read.status).toBe(200);
    expect(read.body).toContain(String(budget));
    await host.idle();
  });

  it('refuses a wrong key whatever the casing, with 401 and a reason', async () => {
    for (const [auth] of CASINGS) {
      const answer = await rawRequest(`${server.webTriggerUrl('rest-api')!}?project=DEMO`, { headers: [[auth, 'Bearer not-a-key']] });
      expect({ auth, status: answer.status, code: (JSON.parse(answer.body) as { error: { code: string } }).error.code }).toEqual({
        auth,
        status: 401,
        code: expect.any(String) as unknown,
      });
    }
  });

  it('refuses a request without the header, naming it', async () => {
    const answer = await rawRequest(`${server.webTriggerUrl('rest-api')!}?project=DEMO`);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatch(/Authorization/);
  });
});
