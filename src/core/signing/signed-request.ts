import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new endpoint secret in Standard Webhooks form: `whsec_` + base64 of 32 random bytes (24–64 allowed). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * The HTTP request a receiver gets, signed per Standard Webhooks: `webhook-id` is the change event's id and
 * stays the same on every retry (the receiver's idempotency key); `webhook-timestamp` is this attempt's time;
 * `webhook-signature` is `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, verifiable with `standardwebhooks`.
 */
export function signedRequest(input: { secret: string; eventId: string; attemptAt: Date; payload: unknown }): SignedRequest {
  const body = JSON.stringify(input.payload);
  const signature = new Webhook(input.secret).sign(input.eventId, input.attemptAt, body);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': input.eventId,
      'webhook-timestamp': String(Math.floor(input.attemptAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
  };
}
