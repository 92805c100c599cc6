import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, tempDir } from './support/fixture-host';
import { exited, startSandboxProcess } from './support/sandbox-process';
import type { SandboxProcess } from './support/sandbox-process';

let running: SandboxProcess | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
});

const get = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, text: await response.text() };
};

describe('npm start (local/cli/main.ts with the real app)', () => {
  it('serves the home, admin, project and receiver pages and the built resources, then stops cleanly on Ctrl-C', async () => {
    running = await startSandboxProcess(['--app', PROJECT_ROOT, '--data', tempDir(), '--port', '0', '--no-pages']);
    const { url } = running;
    const home = await get(`${url}/`);
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/project/DEMO"');
    const frames = url.replace('127.0.0.1', 'localhost');
    const adminPage = (await get(`${url}/admin`)).text;
    expect(adminPage).toContain(`src="${frames}/resources/admin/index.html"`);
    expect(adminPage).toContain('&quot;moduleKey&quot;:&quot;projectrak-admin&quot;');
    const projectPage = (await get(`${url}/project/DEMO`)).text;
    expect(projectPage).toContain(`src="${frames}/resources/project/index.html"`);
    expect(projectPage).toContain('&quot;project&quot;:{&quot;id&quot;:&quot;10000&quot;,&quot;key&quot;:&quot;DEMO&quot;');
    expect((await get(`${url}/receiver`)).text).toContain('Demo receiver');
    // Asked of the chrome, a resource is sent to the frames origin (fetch follows the redirect).
    const resource = await get(`${url}/resources/admin/index.html`);
    expect(resource.status).toBe(200);
    expect(resource.text.indexOf('window.__bridge')).toBeLessThan(resource.text.indexOf('<script type="module"'));
    expect(running.output()).toMatch(/Project DEMO\s+http:\/\/127\.0\.0\.1:\d+\/project\/DEMO/);

    running.child.kill('SIGINT');
    expect(await exited(running.child)).toBe(0);
    expect(running.output()).toContain('SIGINT: stopping');
  });

  it('records what the demo receiver gets', async () => {
    running = await startSandboxProcess(['--app', PROJECT_ROOT, '--data', tempDir(), '--port', '0', '--no-pages']);
    await fetch(`${running.url}/hooks/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"ping"}' });
    const received = (await (await fetch(`${running.url}/__sandbox/received`)).json()) as { method: string; body: string }[];
    expect(received).toMatchObject([{ method: 'POST', body: '{"type":"ping"}' }]);
  });

  it('keeps data across restarts, and --reset starts from empty data', async () => {
    const dataDir = tempDir();
    const args = ['--app', PROJECT_ROOT, '--data', dataDir, '--port', '0', '--no-pages'];
    const demoName = async () => (await get(`${running!.url}/`)).text.match(/<a href="\/project\/DEMO">([^<]+)<\/a>/)?.[1];
    running = await startSandboxProcess(args);
    const renamed = await fetch(`${running.url}/__sandbox/rename`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'sandbox_user=5f8a1c2e9b3d4a0012e4c7a1' },
      body: 'project=10000&name=Renamed+demo',
    });
    expect(renamed.status).toBe(303);
    running.child.kill('SIGINT');
    await exited(running.child);
    running = await startSandboxProcess(args);
    expect(await demoName()).toBe('Renamed demo');
    running.child.kill('SIGINT');
    await exited(running.child);
    running = await startSandboxProcess([...args, '--reset']);
    expect(await demoName()).toBe('Demo project');
  });
});
