import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_APP, tempDir } from './support/fixture-host';
import { exited, startSandboxProcess } from './support/sandbox-process';
import type { SandboxProcess } from './support/sandbox-process';

let running: SandboxProcess | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
});

const ranIds = async (url: string): Promise<string[]> => ((await (await fetch(`${url}/webtrigger/jobs`)).json()) as { ran: string[] }).ran;

describe('a host killed with SIGKILL', () => {
  it('runs every queued and delayed job after it restarts', async () => {
    const dataDir = tempDir();
    // Throttled events of the one-lane key are looked at again within 20–100 ms (Forge: up to minutes).
    const args = ['--app', FIXTURE_APP, '--data', dataDir, '--port', '0', '--no-pages', '--throttle-ms', '20-100'];
    running = await startSandboxProcess(args);
    const slow = Array.from({ length: 6 }, (_, i) => ({
      body: { id: `slow-${i}`, mode: 'slow', ms: 400 },
      concurrency: { key: 'one-lane', limit: 1 },
    }));
    const delayed = Array.from({ length: 4 }, (_, i) => ({ body: { id: `delayed-${i}` }, delayInSeconds: 2 }));
    const pushed = await fetch(`${running.url}/webtrigger/jobs`, { method: 'POST', body: JSON.stringify({ events: [...slow, ...delayed] }) });
    expect(pushed.status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const before = await ranIds(running.url);
    running.child.kill('SIGKILL');
    await exited(running.child);

    running = await startSandboxProcess(args);
    const expected = [...slow, ...delayed].map((e) => e.body.id).sort();
    let ran: string[] = [];
    for (let i = 0; i < 100 && ran.length < expected.length; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ran = await ranIds(running.url);
    }
    expect(before.length).toBeLessThan(expected.length);
    expect([...ran].sort()).toEqual(expected);
  });
});
