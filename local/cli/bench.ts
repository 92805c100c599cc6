import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHost } from '../host';
import { DEMO_USERS } from '../services/jira';
import type { InvocationCost } from '../runtime/meter';

/**
 * `npm run bench`: what the app costs on Forge's meters, measured through the local host.
 * Figures and ratios only, never a pass/fail: these machines are shared and noisy.
 */
const CALLS = Number(process.env.BENCH_CALLS ?? 200);

function summarize(label: string, costs: InvocationCost[]): void {
  const durations = costs.map((c) => c.durationMs).sort((a, b) => a - b);
  const at = (q: number) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))] ?? 0;
  const per = (pick: (c: InvocationCost) => number) => (costs.reduce((sum, c) => sum + pick(c), 0) / Math.max(1, costs.length)).toFixed(2);
  console.log(
    `${label.padEnd(28)} n=${costs.length}  p50=${at(0.5).toFixed(2)} ms  p95=${at(0.95).toFixed(2)} ms  ` +
      `kvs reads/call=${per((c) => c.kvsReads)} (${per((c) => c.kvsReadBytes)} B)  kvs writes/call=${per((c) => c.kvsWrites)} (${per((c) => c.kvsWriteBytes)} B)  ` +
      `jira requests/call=${per((c) => c.productRequests)}  queue pushes/call=${per((c) => c.queuePushes)}`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const started = performance.now();
  const host = await createHost({ appDir: process.cwd(), dataDir, appLog: () => undefined });
  console.log(`host start (bundle + load): ${(performance.now() - started).toFixed(0)} ms`);
  await host.idle();
  const caller = { moduleKey: 'projectrak-admin', accountId: DEMO_USERS.admin.accountId, extension: {} };
  const project = { moduleKey: 'projectrak-project', accountId: DEMO_USERS.projectAdmin.accountId, extension: { project: { id: '10000' } } };

  host.meter.clear();
  for (let i = 0; i < CALLS; i++) await host.ui.invoke(caller, 'app/status', {});
  summarize('resolver app/status', host.meter.list({ functionKey: 'resolver' }));
  host.meter.clear();
  for (let i = 0; i < CALLS; i++) await host.ui.invoke(project, 'project/summary', { projectId: '10000' });
  summarize('resolver project/summary', host.meter.list({ functionKey: 'resolver' }));

  host.meter.clear();
  for (let i = 0; i < CALLS; i++)
    await host.ui.invoke(project, 'values/update', { projectId: '10000', values: { Status: 1 + (i % 2), 'Estimated time': i * 60_000 } });
  await host.idle();
  const updates = host.meter.list({ functionKey: 'resolver' });
  const consumed = host.meter.list({ functionKey: 'on-change-event' });
  summarize('resolver values/update', updates);
  summarize('consumer on-change-event', consumed);
  const writeBytes = [...updates, ...consumed].reduce((sum, c) => sum + c.kvsWriteBytes, 0);
  console.log(
    `per change event: ${((updates.length + consumed.length) / Math.max(1, consumed.length)).toFixed(2)} invocations, ${(writeBytes / Math.max(1, consumed.length)).toFixed(0)} KVS bytes written`,
  );

  host.meter.clear();
  for (let i = 0; i < 20; i++) {
    await host.jira.handle({
      method: 'PUT',
      path: '/rest/api/3/project/MKT',
      body: JSON.stringify({ name: `Marketing ${i}` }),
      caller: { kind: 'app' },
    });
    await host.idle();
  }
  summarize('trigger jira project updated', host.meter.list({ functionKey: 'on-project-updated' }));
  await host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
