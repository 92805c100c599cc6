import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ReceivedRequest } from '../../local/server/receiver';
import { HUGE_BODY_BYTES, SLOW_BODY } from '../../local/server/receiver-answers';
import { probe, startEgressSandbox } from './support/egress-host';

// Answers of `random()` for /flaky, in turn: tests choose what a "random" failure is.
const randoms: number[] = [];
let sandbox: Awaited<ReturnType<typeof startEgressSandbox>>;
beforeAll(async () => {
  sandbox = await startEgressSandbox({ receiver: { random: () => randoms.shift() ?? 0.99 } });
});
afterAll(async () => sandbox?.close());
beforeEach(() => sandbox.server.receiver.clear());

const RECEIVER = 'https://receiver.sandbox.test/hooks/demo';
type Fetched = { status: number; proxyError: string | null; headers: Record<string, string>; body?: string | null; bytes?: number; reads?: number };
const fetchVia = (payload: Record<string, unknown>) =>
  probe<Fetched & { error?: { name: string }; bodyError?: { name: string; message: string } }>(sandbox.host, 'fetch', payload);
const received = async () => (await (await fetch(`${sandbox.server.url}/__sandbox/received`)).json()) as ReceivedRequest[];

describe('the demo receiver, on a real loopback socket, through the app’s egress', () => {
  it('listens on 127.0.0.1 on a port of its own, and keeps each request: method, https URL, headers and raw body', async () => {
    expect(sandbox.server.receiverPort).not.toBe(Number(new URL(sandbox.server.url).port));
    const body = JSON.stringify({ type: 'project.updated', id: 'evt-1' });
    const answer = await fetchVia({
      url: `${RECEIVER}/ping?x=1`,
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'Webhook-Id': 'evt-1' },
    });
    expect(answer).toMatchObject({ status: 200, proxyError: null, body: JSON.stringify({ received: true }) });
    const [kept] = await received();
    expect(kept).toMatchObject({
      method: 'POST',
      url: `${RECEIVER}/ping?x=1`,
      body,
      bodyBase64: Buffer.from(body).toString('base64'),
      answer: '200',
    });
    expect(kept?.headers).toMatchObject({ 'content-type': 'application/json', 'webhook-id': 'evt-1', host: 'receiver.sandbox.test' });
    expect(kept?.rawHeaders).toContainEqual(['host', 'receiver.sandbox.test']);
  });

  it('answers …/status/<code> with that status, and refuses a code it cannot send with 400', async () => {
    expect(await fetchVia({ url: `${RECEIVER}/status/503` })).toMatchObject({ status: 503, body: JSON.stringify({ received: true, status: 503 }) });
    expect(await fetchVia({ url: `${RECEIVER}/status/204` })).toMatchObject({ status: 204, body: '' });
    expect(await fetchVia({ url: `${RECEIVER}/status/99` })).toMatchObject({ status: 400 });
    expect((await received()).map((r) => r.answer)).toEqual(['400', '204', '503']);
  });

  it('answers …/retry-after/<s> with 429 and Retry-After', async () => {
    const answer = await fetchVia({ url: `${RECEIVER}/retry-after/30` });
    expect({ status: answer.status, retryAfter: answer.headers['retry-after'] }).toEqual({ status: 429, retryAfter: '30' });
  });

  it('never answers …/hang: the app’s own timeout is what ends the wait', async () => {
    const answer = await fetchVia({ url: `${RECEIVER}/hang`, timeoutMs: 300 });
    expect(answer.error).toMatchObject({ name: 'TimeoutError' });
    expect((await received())[0]).toMatchObject({ answer: 'hang (never answered)' });
  });

  it('sends the headers of …/slow-body at once and its body in many separate pieces', async () => {
    const answer = await fetchVia({ url: `${RECEIVER}/slow-body`, read: 'chunks' });
    expect({ status: answer.status, bytes: answer.bytes }).toEqual({ status: 200, bytes: SLOW_BODY.chunks });
    expect(answer.reads).toBeGreaterThan(1);
  });

  it('a slow body outlives a short timeout: the read fails once the signal fires', async () => {
    const answer = await fetchVia({ url: `${RECEIVER}/slow-body`, timeoutMs: 600 });
    expect(answer.status).toBe(200);
    expect(answer.bodyError).toMatchObject({ name: 'TimeoutError' });
  });

  it('answers …/huge with a 10 MB body', async () => {
    expect(await fetchVia({ url: `${RECEIVER}/huge` })).toMatchObject({ status: 200, bytes: HUGE_BODY_BYTES });
  });

  it('answers …/redirect with a 301 to another receiver path, which the proxy follows unless told not to', async () => {
    expect(await fetchVia({ url: `${RECEIVER}/redirect` })).toMatchObject({ status: 200 });
    expect((await received()).map((r) => [r.url, r.answer])).toEqual([
      [`${RECEIVER}/redirected`, '200'],
      [`${RECEIVER}/redirect`, '301'],
    ]);
    const manual = await fetchVia({ url: `${RECEIVER}/redirect`, redirect: 'manual' });
    expect({ status: manual.status, location: manual.headers.location }).toEqual({ status: 301, location: '/hooks/demo/redirected' });
  });

  it('destroys the socket of …/reset in the middle of the response: the body read fails as fetch’s does', async () => {
    const answer = await fetchVia({ url: `${RECEIVER}/reset` });
    expect(answer.status).toBe(200);
    expect(answer.bodyError).toMatchObject({ name: 'TypeError', message: 'terminated' });
  });

  it('fails that share of …/flaky/<percent> requests with 500, by a random draw', async () => {
    randoms.push(0.2, 0.7, 0.49, 0.5);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetchVia({ url: `${RECEIVER}/flaky/50` })).status);
    expect(statuses).toEqual([500, 200, 500, 200]);
    expect((await fetchVia({ url: `${RECEIVER}/flaky/0` })).status).toBe(200);
    randoms.push(0.999);
    expect((await fetchVia({ url: `${RECEIVER}/flaky/100` })).status).toBe(500);
    expect((await fetchVia({ url: `${RECEIVER}/flaky/101` })).status).toBe(400);
  });

  it('shows what it got on the /receiver page, and at /hooks/… of the sandbox for curl', async () => {
    await fetch(`${sandbox.server.url}/hooks/demo/status/202`, { method: 'POST', body: 'from curl' });
    expect((await received())[0]).toMatchObject({ url: `${sandbox.server.url}/hooks/demo/status/202`, body: 'from curl', answer: '202' });
    const page = await (await fetch(`${sandbox.server.url}/receiver`)).text();
    expect(page).toContain('from curl');
  });
});
