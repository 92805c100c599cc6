import { randomBytes } from 'node:crypto';
import { startBenchReceiver } from './bench-receiver';
import { layerShares } from './cpu-profile';
import type { HotFunction } from './cpu-profile';
import { runPlainLoop } from './plain-loop';
import type { PlainRun } from './plain-loop';
import { runPipeline } from './pipeline-run';
import type { PipelineRun } from './pipeline-run';

export interface Overhead {
  pipeline: PipelineRun;
  plain: PlainRun;
  /** Pipeline deliveries per second ÷ the plain loop's. */
  ratio: number;
  hot: HotFunction[];
  layers: Record<string, number>;
}

const whsec = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * N changes × W webhooks through the whole pipeline, under the CPU profiler; then the same N × W signed POSTs from a
 * plain fetch loop, W at once (one worker per webhook sends one request after the other), to a receiver of its own.
 */
export async function measureOverhead(changes: number, webhooks: number): Promise<Overhead> {
  const pipeline = await runPipeline(changes, webhooks, { profile: true });
  const hot = pipeline.hot ?? [];
  delete pipeline.hot;
  const receiver = await startBenchReceiver();
  try {
    const plain = await runPlainLoop(
      `http://127.0.0.1:${receiver.port}`,
      Array.from({ length: webhooks }, () => whsec()),
      changes,
    );
    return { pipeline, plain, ratio: pipeline.perSecond / plain.perSecond, hot: hot.slice(0, 10), layers: layerShares(hot) };
  } finally {
    await receiver.close();
  }
}
