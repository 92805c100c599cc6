import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import prettier from 'prettier';
import type { BenchConfig } from './bench-config';
import type { Burst } from './burst';
import type { CostReport } from './cost-report';
import type { FanOutCost, ListCost, SweepCost } from './growth';
import type { ModelFigures } from './model-figures';
import type { Overhead } from './overhead';
import { PRICES } from './prices';

export interface GrowthRow {
  changes: number;
  webhooks: number;
  perSecond: number;
  cost: CostReport;
}

export interface BenchResults {
  generatedAt: string;
  machine: { cpu: string; cores: number; node: string; platform: string };
  commit: string;
  config: BenchConfig;
  prices: typeof PRICES;
  overhead: Overhead;
  cost: CostReport;
  growth: { byChanges: GrowthRow[]; byWebhooks: GrowthRow[]; sweeps: SweepCost[]; listing: ListCost[]; fanOut: FanOutCost[] };
  burst: Burst | null;
  model: ModelFigures;
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

export function machine(): BenchResults['machine'] {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, node: process.version, platform: `${os.platform()} ${os.release()}` };
}

export function describeRun(): Pick<BenchResults, 'generatedAt' | 'machine' | 'commit' | 'prices'> {
  return { generatedAt: new Date().toISOString(), machine: machine(), commit: gitCommit(), prices: PRICES };
}

/** Writes the results where the README and docs/capacity.md quote them from, formatted as the repository's lint wants. */
export async function writeResults(results: BenchResults, file = path.join(process.cwd(), 'bench', 'results.json')): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const options = (await prettier.resolveConfig(file)) ?? {};
  fs.writeFileSync(file, await prettier.format(JSON.stringify(results), { ...options, parser: 'json' }));
  return file;
}
