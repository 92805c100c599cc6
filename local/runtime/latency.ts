/** A range of per-call platform latency, in milliseconds; each call draws its own figure in it. */
export interface LatencyRange {
  min: number;
  max: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type WithLatency = <T>(call: () => Promise<T> | T) => Promise<T>;

/** Refuses a range that cannot be meant, naming the field (bad input never becomes a silent default). */
export function checkLatencyRange(range: LatencyRange, field = 'platformLatencyMs'): LatencyRange {
  if (!Number.isFinite(range.min) || range.min < 0) throw new Error(`${field}.min: must be a number ≥ 0 (got ${range.min})`);
  if (!Number.isFinite(range.max) || range.max < range.min) throw new Error(`${field}.max: must be a number ≥ min (got ${range.max})`);
  return range;
}

/** `"1-15"` (or `"5"`) as a command line or environment variable gives it. */
export function parseLatencyRange(text: string, field: string): LatencyRange {
  const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text.trim());
  if (!match) throw new Error(`${field}: expected MIN-MAX in milliseconds, e.g. 1-15 (got '${text}')`);
  const min = Number(match[1]);
  return checkLatencyRange({ min, max: match[2] === undefined ? min : Number(match[2]) }, field);
}

/**
 * Wraps platform calls in latency, as Forge's KVS, product APIs, queue and egress proxy are remote: part of the
 * delay before the call takes effect and the rest before its answer arrives, so concurrent invocations really
 * interleave around every call. Without a range, calls answer as soon as they are handled.
 */
export function platformLatency(range: LatencyRange | undefined, random: () => number = Math.random): WithLatency {
  if (!range) return async (call) => call();
  checkLatencyRange(range);
  return async (call) => {
    const total = range.min + random() * (range.max - range.min);
    const before = total * random();
    await sleep(before);
    const result = await call();
    await sleep(total - before);
    return result;
  };
}
