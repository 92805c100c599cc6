import { randomBytes } from 'node:crypto';
import { startBenchReceiver } from './bench-receiver';
import { layerShares } from './cpu-profile';
import type { HotFunction } from './cpu-profile';
import { runPlainLoop } from './plain-loop';
import type { PlainRun } from './plain-loop';
import { runPipeline } from './pipeline-run';
import type { PipelineRun } from './pipeline-run';
import { percentile } from './stats';

/** One round: the pipeline, then at once the plain loop, so that both meet the machine in the same state. */
export interface OverheadRound {
  pipelinePerSecond: number;
  plainPerSecond: number;
  ratio: number;
}

export interface Overhead {
  /** The round with the median ratio: the figures the table shows. */
  pipeline: PipelineRun;
  plain: PlainRun;
  /** Pipeline deliveries per second ÷ the plain loop's, in the median round. */
  ratio: number;
  rounds: OverheadRound[];
  /** Changes and plain requests per lane run once, unmeasured, before the rounds. */
  warmUp: number;
  /** From a run of its own under the profiler, so that the profiler's cost is in no figure above. */
  hot: HotFunction[];
  layers: Record<string, number>;
}

const whsec = () => `whsec_${randomBytes(32).toString('base64')}`;

async function plainLoop(webhooks: number, perLane: number): Promise<PlainRun> {
  const receiver = await startBenchReceiver();
  try {
    const secrets = Array.from({ length: webhooks }, () => whsec());
    return await runPlainLoop(`http://127.0.0.1:${receiver.port}`, secrets, perLane);
  } finally {
    await receiver.close();
  }
}

/**
 * N changes × W webhooks through the whole pipeline, then the same N × W signed POSTs from a plain fetch loop, W at
 * once (one worker per webhook sends one request after the other), to a receiver of its own; `rounds` times, the
 * median ratio kept (the machine is shared: one round can meet a busy neighbour). Both run once beforehand, so
 * that neither is measured while Node is still compiling its code. Then the pipeline once more under the profiler.
 */
export async function measureOverhead(changes: number, webhooks: number, rounds = 3): Promise<Overhead> {
  const warmUp = Math.min(200, changes);
  await runPipeline(warmUp, webhooks);
  await plainLoop(webhooks, warmUp);
  const measured: { pipeline: PipelineRun; plain: PlainRun; ratio: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const pipeline = await runPipeline(changes, webhooks);
    const plain = await plainLoop(webhooks, changes);
    measured.push({ pipeline, plain, ratio: pipeline.perSecond / plain.perSecond });
  }
  const middle = percentile(
    measured.map((m) => m.ratio),
    0.5,
  );
  const chosen = measured.find((m) => m.ratio === middle) ?? measured[0];
  if (!chosen) throw new Error('measureOverhead: at least one round');
  const profiled = await runPipeline(changes, webhooks, { profile: true });
  const hot = profiled.hot ?? [];
  return {
    pipeline: chosen.pipeline,
    plain: chosen.plain,
    ratio: chosen.ratio,
    rounds: measured.map((m) => ({ pipelinePerSecond: m.pipeline.perSecond, plainPerSecond: m.plain.perSecond, ratio: m.ratio })),
    warmUp,
    hot: hot.slice(0, 10),
    layers: layerShares(hot),
  };
}
