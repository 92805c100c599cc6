import type { AppError } from '../errors';
import { ConcurrentWriteError } from './guarded-write';

export interface RetryOptions {
  /** How long to keep trying: well inside the shortest function limit of the callers (resolvers: 25 s). */
  budgetMs?: number;
  /** The refusal once the budget is spent. */
  exhausted: () => AppError;
}

const DEFAULT_BUDGET_MS = 10_000;
/** A random pause growing with the attempt (full jitter, capped), so writers that collided do not collide again in step. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 5 * 2 ** attempt)));

/**
 * Runs `attempt` (read, decide, conditional write) again after a lost race, until it lands or the budget is spent.
 * Any other failure is rethrown at once.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const until = Date.now() + (options.budgetMs ?? DEFAULT_BUDGET_MS);
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrentWriteError)) throw error;
      if (Date.now() >= until) throw options.exhausted();
      await pause(n);
    }
  }
}
