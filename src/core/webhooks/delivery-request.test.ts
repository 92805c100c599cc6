import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSigningSecret } from './secrets';
import { ATTEMPT_HEADER, deliveryHeaders, maskedHeaders, MASK, messageIdOf } from './delivery-request';

const body = JSON.stringify({ type: 'project.fields.updated', data: { sequence: 3 } });
const input = (overrides: Partial<Parameters<typeof deliveryHeaders>[0]> = {}) => ({
  messageId: 'msg_evt-1_wh1',
  attempt: 2,
  attemptAt: new Date(),
  body,
  secrets: [newSigningSecret()],
  customHeaders: { Authorization: 'Bearer s3cret' },
  userAgent: 'projectrak-webhooks/1.2.3',
  ...overrides,
});

describe('deliveryHeaders', () => {
  it('signs per Standard Webhooks: a receiver verifies it with standardwebhooks', () => {
    const request = input();
    const headers = deliveryHeaders(request);
    expect(new Webhook(request.secrets[0]!).verify(body, headers)).toEqual(JSON.parse(body));
    expect(headers).toEqual({
      Authorization: 'Bearer s3cret',
      'content-type': 'application/json',
      'user-agent': 'projectrak-webhooks/1.2.3',
      'webhook-id': 'msg_evt-1_wh1',
      'webhook-timestamp': String(Math.floor(request.attemptAt.getTime() / 1000)),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]+=*$/) as unknown,
      [ATTEMPT_HEADER]: '2',
    });
  });

  it('during a rotation, signs with both secrets: either verifies', () => {
    const [next, previous] = [newSigningSecret(), newSigningSecret()];
    const headers = deliveryHeaders(input({ secrets: [next, previous] }));
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(next).verify(body, headers)).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSigningSecret()).verify(body, headers)).toThrow('No matching signature found');
  });

  it('does not let a custom header replace a signed one', () => {
    const headers = deliveryHeaders(input({ customHeaders: { 'webhook-id': 'forged', 'content-type': 'text/plain' } }));
    expect([headers['webhook-id'], headers['content-type']]).toEqual(['msg_evt-1_wh1', 'application/json']);
  });

  it('fails verification for a tampered body or a stale timestamp', () => {
    const request = input();
    const headers = deliveryHeaders(request);
    expect(() => new Webhook(request.secrets[0]!).verify(body.replace('3', '4'), headers)).toThrow('No matching signature found');
    const stale = deliveryHeaders({ ...request, attemptAt: new Date(Date.now() - 10 * 60 * 1000) });
    expect(() => new Webhook(request.secrets[0]!).verify(body, stale)).toThrow('Message timestamp too old');
  });
});

describe('maskedHeaders', () => {
  it('masks the custom header values, whatever their case, and nothing else', () => {
    expect(maskedHeaders({ Authorization: 'Bearer x', 'x-team': 'ops', 'webhook-id': 'm' }, ['authorization', 'X-Team'])).toEqual({
      Authorization: MASK,
      'x-team': MASK,
      'webhook-id': 'm',
    });
  });
});

describe('messageIdOf', () => {
  it('is one id per change and webhook', () => {
    expect(messageIdOf('0abc-123', 'wh9')).toBe('msg_0abc-123_wh9');
  });
});
