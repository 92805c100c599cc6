/*
 * How stale the host's queries are. Forge documents kvs.query() and entity().query() as eventually consistent ("the
 * method returns data that may be slightly out of date") and get / entity().get as strictly consistent, but names no
 * figure for the delay (docs/forge-platform.md, "KVS and custom entities"). So the lag is an option: a fixed number of
 * milliseconds, or a range from which each query draws its own. Off (0) unless asked for.
 */
export type QueryLagMs = number | { min: number; max: number };
export interface LagRange {
  min: number;
  max: number;
}

/**
 * "Slightly out of date" is not minutes: a longer lag is refused, which also bounds what the host keeps in memory
 * (every change younger than the maximum lag).
 */
export const MAX_QUERY_LAG_MS = 60_000;

/** The lag as a range, undefined when it is off; refuses one that cannot be meant, naming the field. */
export function readQueryLag(lag: QueryLagMs | undefined, field = 'queryLagMs'): LagRange | undefined {
  if (lag === undefined) return undefined;
  const range = typeof lag === 'number' ? { min: lag, max: lag } : lag;
  const at = typeof lag === 'number' ? field : `${field}.min`;
  if (!Number.isFinite(range.min) || range.min < 0) throw new Error(`${at}: must be a number ≥ 0 (got ${range.min})`);
  const maxField = typeof lag === 'number' ? field : `${field}.max`;
  if (!Number.isFinite(range.max) || range.max < range.min) throw new Error(`${maxField}: must be a number ≥ min (got ${range.max})`);
  if (range.max > MAX_QUERY_LAG_MS) throw new Error(`${maxField}: must be at most ${MAX_QUERY_LAG_MS} ms (got ${range.max})`);
  return range.max === 0 ? undefined : { min: range.min, max: range.max };
}

/** One query's lag: anywhere in the range, evenly; exactly the figure when min and max agree. */
export function drawLag(range: LagRange, random: () => number): number {
  return range.min + random() * (range.max - range.min);
}
