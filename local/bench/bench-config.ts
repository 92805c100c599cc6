/**
 * What one run of `npm run bench` measures, from flags (`--quick`, `--full`, `--n=…`, `--w=…`, `--rounds=…`, `--no-burst`)
 * and BENCH_* variables.
 */
export interface BenchConfig {
  changes: number;
  webhooks: number;
  /** Rounds of the overhead's pipeline-then-plain pair; the median ratio is kept. */
  rounds: number;
  growthChanges: number[];
  growthWebhooks: number[];
  /** Changes each run of the webhook sweep makes. */
  growthWebhooksAt: number;
  history: number;
  listed: number[];
  fanOut: number[];
  burst: { changes: number; webhooks: number; spreadOverMs: number } | null;
  skipped: string[];
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: must be a whole number ≥ 1 (got ${text})`);
  return value;
}

const flagValue = (args: readonly string[], name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

export function readBenchConfig(args: readonly string[], env: NodeJS.ProcessEnv): BenchConfig {
  const known = ['--quick', '--full', '--no-burst'];
  const unknown = args.filter((a) => !known.includes(a) && !/^--(n|w|rounds)=/.test(a));
  if (unknown.length > 0)
    throw new Error(`unknown option ${unknown[0]}: use --quick, --full, --n=<changes>, --w=<webhooks>, --rounds=<rounds>, --no-burst`);
  const quick = args.includes('--quick');
  const full = args.includes('--full');
  const changes = positive('--n', flagValue(args, 'n')) ?? positive('BENCH_N', env.BENCH_N) ?? (quick ? 200 : 1000);
  const webhooks = positive('--w', flagValue(args, 'w')) ?? positive('BENCH_W', env.BENCH_W) ?? 4;
  const rounds = positive('--rounds', flagValue(args, 'rounds')) ?? positive('BENCH_ROUNDS', env.BENCH_ROUNDS) ?? (quick ? 1 : 3);
  const skipped: string[] = [];
  if (!full && !quick) skipped.push('growth at N = 5,000 (20,000 deliveries; run with --full)');
  const noBurst = args.includes('--no-burst') || env.BENCH_NO_BURST === '1';
  if (noBurst) skipped.push('the burst (--no-burst)');
  return {
    changes,
    webhooks,
    rounds,
    growthChanges: quick ? [100] : full ? [100, 1000, 5000] : [100, 1000],
    growthWebhooks: quick ? [1, 4] : [1, 4, 16],
    growthWebhooksAt: quick ? 100 : 250,
    history: quick ? 1000 : 10_000,
    listed: quick ? [1, 100] : [1, 100, 500],
    fanOut: quick ? [1, 50] : [1, 20, 200],
    burst: noBurst ? null : quick ? { changes: 250, webhooks: 4, spreadOverMs: 15_000 } : { changes: 1000, webhooks: 4, spreadOverMs: 60_000 },
    skipped,
  };
}
