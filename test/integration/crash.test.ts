import { afterAll, describe, expect, it } from 'vitest';
import { startAppHost } from './support/app-host';
import { burst } from './support/crash-burst';
import { prepareDataFolder } from './support/crash-data-folder';
import { startCrashReceiver } from './support/crash-receiver';
import type { CrashReceiver, Receipt } from './support/crash-receiver';
import { tempDir } from './support/fixture-host';
import { exited, startSandboxProcess } from './support/sandbox-process';
import type { SandboxProcess } from './support/sandbox-process';

/**
 * 500 changes (125 in each of 4 projects) to 3 webhooks, through the REST API of a sandbox running as its own process
 * with platform latency (1–15 ms a call) and query lag (0–300 ms). Once the receiver has a third of the deliveries, the
 * sandbox is killed with SIGKILL — no grace, no flush: whatever the process held in memory is gone — and started again
 * on the same data folder. What must survive is what was committed to it (the KVS and the queue, in SQLite).
 *
 * The receiver runs in this test's process, so what it got outlives the sandbox; the sandbox sends
 * https://crash.receiver.test to it (`--receiver`, the sandbox's own receiver exemption).
 */
const PROJECTS = ['DEMO', 'MKT', 'OPS', 'HR'];
const PER_PROJECT = 125;
const PATHS = ['/hooks/a', '/hooks/b', '/hooks/c'];
const RECEIVER_HOST = 'crash.receiver.test';

