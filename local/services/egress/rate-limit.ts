/**
 * Forge's egress limits (docs/forge-platform.md, "Egress"): per invocation, 100 requests per runtime minute of the
 * function's declared `timeoutSeconds`, rounded up (100 without one); per app, 50,000 requests a minute. Neither
 * counts product calls (`requestJira`), which do not go through this fetch.
 */
export interface EgressLimits {
  perInvocationPerMinute: number;
  perAppPerMinute: number;
  /**
   * What the proxy answers once a limit is reached. Forge does not document it; by default a 429 with
   * `forge-proxy-error: EGRESS_RATE_LIMITED`, or `'reject'` to make `fetch` fail as with a network error.
   */
  exceeded: { status: number; proxyError: string } | 'reject';
}

export const DEFAULT_EGRESS_LIMITS: EgressLimits = {
  perInvocationPerMinute: 100,
  perAppPerMinute: 50_000,
  exceeded: { status: 429, proxyError: 'EGRESS_RATE_LIMITED' },
};

const MINUTE_MS = 60_000;

export class EgressRateLimit {
  limits: EgressLimits = { ...DEFAULT_EGRESS_LIMITS };
  /** Times of the app's recent requests, oldest first: a sliding minute (Forge does not say how it counts one). */
  private readonly recent: number[] = [];

  constructor(
    private readonly declaredTimeout: (functionKey: string) => number | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many requests one invocation of the function may make. */
  invocationLimit(functionKey: string): number {
    const declared = this.declaredTimeout(functionKey);
    const minutes = declared === undefined ? 1 : Math.max(1, Math.ceil(declared / 60));
    return this.limits.perInvocationPerMinute * minutes;
  }

  /** Counts one request of an invocation that made `madeSoFar` before it; the reason when a limit refuses it. */
  take(functionKey: string, madeSoFar: number): string | undefined {
    const perInvocation = this.invocationLimit(functionKey);
    if (madeSoFar >= perInvocation) return `more than ${perInvocation} egress requests in one invocation of '${functionKey}'`;
    const now = this.now();
    while (this.recent.length > 0 && (this.recent[0] ?? 0) <= now - MINUTE_MS) this.recent.shift();
    if (this.recent.length >= this.limits.perAppPerMinute) return `more than ${this.limits.perAppPerMinute} egress requests by the app in a minute`;
    this.recent.push(now);
    return undefined;
  }
}
