import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Host } from '../local/host';
import { DEMO_USERS } from '../local/services/jira';
import { startSoakReceiver } from '../local/soak/soak-receiver';
import { formatSample, heapSlopeMbPerMinute, takeSample } from '../local/soak/soak-sample';
import type { Sample } from '../local/soak/soak-sample';
import { sendChanges } from '../local/soak/soak-changes';
import { startSoakSite } from '../local/soak/soak-setup';
import { tally } from '../local/soak/soak-tally';

/**
 * `npm run soak -- --minutes N`: a steady stream of changes through the REST API, for N minutes, to three webhooks
 * whose receiver fails 20 % of requests at random (some of them by never answering), with Forge's platform latency,
 * query lag, rate limits and queue behaviour. Every ~15 s it prints memory, storage and what waits; at the end, the
 * heap's slope after warm-up and the tally of every committed change: delivered, failed, waiting, held, lost.
 *   --minutes N (default 5)   --changes-per-second N (default 2)   --fail-percent N (20)   --hang-percent N (0.5)
 *   --drain-seconds N (default 300): after the stream stops, how long to let what is due go out before the tally
 */
const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    'changes-per-second': { type: 'string', default: '2' },
    'fail-percent': { type: 'string', default: '20' },
    'hang-percent': { type: 'string', default: '0.5' },
    'drain-seconds': { type: 'string', default: '300' },
    'sample-seconds': { type: 'string', default: '15' },
  },
});
const number = (name: keyof typeof flags): number => {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: expected a number ≥ 0 (got '${String(flags[name])}')`);
  return value;
};
const PROJECTS = ['DEMO', 'MKT', 'OPS', 'HR'];
/** Deliveries in the mailbox due within 30 s (the rest are retries minutes away). */
const dueSoon = (host: Host): number =>
  (host.db.prepare(`SELECT value FROM kvs_items WHERE ns = 'entity:mailbox'`).all() as { value: string }[]).filter(
    (r) => (JSON.parse(r.value) as { dueAt: number }).dueAt <= Date.now() + 30_000,
  ).length;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const minutes = number('minutes');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'projectrak-soak-'));
  const receiver = await startSoakReceiver({ failPercent: number('fail-percent'), hangPercent: number('hang-percent') });
  const site = await startSoakSite(
    { appDir: process.cwd(), dataDir, platformLatencyMs: { min: 1, max: 15 }, queryLagMs: { min: 0, max: 300 }, log: () => undefined },
    receiver.port,
  );
  const startedAt = Date.now();
  const samples: Sample[] = [];
  const sample = () => {
    const s = takeSample(site.host, dataDir, startedAt);
    samples.push(s);
    console.log(`${formatSample(s)} | receiver ${receiver.counts.ok} ok, ${receiver.counts.failed} 500, ${receiver.counts.hung} hung`);
  };
  console.log(
    `soak: ${minutes} min, ${number('changes-per-second')} changes/s to 3 webhooks, data in ${dataDir}${'gc' in globalThis ? '' : ' (no --expose-gc: heap figures include garbage)'}`,
  );
  sample();
  const sampler = setInterval(sample, number('sample-seconds') * 1000);

  const stream = await sendChanges(`${site.server.url}/webtrigger/rest-api`, site.apiKey, PROJECTS, {
    perSecond: number('changes-per-second'),
    until: startedAt + minutes * 60_000,
  });
  console.log(`stream stopped: ${stream.calls} REST calls, ${stream.resent} sent again after a 429; draining for up to ${number('drain-seconds')} s`);
  // What is due goes out (its wake-up may be throttled by Forge for minutes); retries further away stay waiting.
  for (const until = Date.now() + number('drain-seconds') * 1000; Date.now() < until && dueSoon(site.host) > 0;) await pause(1000);
  clearInterval(sampler);
  sample();

  const summaries = (await site.host.ui.invoke(
    { moduleKey: 'projectrak-admin', accountId: DEMO_USERS.admin.accountId, extension: {} },
    'webhooks/list',
    {},
  )) as {
    webhooks: { id: string; enabled: boolean; disabledReason: string | null }[];
  };
  const held = new Set(summaries.webhooks.filter((w) => !w.enabled || w.disabledReason !== null).map((w) => w.id));
  const result = tally(site.host, site.webhookOf, receiver.delivered, held);
  const slope = heapSlopeMbPerMinute(samples);
  const first = samples[0];
  const last = samples.at(-1);
  console.log(`sqlite ${first?.sqliteMb.toFixed(1)} → ${last?.sqliteMb.toFixed(1)} MB; app's kvs ${first?.kvsItems} → ${last?.kvsItems} items`);
  console.log(
    `heap slope after warm-up: ${slope === undefined ? 'n/a (too few samples)' : `${slope.toFixed(2)} MB/min`} over ${samples.length - Math.floor(samples.length / 3)} samples`,
  );
  console.log(
    `tally: ${result.committed} changes committed → ${result.expected} deliveries: ${result.delivered} delivered, ${result.failed} failed, ${result.waiting} waiting for a retry (${result.held} held), lost ${result.lost}`,
  );
  await site.server.close();
  await receiver.close();
  await site.host.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (result.lost > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
