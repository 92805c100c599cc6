import { Webhook } from 'standardwebhooks';
import { memoByKey } from '../memo';

export const ATTEMPT_HEADER = 'projectrak-attempt';
export const MASK = '••••••';

export interface DeliveryRequestInput {
  /** The receiver's idempotency key: the same on every attempt and redelivery of one change to one webhook. */
  messageId: string;
  attempt: number;
  attemptAt: Date;
  body: string;
  /** Signing secrets, the current one first; during a rotation the previous one too. */
  secrets: readonly string[];
  /** The admin's custom headers (values in clear: this is what is sent). */
  customHeaders: Readonly<Record<string, string>>;
  userAgent: string;
}

/** Signers by secret: a worker signs with the same one attempt after attempt (making one decodes the key). */
const signerOf = memoByKey(64, (secret: string) => new Webhook(secret));

/**
 * The headers of one delivery attempt, per Standard Webhooks: `webhook-id`, `webhook-timestamp` (this attempt's Unix
 * seconds) and `webhook-signature` — one `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per secret, space-separated,
 * so a receiver holding either secret verifies it with `standardwebhooks`. Custom headers come first, so they can
 * never stand in for these.
 */
export function deliveryHeaders(input: DeliveryRequestInput): Record<string, string> {
  const signatures = input.secrets.map((secret) => signerOf(secret).sign(input.messageId, input.attemptAt, input.body));
  return {
    ...input.customHeaders,
    'content-type': 'application/json',
    'user-agent': input.userAgent,
    'webhook-id': input.messageId,
    'webhook-timestamp': String(Math.floor(input.attemptAt.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
    [ATTEMPT_HEADER]: String(input.attempt),
  };
}

/** The headers as the delivery log keeps them: custom header values masked (they are often tokens). */
export function maskedHeaders(headers: Readonly<Record<string, string>>, customNames: readonly string[]): Record<string, string> {
  const secret = new Set(customNames.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secret.has(name.toLowerCase()) ? MASK : value]));
}

/** Standard Webhooks message ids: one per (change, webhook); tests and the like get their own. */
export const messageIdOf = (eventId: string, webhookId: string): string => `msg_${eventId}_${webhookId}`;
