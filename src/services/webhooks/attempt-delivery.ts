import { randomUUID } from 'node:crypto';
import type { DeliveryLogEntry } from '../../contract/webhooks';
import { formatPayload } from '../../core/payload/format-payload';
import type { Outcome } from '../../core/webhooks/attempt-outcome';
import { deliveryHeaders, maskedHeaders } from '../../core/webhooks/delivery-request';
import { afterAttempt } from '../../core/webhooks/delivery-state';
import type { WebhookState } from '../../core/webhooks/delivery-state';
import { changeFor } from '../../core/webhooks/payload-for';
import { retryDelayMs } from '../../core/webhooks/retry-policy';
import { signingSecrets } from '../../core/webhooks/secrets';
import type { WebhookSecrets } from '../../core/webhooks/secrets';
import { readHandledEvent } from '../../storage/event-store';
import type { MailboxEntry } from '../../storage/mailbox-store';
import type { WebhookRecord } from '../../storage/webhook-store';
import { USER_AGENT } from '../../version';
import { sendAttempt } from './send-attempt';

export interface AttemptResult {
  log: DeliveryLogEntry;
  state: WebhookState;
  /** The delivery's next attempt, or null once it is settled (delivered, failed for good, or not to be sent). */
  next: MailboxEntry | null;
  disabled: boolean;
}

/** The body to send: as kept in the delivery, or, for a large change, made from it with the fields handed over. */
async function bodyOf(entry: MailboxEntry): Promise<{ body: string; projectKey: string | null } | { skip: string }> {
  if (entry.body !== undefined) return { body: entry.body, projectKey: entry.projectKey ?? null };
  const stored = await readHandledEvent(entry.eventId);
  if (!stored) return { skip: 'the change is older than the 30 days changes are kept' };
  const change = changeFor(stored.event, { projects: null, fields: entry.fieldIds ?? null });
  if (!change) return { skip: 'none of the fields handed over is in the change' };
  return { body: JSON.stringify(formatPayload(change)), projectKey: change.project.key };
}

const describeNext = (outcome: Outcome, next: MailboxEntry | null, disabled: string | null): string => {
  if (disabled) return `webhook disabled: ${disabled}`;
  if (outcome.verdict === 'delivered') return 'delivered';
  if (next) return `retry at ${new Date(next.dueAt).toISOString()}`;
  return 'failed for good';
};

/**
 * One attempt of one pending delivery: the request built and signed, sent, and what follows decided — never thrown for
 * the receiver's failures. Test deliveries are tried once and do not count towards disabling the webhook.
 */
export async function attemptDelivery(
  webhook: WebhookRecord,
  secrets: WebhookSecrets,
  entry: MailboxEntry,
  state: WebhookState,
  now: () => number,
): Promise<AttemptResult | { skipped: string }> {
  const made = await bodyOf(entry);
  if ('skip' in made) return { skipped: made.skip };
  const attemptAt = now();
  const headers = deliveryHeaders({
    messageId: entry.messageId,
    attempt: entry.attempt,
    attemptAt: new Date(attemptAt),
    body: made.body,
    secrets: signingSecrets(secrets, attemptAt),
    customHeaders: secrets.headers,
    userAgent: USER_AGENT,
  });
  const sent = await sendAttempt(webhook.url, headers, made.body, now);
  let outcome = sent.outcome;
  let next: MailboxEntry | null = null;
  if (outcome.verdict === 'retry') {
    const wait = entry.trigger === 'test' ? undefined : retryDelayMs(entry.attempt, { retryAfterMs: outcome.retryAfterMs });
    if (wait === undefined)
      outcome = { verdict: 'failed', errorClass: outcome.errorClass, status: outcome.status, reason: `${outcome.reason} (no attempts left)` };
    else next = { ...entry, attempt: entry.attempt + 1, dueAt: now() + wait, lastErrorClass: outcome.errorClass };
  }
  const counted = afterAttempt(state, outcome, attemptAt, { towardsDisabling: entry.trigger !== 'test' });
  const log: DeliveryLogEntry = {
    id: `${attemptAt.toString(36).padStart(9, '0')}-${randomUUID().slice(0, 8)}`,
    webhookId: webhook.id,
    messageId: entry.messageId,
    eventId: entry.eventId,
    projectKey: made.projectKey,
    sequence: entry.trigger === 'test' ? null : entry.sequence,
    attempt: entry.attempt,
    trigger: entry.trigger,
    at: new Date(attemptAt).toISOString(),
    status: outcome.verdict === 'delivered' ? 'OK' : 'ERROR',
    httpStatus: outcome.status,
    errorClass: outcome.verdict === 'delivered' ? null : outcome.errorClass,
    reason: outcome.verdict === 'delivered' ? null : outcome.reason,
    final: outcome.verdict === 'failed' || outcome.verdict === 'gone',
    next: describeNext(outcome, next, counted.disable),
    durationMs: sent.durationMs,
    request: { url: webhook.url, headers: maskedHeaders(headers, webhook.headerNames), body: made.body },
    response: sent.response,
  };
  return { log, state: counted.state, next, disabled: counted.disable !== null };
}
