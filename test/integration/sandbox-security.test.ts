import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import { startSandboxServer } from '../../local/server/sandbox-server';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { DEMO_USERS } from '../../local/services/jira';
import { rawRequest } from './support/egress-host';
import { startHost } from './support/fixture-host';

const admin = DEMO_USERS.admin.accountId;
const member = DEMO_USERS.member.accountId;
let host: Host;
let server: SandboxServer;
beforeAll(async () => {
  host = await startHost();
  server = await startSandboxServer(host, { port: 0 });
});
afterAll(async () => {
  await server?.close();
  await host?.close();
});

const port = () => new URL(server.url).port;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the Host header (DNS rebinding)', () => {
  it('answers loopback names on its own port only, and refuses any other with 421 and the reason', async () => {
    for (const name of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`, `LOCALHOST:${port()}`]) {
      expect({ name, status: (await rawRequest(`${server.url}/webtrigger/echo`, { headers: [['Host', name]] })).status }).toEqual({
        name,
        status: 201,
      });
    }
    for (const name of [
      `evil.example:${port()}`,
      'evil.example',
      `127.0.0.1:1`,
      `127.0.0.1.nip.io:${port()}`,
      `localhost.evil.example:${port()}`,
      '',
    ]) {
      const answer = await rawRequest(`${server.url}/`, { headers: [['Host', name]] });
      expect({ name, status: answer.status }).toEqual({ name, status: 421 });
      expect(JSON.parse(answer.body)).toEqual({ message: expect.stringContaining('DNS rebinding') as unknown });
    }
  });

  it('lets no rebound page act: the bridge, the user switcher and the Jira REST API all refuse a foreign Host', async () => {
    const headers: [string, string][] = [
      ['Host', `attacker.example:${port()}`],
      ['Cookie', `sandbox_user=${admin}`],
      ['Content-Type', 'application/json'],
    ];
    const bridge = JSON.stringify({ name: 'getContext', payload: null, moduleKey: 'probe-admin', extension: {} });
    expect((await rawRequest(`${server.url}/__sandbox/bridge`, { method: 'POST', headers, body: bridge })).status).toBe(421);
    expect((await rawRequest(`${server.url}/rest/api/3/myself`, { headers })).status).toBe(421);
  });
});

describe('bad input at the edges', () => {
  it('answers 400 with a reason for a malformed percent-encoding in any path, never 500', async () => {
    for (const path of ['/project/%E0%A4%A', '/resources/admin/%zz', '/webtrigger/%', '/__sandbox/%C0', '/public/%E0%A4%A/x']) {
      const answer = await rawRequest(`${server.url}${path}`);
      expect({ path, status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
        path,
        status: 400,
        body: { message: expect.stringContaining('malformed percent-encoding') as unknown },
      });
    }
  });

  it('answers 413 for a sandbox form or bridge call over 1 MB, 404 for an unknown resource, with reasons', async () => {
    const big = await rawRequest(`${server.url}/__sandbox/user`, { method: 'POST', body: Buffer.alloc(1024 * 1024 + 1, 'a') });
    expect(big.status).toBe(413);
    const resource = await rawRequest(`${server.framesUrl}/resources/nope/index.html`);
    expect({ status: resource.status, body: JSON.parse(resource.body) as unknown }).toEqual({
      status: 404,
      body: { message: "no resource 'nope' in manifest.yml" },
    });
  });
});

describe('the user switcher', () => {
  const switchTo = async (back: string) =>
    rawRequest(`${server.url}/__sandbox/user`, {
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: form({ accountId: member, back }),
    });

  it('never redirects off-site, whatever `back` says', async () => {
    const evil = [
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil',
      'https:evil',
      '%2F%2Fevil',
      '/%2F%2Fevil',
      '/\t/evil.example',
      '/.//evil.example',
      'https://evil.example/',
      '///evil.example',
      ' //evil.example',
      '/%5Cevil.example',
      'javascript:alert(1)',
      '/\r\nLocation: //evil',
    ];
    for (const back of evil) {
      const location = (await switchTo(back)).headers.location ?? '';
      expect({ back, safe: location.startsWith('/') && !/^\/[/\\]/.test(location) && !location.includes('evil.example/') }).toEqual({
        back,
        safe: true,
      });
      expect(new URL(location, server.url).origin).toBe(server.url);
    }
    expect((await switchTo('/project/DEMO?x=1')).headers.location).toBe('/project/DEMO?x=1');
  });

  it('sets the acting user in an HttpOnly, SameSite=Strict cookie', async () => {
    const answer = await switchTo('/');
    expect(answer.status).toBe(303);
    expect(answer.headers['set-cookie']).toEqual([`sandbox_user=${member}; Path=/; SameSite=Strict; HttpOnly`]);
  });

  it('refuses a switch posted from the frames origin (a Custom UI page) or any other site', async () => {
    for (const origin of [server.framesUrl, 'https://evil.example', 'null']) {
      const answer = await rawRequest(`${server.url}/__sandbox/user`, {
        method: 'POST',
        headers: [
          ['Content-Type', 'application/x-www-form-urlencoded'],
          ['Origin', origin],
        ],
        body: form({ accountId: admin, back: '/' }),
      });
      expect({ origin, status: answer.status, cookie: answer.headers['set-cookie'] }).toEqual({ origin, status: 403, cookie: undefined });
    }
    const siteOnly = await rawRequest(`${server.url}/__sandbox/user`, {
      method: 'POST',
      headers: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['Sec-Fetch-Site', 'cross-site'],
      ],
      body: form({ accountId: admin }),
    });
    expect(siteOnly.status).toBe(403);
  });
});

describe('the two origins', () => {
  it('serves Custom UI resources from the frames origin only: the chrome redirects there, with the bridge injected', async () => {
    const fromChrome = await rawRequest(`${server.url}/resources/page/index.html`);
    expect({ status: fromChrome.status, location: fromChrome.headers.location }).toEqual({
      status: 303,
      location: `${server.framesUrl}/resources/page/index.html`,
    });
    const page = await rawRequest(`${server.framesUrl}/resources/page/index.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`var CHROME = "${server.url}"`);
  });

  it('the frames origin answers none of the chrome’s endpoints, even with the user’s cookie', async () => {
    const headers: [string, string][] = [
      ['Cookie', `sandbox_user=${admin}`],
      ['Content-Type', 'application/json'],
    ];
    const bridge = JSON.stringify({ name: 'getContext', payload: null, moduleKey: 'probe-admin', extension: {} });
    for (const [method, path, body] of [
      ['POST', '/__sandbox/bridge', bridge],
      ['POST', '/__sandbox/user', form({ accountId: member })],
      ['GET', '/rest/api/3/myself', undefined],
      ['GET', '/__sandbox/received', undefined],
    ] as const) {
      const answer = await rawRequest(`${server.framesUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
      expect({ path, status: answer.status, body: JSON.parse(answer.body) as unknown }).toEqual({
        path,
        status: 403,
        body: { message: expect.stringContaining('serves Custom UI resources only') as unknown },
      });
    }
    const home = await rawRequest(`${server.framesUrl}/admin`);
    expect({ status: home.status, location: home.headers.location }).toEqual({ status: 303, location: `${server.url}/admin` });
  });

  it('the chrome frames the page from the frames origin, sandboxed, with the module it shows', async () => {
    const admin = await rawRequest(`${server.url}/admin`, { headers: [['Cookie', `sandbox_user=${member}`]] });
    expect(admin.body).toContain(`src="${server.framesUrl}/resources/page/index.html"`);
    expect(admin.body).toContain('sandbox="allow-scripts allow-same-origin allow-forms allow-modals allow-downloads"');
    expect(admin.body).toContain('data-module="{&quot;moduleKey&quot;:&quot;probe-admin&quot;,&quot;extension&quot;:{}}"');
  });
});
