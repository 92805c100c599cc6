import type { Burst } from './burst';
import { capacityOf, predictBurst } from './capacity-model';
import type { BurstPrediction, Capacity, ModelInputs } from './capacity-model';
import { PROJECTS } from './bench-host';
import type { CostReport } from './cost-report';

/** The host's first wait for a throttled event is a random 1–5 s (HostOptions.throttleDelayMs): 3 s on average. */
export const HOST_REWAKE_GAP_MS = 3000;

export interface ModelFigures {
  inputs: Omit<ModelInputs, 'webhooks' | 'attemptMs'>;
  /** One attempt's time on this machine: the overhead run's deliveries per second per webhook, inverted. */
  localAttemptMs: number;
  scenarios: { webhooks: number; attemptMs: number; capacity: Capacity }[];
  /** The burst's first change → last delivery, predicted and measured. */
  burst: (Omit<BurstPrediction, 'totalMs'> & { predictedMs: number; measuredMs: number; difference: number }) | null;
}

/** The capacity model fed with what the bench measured: KVS units per change and per attempt, and attempt time. */
export function modelFigures(cost: CostReport, perSecond: number, webhooks: number, burst: Burst | null): ModelFigures {
  const inputs = {
    changeReadUnits: cost.units.changeReads,
    changeWriteUnits: cost.units.changeWrites,
    attemptReadUnits: cost.units.attemptReads,
    attemptWriteUnits: cost.units.attemptWrites,
    rewakeGapMs: HOST_REWAKE_GAP_MS,
    // The bench's import calls change each of its projects once: one notice announces them all.
    changesPerNotice: PROJECTS.length,
  };
  const localAttemptMs = 1000 / (perSecond / webhooks);
  const scenarios = [4, 20].flatMap((w) =>
    [localAttemptMs, 100, 250].map((attemptMs) => ({ webhooks: w, attemptMs, capacity: capacityOf({ ...inputs, webhooks: w, attemptMs }) })),
  );
  let burstFigures: ModelFigures['burst'] = null;
  if (burst) {
    // The burst's own regime (batched hand-over once pushes are refused) decides its KVS units.
    const burstInputs = {
      ...inputs,
      changeReadUnits: burst.cost.units.changeReads,
      changeWriteUnits: burst.cost.units.changeWrites,
      attemptReadUnits: burst.cost.units.attemptReads,
      attemptWriteUnits: burst.cost.units.attemptWrites,
      webhooks: burst.webhooks,
      attemptMs: localAttemptMs,
    };
    const { totalMs, ...predicted } = predictBurst(burst.changes, burst.spreadOverMs, burstInputs, burst.lastChangeSinceHostStartMs);
    burstFigures = { ...predicted, predictedMs: totalMs, measuredMs: burst.totalMs, difference: burst.totalMs / totalMs - 1 };
  }
  return { inputs, localAttemptMs, scenarios, burst: burstFigures };
}
