/** The q-quantile (0 ≤ q ≤ 1) of some figures, nearest-rank: the smallest value with at least q of them at or below it. */
export function percentile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`percentile: q must be between 0 and 1 (got ${q})`);
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** p50, p95, p99 and the largest of some figures (ms, usually). */
export function spreadOf(values: readonly number[]): Spread {
  return {
    count: values.length,
    p50: percentile(values, 0.5),
    p95: percentile(values, 0.95),
    p99: percentile(values, 0.99),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

/** Most events within any window of `windowMs` (a sliding window over their times, each with a weight). */
export function mostInWindow(events: readonly { at: number; count: number }[], windowMs: number): number {
  const sorted = [...events].sort((a, b) => a.at - b.at);
  let most = 0;
  let sum = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    sum += sorted[j]?.count ?? 0;
    while ((sorted[j]?.at ?? 0) - (sorted[i]?.at ?? 0) >= windowMs) sum -= sorted[i++]?.count ?? 0;
    most = Math.max(most, sum);
  }
  return most;
}
