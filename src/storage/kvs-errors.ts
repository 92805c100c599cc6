import { AppError } from '../errors';

/**
 * Whether a KVS call was refused by Forge's per-installation rate limits (docs/forge-platform.md, "KVS and custom
 * entities"). `@forge/kvs` throws a ForgeKvsAPIError carrying the HTTP status; the status (429, Too Many Requests)
 * is what the app looks at, not a code, which Forge's pages do not name consistently.
 */
export function isRateLimited(error: unknown): boolean {
  const details = (error as { responseDetails?: { status?: unknown } } | null)?.responseDetails;
  return details?.status === 429;
}

/** How long a caller refused by the rate limits is asked to wait (Forge counts them per second and per minute). */
export const RATE_LIMITED_RETRY_S = 5;

/** The refusal an edge answers with when Forge's storage limits for the site were reached. */
export const rateLimitedError = (cause?: unknown): AppError =>
  new AppError('RATE_LIMITED', `This site reached Forge's storage limits for the moment; try again in ${RATE_LIMITED_RETRY_S} seconds`, { cause });

/** An app error as it is, a rate-limit refusal as RATE_LIMITED, anything else undefined (unexpected). */
export function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  return isRateLimited(error) ? rateLimitedError(error) : undefined;
}
