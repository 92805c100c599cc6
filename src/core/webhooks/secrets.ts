import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * A webhook's secrets: the signing secret (Standard Webhooks: `whsec_` + base64 of 32 random bytes), the previous one
 * while a rotation's overlap lasts, and the custom header values.
 */
export const webhookSecrets = z.object({
  signing: z.string(),
  previous: z.object({ secret: z.string(), until: z.number() }).nullable(),
  headers: z.record(z.string(), z.string()),
});
export type WebhookSecrets = z.infer<typeof webhookSecrets>;

/** After a rotation, deliveries are signed with both secrets for a day, so receivers can switch without a gap. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secrets to sign with now: the current one, and the previous one until its overlap ends. */
export function signingSecrets(secrets: WebhookSecrets, now: number): string[] {
  return secrets.previous && secrets.previous.until > now ? [secrets.signing, secrets.previous.secret] : [secrets.signing];
}

/** A rotation: the new secret signs from now on; the old one too, for the overlap. */
export function rotated(secrets: WebhookSecrets, next: string, now: number): WebhookSecrets {
  return { ...secrets, signing: next, previous: { secret: secrets.signing, until: now + ROTATION_OVERLAP_MS } };
}