/** What the crash test started, for afterAll to stop even when the test fails half-way. */
const live: { sandbox?: Promise<SandboxProcess>; receiver?: CrashReceiver; maintenance?: NodeJS.Timeout } = {};
afterAll(async () => {
  clearInterval(live.maintenance);
  (await live.sandbox?.catch(() => undefined))?.child.kill('SIGKILL');
  await live.receiver?.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the app's scheduled maintenance now, as its five-minute schedule would run it later (Forge runs a `fiveMinute`
 * trigger at some moment of each five minutes, so any moment is one it could choose): it announces change events
 * whose notice was lost and wakes webhooks whose deliveries are due. What it does is the same; only the wait is shorter.
 */
async function runMaintenance(url: string): Promise<void> {
  const response = await fetch(`${url}/__sandbox/scheduled/maintenance`, { method: 'POST' });
  if (response.status !== 200) throw new Error(`maintenance: ${response.status} ${await response.text()}`);
}

/** Per webhook: a sorted list of the (project, sequence) pairs it got, deduplicated by webhook-id. */
function deduplicated(receipts: readonly Receipt[]): Record<string, string[]> {
  const byPath: Record<string, Map<string, string>> = {};
  for (const r of receipts) (byPath[r.path] ??= new Map()).set(r.webhookId, `${r.project}#${r.sequence}`);
  return Object.fromEntries(Object.entries(byPath).map(([path, ids]) => [path, [...ids.values()].sort()]));
}

/**
 * "First attempts in order", across a crash: an attempt the worker sent but had not yet recorded when it was killed is
 * sent again after the restart, with the same webhook-id and, as its attempt was never recorded, as attempt 1 again.
 * So the receiver may see a project's sequence step back once (a resent tail it already has). What must hold is that
 * the first time each webhook-id arrives, it arrives in its project's sequence order: no change overtakes an earlier
 * one. Returns, per webhook and project, the sequences in the order they first arrived.
 */
function firstArrivals(receipts: readonly Receipt[]): Record<string, number[]> {
  const seen = new Set<string>();
  const order: Record<string, number[]> = {};
  for (const r of receipts) {
    if (seen.has(r.webhookId)) continue;
    seen.add(r.webhookId);
    (order[`${r.path} ${r.project}`] ??= []).push(r.sequence);
  }
  return order;
}

describe('a sandbox killed with SIGKILL while webhooks are being delivered', () => {
  it('delivers every change to every webhook after it restarts, in order, each once by webhook-id', async () => {
    const receiver = await startCrashReceiver();
    live.receiver = receiver;
    const dataDir = tempDir('crash-test-');
    const { apiKey } = await prepareDataFolder(dataDir, RECEIVER_HOST, PATHS);
    const args = ['--data', dataDir, '--port', '0', '--no-pages', '--latency', '1-15', '--query-lag-ms', '0-300'];
    // Throttled events of a webhook's key are looked at again within 20–100 ms (Forge: seconds to minutes, any order).
    args.push('--throttle-ms', '20-100', '--receiver', `${RECEIVER_HOST}=${receiver.port}`);
    let sandbox = startSandboxProcess(args);
    live.sandbox = sandbox;
    const total = PROJECTS.length * PER_PROJECT * PATHS.length;

    // The five-minute maintenance, run every 10 s instead (see runMaintenance), before the kill and after it.
    live.maintenance = setInterval(() => void sandbox.then((s) => runMaintenance(s.url)).catch(() => undefined), 10_000);
    let burstDone = false;
    const sending = burst(async () => (await sandbox).url, apiKey, PROJECTS, PER_PROJECT).finally(() => (burstDone = true));

    // Killed once a sixth of the deliveries arrived: while the import still runs, with deliveries in flight.
    while (receiver.unique() < total / 6) await pause(20);
    const killed = await sandbox;
    const restarted = exited(killed.child).then(() => startSandboxProcess(args));
    sandbox = live.sandbox = restarted;
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    const atKill = { received: receiver.unique(), importDone: burstDone };
    await restarted;
    const resent = await sending;

    const expected = PROJECTS.flatMap((p) => Array.from({ length: PER_PROJECT }, (_, i) => `${p}#${i + 1}`)).sort();
    const complete = () => PATHS.every((path) => deduplicated(receiver.receipts)[path]?.length === expected.length);
    for (const until = Date.now() + 300_000; !complete() && Date.now() < until;) await pause(1_000);
    clearInterval(live.maintenance);

    expect(atKill.received).toBeGreaterThan(0);
    expect(atKill.received).toBeLessThan(total);
    const got = deduplicated(receiver.receipts);
    expect(Object.keys(got).sort()).toEqual(PATHS);
    for (const path of PATHS) expect({ path, pairs: got[path] }).toEqual({ path, pairs: expected });
    expect(receiver.unique()).toBe(total);
    for (const [key, sequences] of Object.entries(firstArrivals(receiver.receipts)))
      expect({ key, sequences }).toEqual({ key, sequences: Array.from({ length: PER_PROJECT }, (_, i) => i + 1) });
    console.log(
      `crash: killed with ${atKill.received} of ${total} deliveries received${atKill.importDone ? '' : ', the import still running'}; ${receiver.receipts.length} requests in all (${receiver.receipts.length - total} sent again); ${resent} REST calls sent again`,
    );
  }, 600_000);
});

describe('what the crash test drives the sandbox with', () => {
  it('runs a scheduled trigger on POST /__sandbox/scheduled/<key>, and refuses a key the manifest lacks', async () => {
    const { host, server } = await startAppHost();
    try {
      host.meter.clear();
      const ran = await fetch(`${server.url}/__sandbox/scheduled/maintenance`, { method: 'POST' });
      const unknown = await fetch(`${server.url}/__sandbox/scheduled/nightly`, { method: 'POST' });
      expect({ status: ran.status, body: await ran.json(), runs: host.meter.list().map((c) => c.functionKey) }).toEqual({
        status: 200,
        body: { ran: 'maintenance' },
        runs: ['run-maintenance'],
      });
      expect({ status: unknown.status, body: await unknown.json() }).toEqual({
        status: 404,
        body: { message: "no scheduledTrigger 'nightly' in manifest.yml" },
      });
    } finally {
      await server.close();
      await host.close();
    }
  });

  it('refuses a malformed --receiver, naming the flag', async () => {
    const start = startSandboxProcess(['--data', tempDir(), '--port', '0', '--no-pages', '--receiver', 'receiver:9000']);
    await expect(start).rejects.toThrow("--receiver: expected NAME=PORT, e.g. hooks.sandbox.test=9000 (got 'receiver:9000')");
  }, 120_000);
});
