import { describe, expect, it } from 'vitest';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { statusView } from './webhook-status';

const makeWebhook = (overrides: Partial<WebhookSummary> = {}, status: Partial<WebhookSummary['status']> = {}): WebhookSummary => ({
  id: '0123456789abcdef',
  name: 'CRM',
  url: 'https://hooks.example.com/x',
  enabled: true,
  disabledReason: null,
  filters: { projects: null, fields: null },
  headers: [],
  strictOrder: false,
  sandboxReceiver: false,
  createdBy: 'a',
  createdAt: '2026-03-01T00:00:00Z',
  updatedBy: 'a',
  updatedAt: '2026-03-01T00:00:00Z',
  secretRotatedAt: null,
  status: {
    lastAttemptAt: null,
    lastStatus: null,
    lastHttpStatus: null,
    lastErrorClass: null,
    lastReason: null,
    lastSuccessAt: null,
    ...status,
  },
  counts: { delivered: 0, failed: 0, pending: 0, held: 0 },
  health: [],
  ...overrides,
});

describe('statusView', () => {
  it('is grey before the first attempt, green OK after a 2xx, red ERROR with the code or the reason otherwise', () => {
    expect(statusView(makeWebhook())).toEqual({ label: 'Never run', appearance: 'default', detail: 'No change has been sent to it yet.' });
    expect(statusView(makeWebhook({}, { lastStatus: 'OK', lastHttpStatus: 204 }))).toEqual({
      label: 'OK',
      appearance: 'success',
      detail: 'HTTP 204: delivered',
    });
    expect(statusView(makeWebhook({}, { lastStatus: 'ERROR', lastHttpStatus: 500, lastReason: 'the receiver answered 500' }))).toEqual({
      label: 'ERROR',
      appearance: 'removed',
      detail: 'HTTP 500: the receiver answered 500',
    });
    expect(statusView(makeWebhook({}, { lastStatus: 'ERROR', lastErrorClass: 'timeout', lastReason: 'no answer in 15 s' })).detail).toBe(
      'timeout: no answer in 15 s',
    );
  });

  it('says Disabled with the reason when Projectrak turned it off, and Off when an admin did', () => {
    const gone = makeWebhook({ disabledReason: 'the receiver answered 410 Gone' }, { lastStatus: 'ERROR', lastHttpStatus: 410 });
    expect(statusView(gone)).toEqual({
      label: 'Disabled',
      appearance: 'moved',
      detail: 'Projectrak disabled it: the receiver answered 410 Gone. Turn it on again to resume.',
    });
    expect(statusView(makeWebhook({ enabled: false }, { lastStatus: 'OK' })).label).toBe('Off');
  });
});
