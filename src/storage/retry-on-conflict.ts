import type { AppError } from '../errors';
import { ConcurrentWriteError } from './guarded-write';
import { isRateLimited, rateLimitedError } from './kvs-errors';

export interface RetryOptions {
  /** How long to keep trying: well inside the shortest function limit of the callers (resolvers: 25 s). */
  budgetMs?: number;
  /** The refusal once the budget is spent. */
  exhausted: () => AppError;
}

const DEFAULT_BUDGET_MS = 10_000;
/**
 * A random pause growing with the attempt (full jitter, capped), so writers that collided do not collide again in
 * step; longer after Forge's rate limit refused a call, so a crowd of writers backs off together.
 */
const pause = (attempt: number, limited: boolean) =>
  new Promise((resolve) => setTimeout(resolve, limited ? 250 + Math.random() * 750 : Math.random() * Math.min(500, 10 * 2 ** attempt)));

/**
 * Runs `attempt` (read, decide, conditional write) again after a lost race, or after a KVS call was refused by
 * Forge's rate limits, until it lands or the budget is spent. Any other failure is rethrown at once.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const until = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const limited = isRateLimited(error);
      if (!(error instanceof ConcurrentWriteError) && !limited) throw error;
      if (Date.now() >= until) throw limited ? rateLimitedError(error) : options.exhausted();
      await pause(n, limited);
    }
  }
}
