import { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { changeNotices } from '../core/changes/change-event';
import { handleWaitingChanges } from '../services/changes/handle-changes';

// Stop with a margin before the consumer's time limit (docs/forge-platform.md, "Function time and size").
const MARGIN_MS = 10_000;
/** After Forge's KVS rate limit refused a call: a few seconds, so the installation's minute of write units recovers. */
const RATE_LIMITED_RETRY_S = 5;

/**
 * Consumer of the project-changes queue. The queue delivers at least once and in any order; a notice only names
 * projects (those of one write), whose waiting events are then handled in order, each once. A consumer that throws is retried by Forge
 * with backoff and billed each time, so the expected failure (Forge's KVS rate limits) is a requested retry instead.
 */
export async function onChangeEvent(asyncEvent: unknown): Promise<InvocationError | undefined> {
  const { body: notices } = z.object({ body: changeNotices }).parse(asyncEvent);
  const deadline = Date.now() + getAppContext().invocationRemainingTimeInMillis() - MARGIN_MS;
  const { handled, rateLimited } = await handleWaitingChanges(notices, { deadline });
  // Returned, not thrown: Forge runs a consumer that returns InvocationError again after `retryAfter` seconds.
  if (rateLimited) return new InvocationError({ retryAfter: RATE_LIMITED_RETRY_S, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  if (handled === 0) console.info(`nothing waiting (${notices.map((n) => `event ${n.eventId}`).join(', ')} already handled)`);
  return undefined;
}
