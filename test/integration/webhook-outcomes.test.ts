import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../local/host';
import type { SandboxServer } from '../../local/server/sandbox-server';
import { readEntities, stopAppHost } from './support/app-host';
import { adminCall, startReceiverHost, deliverTo, pendingDeliveries, received, RECEIVER } from './support/webhook-host';

let host: Host;
let server: SandboxServer;
let probe = 0;

beforeAll(async () => {
  ({ host, server } = await startReceiverHost());
});
afterAll(() => stopAppHost({ host, server }));

describe('what each answer of a receiver comes to', () => {
  it('500, then 200: retried 5 s later with the same webhook-id, then OK', async () => {
    const path = `/hooks/${probe + 1}/fail/1/500`;
    const hook = await deliverTo(host, `${RECEIVER}${path}`, `Probe ${++probe}`);
    const log = await hook.until((e) => e.length >= 2);
    expect(log.map((e) => [e.attempt, e.status, e.httpStatus, e.errorClass])).toEqual([
      [1, 'ERROR', 500, 'http'],
      [2, 'OK', 200, null],
    ]);
    expect(log[0]?.next).toMatch(/^retry at /);
    const waited = Date.parse(log[1]!.at) - Date.parse(log[0]!.at);
    expect(waited).toBeGreaterThanOrEqual(4500);
    const requests = received(server, path);
    expect(requests.map((r) => [r.headers['projectrak-attempt'], r.headers['webhook-id']])).toEqual([
      ['1', log[0]!.messageId],
      ['2', log[0]!.messageId],
    ]);
    expect(await pendingDeliveries(host, hook.id)).toEqual([]);
  });

  it('429 with Retry-After: the retry waits at least what the receiver asked', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/${probe + 1}/retry-after/40`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'ERROR', httpStatus: 429, errorClass: 'http', attempt: 1, final: false });
    const [next] = await pendingDeliveries(host, hook.id);
    expect(next?.attempt).toBe(2);
    expect(next!.dueAt - Date.parse(first!.at)).toBeGreaterThanOrEqual(40_000);
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  });

  it('410: the webhook is disabled with the reason; later changes are held, not sent', async () => {
    const path = `/hooks/${probe + 1}/status/410`;
    const hook = await deliverTo(host, `${RECEIVER}${path}`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({
      status: 'ERROR',
      httpStatus: 410,
      final: true,
      next: expect.stringMatching(/^webhook disabled: the receiver answered 410/) as unknown,
    });
    const { webhooks } = (await adminCall(host, 'webhooks/list')) as {
      webhooks: { id: string; disabledReason: string | null; counts: { held: number } }[];
    };
    expect(webhooks.find((w) => w.id === hook.id)?.disabledReason).toMatch(/410 Gone/);
    expect(received(server, path)).toHaveLength(1);
  });

  it('301: a redirect is not followed and fails for good', async () => {
    const path = `/hooks/${probe + 1}/redirect`;
    const hook = await deliverTo(host, `${RECEIVER}${path}`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'ERROR', httpStatus: 301, errorClass: 'redirect', final: true, next: 'failed for good' });
    expect(received(server, `/hooks/${probe}/redirected`)).toEqual([]);
    expect(await pendingDeliveries(host, hook.id)).toEqual([]);
  });

  it('a receiver that hangs: the attempt ends at 15 s as a timeout, to be retried', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/${probe + 1}/hang`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1, 60_000);
    expect(first).toMatchObject({ status: 'ERROR', httpStatus: null, errorClass: 'timeout', final: false });
    expect(first!.durationMs).toBeGreaterThanOrEqual(15_000);
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  }, 90_000);

  it('a connection reset mid-answer: a network failure, to be retried', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/${probe + 1}/reset`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'ERROR', errorClass: 'reset', final: false, next: expect.stringMatching(/^retry at /) as unknown });
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  });

  it('a slow body: the answer is taken when it has come, within the time limit', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/${probe + 1}/slow-body`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'OK', httpStatus: 200, response: { body: '12345678901234567890'.replace(/0/g, '0'), truncated: false } });
    expect(first!.durationMs).toBeGreaterThanOrEqual(4000);
  });

  it('a 10 MB answer: OK, and only its first 4 KB are read and kept', async () => {
    const hook = await deliverTo(host, `${RECEIVER}/hooks/${probe + 1}/huge`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'OK', httpStatus: 200, response: { truncated: true } });
    expect(first!.response!.body).toHaveLength(4096);
  });

  it('a domain no admin approved: recorded as blocked, retried on the schedule (no storm)', async () => {
    const hook = await deliverTo(host, 'https://hooks.not-approved.example/x', `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'ERROR', errorClass: 'blocked', httpStatus: 403, final: false });
    const [next] = await pendingDeliveries(host, hook.id);
    expect(next!.dueAt - Date.parse(first!.at)).toBeGreaterThanOrEqual(4500);
    await adminCall(host, 'webhooks/delete', { id: hook.id });
  });

  it('a retry due beyond 900 s waits in storage; the scheduled maintenance sends it when due', async () => {
    const path = `/hooks/${probe + 1}/fail/1/429`;
    const hook = await deliverTo(host, `${RECEIVER}${path}?retry-after=3600`, `Probe ${++probe}`);
    const [first] = await hook.until((e) => e.length >= 1);
    expect(first).toMatchObject({ status: 'ERROR', httpStatus: 429, attempt: 1 });
    const waiting = (await readEntities(host, 'mailbox')).find((e) => e.value.webhook === hook.id)!;
    expect((waiting.value.dueAt as number) - Date.parse(first!.at)).toBeGreaterThanOrEqual(3600_000);
    // No queue event can wait an hour: nothing is queued for this webhook.
    expect(host.queueStore.list({ status: 'pending' }).filter((e) => (e.body as { webhookId?: string }).webhookId === hook.id)).toEqual([]);
    // An hour on: the retry is due.
    host.kvs.inspect('/api/v1/entity/set', { entityName: 'mailbox', key: waiting.key, value: { ...waiting.value, dueAt: Date.now() - 1000 } });
    await host.triggers.runScheduled('maintenance');
    const log = await hook.until((e) => e.length >= 2);
    expect(log.map((e) => [e.attempt, e.status, e.httpStatus])).toEqual([
      [1, 'ERROR', 429],
      [2, 'OK', 200],
    ]);
  });
});
