import { z } from 'zod';

/**
 * What a consumer or a product trigger returns to ask for a retry: the JSON form of @forge/events' InvocationError
 * (`{ _retry: true, retryOptions }`, see node_modules/@forge/events/out/invocationError.js).
 */
const retryRequest = z.object({
  _retry: z.literal(true),
  retryOptions: z.object({ retryAfter: z.number().optional(), retryReason: z.string().optional(), retryData: z.unknown().optional() }).optional(),
});

// docs/forge-platform.md, "Async events" and "Triggers": retryAfter above 900 s is lowered to 900; retryData ≤ 4 KB.
// The SDK raises a retryAfter ≤ 0 to 1 and defaults to 1 s and FUNCTION_RETRY_REQUEST (@forge/events/out/retryOptions.js).
export const MAX_RETRY_AFTER_S = 900;
export const MIN_RETRY_AFTER_S = 1;
export const MAX_RETRY_DATA_BYTES = 4096;
export const RETRY_REQUEST_REASON = 'FUNCTION_RETRY_REQUEST';
/** The reason a retry after a timed-out attempt carries: "The function timed out during the previous attempt". */
export const TIME_OUT_REASON = 'FUNCTION_TIME_OUT';
/** The host's default reason for a retry after a thrown error, which Forge does not document (HostOptions.thrownErrorRetryReason). */
export const THROWN_ERROR_REASON = 'FUNCTION_PLATFORM_UNKNOWN_ERROR';

/** How one invocation ended: with a value, or with an error (a FunctionTimeoutError when it ran out of time). */
export type RunResult = { returned: unknown } | { threw: unknown };

export interface RetryAsk {
  delayMs: number;
  retryReason: string;
  retryData: unknown;
  /** retryData is over 4 KB: Forge does not retry such a request. */
  retryDataTooBig: boolean;
}

/** The retry a handler's return value asks for, with Forge's bounds applied; undefined when it asks for none. */
export function retryAskOf(result: unknown): RetryAsk | undefined {
  const parsed = retryRequest.safeParse(result);
  if (!parsed.success) return undefined;
  const { retryAfter = MIN_RETRY_AFTER_S, retryReason = RETRY_REQUEST_REASON, retryData } = parsed.data.retryOptions ?? {};
  const seconds = Math.min(MAX_RETRY_AFTER_S, Math.max(MIN_RETRY_AFTER_S, retryAfter));
  const retryDataTooBig = retryData !== undefined && Buffer.byteLength(JSON.stringify(retryData) ?? '') > MAX_RETRY_DATA_BYTES;
  return { delayMs: seconds * 1000, retryReason, retryData, retryDataTooBig };
}
