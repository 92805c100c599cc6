import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../../../test/support/factories';
import { formatPayload } from '../payload/format-payload';
import { newWebhookSecret, signedRequest } from './signed-request';

const payload = formatPayload(
  makeEvent([{ field: { id: 1001, name: 'Status', type: 'status', options: [{ id: 1, name: 'On track' }] }, previous: null, current: 1 }]),
);

describe('signed deliveries, as a receiver verifies them with standardwebhooks', () => {
  it('verifies and yields the payload', () => {
    const secret = newWebhookSecret();
    const request = signedRequest({ secret, eventId: 'evt-1', attemptAt: new Date(), payload });
    expect(new Webhook(secret).verify(request.body, request.headers)).toEqual(payload);
    expect(request.headers['webhook-id']).toBe('evt-1');
    expect(request.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });

  it('fails for a tampered body, another secret, or a stale timestamp', () => {
    const secret = newWebhookSecret();
    const request = signedRequest({ secret, eventId: 'evt-1', attemptAt: new Date(), payload });
    expect(() => new Webhook(secret).verify(request.body.replace('On track', 'Off track'), request.headers)).toThrow('No matching signature found');
    expect(() => new Webhook(newWebhookSecret()).verify(request.body, request.headers)).toThrow('No matching signature found');
    const stale = signedRequest({ secret, eventId: 'evt-1', attemptAt: new Date(Date.now() - 10 * 60 * 1000), payload });
    expect(() => new Webhook(secret).verify(stale.body, stale.headers)).toThrow('Message timestamp too old');
  });

  it('makes secrets of the documented form', () => {
    expect(Buffer.from(newWebhookSecret().replace(/^whsec_/, ''), 'base64')).toHaveLength(32);
  });

  it('sends JSON with the event id, the attempt time in whole seconds and the HMAC-SHA256 of "id.timestamp.body"', () => {
    const key = Buffer.alloc(32, 7);
    const attemptAt = new Date(Date.UTC(2026, 10, 30, 12, 0, 0, 999));
    const request = signedRequest({ secret: `whsec_${key.toString('base64')}`, eventId: 'evt-42', attemptAt, payload });
    const timestamp = String(Date.UTC(2026, 10, 30, 12, 0, 0) / 1000);
    const signature = createHmac('sha256', key)
      .update(`evt-42.${timestamp}.${JSON.stringify(payload)}`)
      .digest('base64');
    expect(request).toEqual({
      body: JSON.stringify(payload),
      headers: {
        'content-type': 'application/json',
        'webhook-id': 'evt-42',
        'webhook-timestamp': timestamp,
        'webhook-signature': `v1,${signature}`,
      },
    });
  });
});
