import { KvsError } from './errors';

/*
 * Forge's operation limits per installation (/platform/forge/limits-kvs-ce/; docs/forge-platform.md, "KVS and custom
 * entities"): 1000 requests per second, 4000 read units and 4000 write units per minute, a unit being a request of up
 * to 10 KB ("Request sizes are rounded up to the nearest 10KB", so a 65 KB write counts 7). A request over a limit
 * answers 429 RATE_LIMIT_EXCEEDED, the code of the KVS and Custom Entity Store error pages (the transaction pages say
 * TOO_MANY_REQUESTS instead: apps should look at the 429). @forge/kvs does not retry: the app gets a ForgeKvsAPIError.
 * Undocumented, and chosen here: windows slide (the last 1000 ms, the last 60 s) rather than reset on the second or
 * minute; KB is 1000 bytes; a write is sized by its request body, a read by the bytes it returns (at least one unit);
 * a refused request (a 400, a 429) counts as a request but costs no units.
 */
export const REQUESTS_PER_SECOND = 1000;
export const READ_UNITS_PER_MINUTE = 4000;
export const WRITE_UNITS_PER_MINUTE = 4000;
export const UNIT_BYTES = 10_000;

export type Traffic = 'read' | 'write';

export function unitsFor(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / UNIT_BYTES));
}

export class RateLimiter {
  private readonly requests = new SlidingWindow(1000);
  private readonly units: Record<Traffic, SlidingWindow> = { read: new SlidingWindow(60_000), write: new SlidingWindow(60_000) };

  constructor(private readonly now: () => number) {}

  /** Admits a request expected to cost `units`, or returns Forge's refusal. */
  admit(traffic: Traffic, units: number): KvsError | undefined {
    const now = this.now();
    if (this.requests.used(now) + 1 > REQUESTS_PER_SECOND) {
      return refusal(`at most ${REQUESTS_PER_SECOND} KVS requests per second per installation`);
    }
    const limit = traffic === 'read' ? READ_UNITS_PER_MINUTE : WRITE_UNITS_PER_MINUTE;
    if (this.units[traffic].used(now) + units > limit) {
      return refusal(`at most ${limit} ${traffic} units (10 KB each) per minute per installation`);
    }
    this.requests.add(now, 1);
    return undefined;
  }

  charge(traffic: Traffic, units: number): void {
    this.units[traffic].add(this.now(), units);
  }
}

function refusal(limit: string): KvsError {
  return new KvsError(429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded: ${limit}`);
}

/** Amounts added over the last `spanMs`; an amount added at t counts until t + spanMs (exclusive). */
export class SlidingWindow {
  private times: number[] = [];
  private amounts: number[] = [];
  private head = 0;
  private total = 0;

  constructor(private readonly spanMs: number) {}

  used(now: number): number {
    while (this.head < this.times.length && (this.times[this.head] ?? 0) <= now - this.spanMs) {
      this.total -= this.amounts[this.head] ?? 0;
      this.head++;
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.amounts = this.amounts.slice(this.head);
      this.head = 0;
    }
    return this.total;
  }

  add(now: number, amount: number): void {
    this.times.push(now);
    this.amounts.push(amount);
    this.total += amount;
  }
}
