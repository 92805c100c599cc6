import { readBenchConfig } from '../bench/bench-config';
import { runBurst } from '../bench/burst';
import { costReport, manifestMemoryMb } from '../bench/cost-report';
import { measureFanOut, measureListing, measureSweeps } from '../bench/growth';
import { modelFigures } from '../bench/model-figures';
import { measureOverhead } from '../bench/overhead';
import { runPipeline } from '../bench/pipeline-run';
import type { PipelineRun } from '../bench/pipeline-run';
import { printResults } from '../bench/print-results';
import { describeRun, writeResults } from '../bench/results';
import type { GrowthRow } from '../bench/results';

/**
 * `npm run bench`: how fast, how costly and how durable the webhook pipeline is, measured on the local host with the
 * real SDKs and SQLite against a loopback receiver that answers 200 at once. Figures only, never a pass/fail: these
 * machines are shared and noisy. Writes bench/results.json; docs/capacity.md explains what the figures mean.
 */
async function main(): Promise<void> {
  const config = readBenchConfig(process.argv.slice(2), process.env);
  const memoryMb = manifestMemoryMb(process.cwd());
  const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);
  const rowOf = (run: PipelineRun): GrowthRow => ({
    changes: run.changes,
    webhooks: run.webhooks,
    perSecond: run.perSecond,
    cost: costReport(run.costs, run.changes, run.webhooks, run.costs['deliver-webhook']?.fetches ?? 0, memoryMb),
  });

  step(
    `overhead: ${config.changes} changes × ${config.webhooks} webhooks through the pipeline, then the plain loop, ${config.rounds} time(s); then once profiled`,
  );
  const overhead = await measureOverhead(config.changes, config.webhooks, config.rounds);
  const main = rowOf(overhead.pipeline);
  const growthRun = async (changes: number, webhooks: number): Promise<GrowthRow> => {
    if (changes === config.changes && webhooks === config.webhooks) return main;
    step(`growth: ${changes} changes × ${webhooks} webhooks`);
    return rowOf(await runPipeline(changes, webhooks));
  };
  const byChanges: GrowthRow[] = [];
  for (const changes of config.growthChanges) byChanges.push(await growthRun(changes, 4));
  const byWebhooks: GrowthRow[] = [];
  for (const webhooks of config.growthWebhooks) byWebhooks.push(await growthRun(config.growthWebhooksAt, webhooks));
  step(`growth: maintenance sweeps with 0 and ${config.history} handled changes in history`);
  const sweeps = [await measureSweeps(0), await measureSweeps(config.history)];
  const listing = [];
  for (const count of config.listed) {
    step(`growth: the admin page lists ${count} webhooks`);
    listing.push(await measureListing(count));
  }
  const fanOut = [];
  for (const count of config.fanOut) {
    step(`growth: one change fanned out to ${count} webhooks`);
    fanOut.push(await measureFanOut(count));
  }
  const burst = config.burst;
  if (burst) step(`burst: ${burst.changes} changes over ${burst.spreadOverMs / 1000} s to ${burst.webhooks} webhooks (real time)`);
  const burstResult = burst ? await runBurst(burst.changes, burst.webhooks, burst.spreadOverMs) : null;

  const results = {
    ...describeRun(),
    config,
    overhead,
    cost: main.cost,
    growth: { byChanges, byWebhooks, sweeps, listing, fanOut },
    burst: burstResult,
    model: modelFigures(main.cost, overhead.pipeline.perSecond, config.webhooks, burstResult),
  };
  printResults(results);
  process.stdout.write(`\nwrote ${await writeResults(results)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
