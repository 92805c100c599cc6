import { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { drainMailbox } from '../services/webhooks/drain-mailbox';
import { ATTEMPT_TIMEOUT_MS } from '../services/webhooks/send-attempt';
import { MAX_HINTS } from '../services/webhooks/wake';

/** Stop starting attempts in time for the last one's 15 s and a margin (docs/forge-platform.md, "Function time and size"). */
const MARGIN_MS = ATTEMPT_TIMEOUT_MS + 10_000;
/** Forge allows 100 egress requests per runtime minute of the function's timeout; manifest.yml gives this one 900 s. */
const TIMEOUT_S = 900;
const ATTEMPT_BUDGET = 100 * Math.ceil(TIMEOUT_S / 60) - 10;
const RATE_LIMITED_RETRY_S = 5;

const wake = z.object({
  body: z.object({ webhookId: z.string().regex(/^[a-f0-9]{16}$/), keys: z.array(z.string().max(200)).max(MAX_HINTS).optional() }),
});

/**
 * Consumer of the webhook-deliveries queue: "this webhook has work". It never throws for a receiver's failure (Forge
 * would run a throwing consumer again, billed, for 24 h); Forge's KVS rate limit is answered with a requested retry.
 */
export async function onDeliveryWake(asyncEvent: unknown): Promise<InvocationError | undefined> {
  const { body } = wake.parse(asyncEvent);
  const deadline = Date.now() + getAppContext().invocationRemainingTimeInMillis() - MARGIN_MS;
  const { rateLimited } = await drainMailbox(body.webhookId, { deadline, attempts: ATTEMPT_BUDGET, hints: body.keys ?? [] });
  return rateLimited ? new InvocationError({ retryAfter: RATE_LIMITED_RETRY_S, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }) : undefined;
}
