import { describe, expect, it } from 'vitest';
import { classifyAttempt, classifyThrown, proxyErrorClass } from './attempt-outcome';

const response = (status: number, extra: { redirected?: boolean; proxyError?: string; retryAfterMs?: number } = {}) =>
  classifyAttempt({
    kind: 'response',
    status,
    redirected: extra.redirected ?? false,
    proxyError: extra.proxyError ?? null,
    retryAfterMs: extra.retryAfterMs,
  });

describe('classifyAttempt', () => {
  it('delivered for every 2xx', () => {
    expect([200, 201, 202, 204, 299].map((s) => response(s).verdict)).toEqual(Array(5).fill('delivered'));
  });

  it('retries 408, 409, 425, 429 and every 5xx; fails other 4xx for good', () => {
    const verdicts = Object.fromEntries(
      [400, 401, 403, 404, 407, 408, 409, 413, 422, 425, 429, 499, 500, 502, 503, 504, 599].map((s) => [s, response(s).verdict]),
    );
    expect(verdicts).toEqual({
      400: 'failed',
      401: 'failed',
      403: 'failed',
      404: 'failed',
      407: 'failed',
      408: 'retry',
      409: 'retry',
      413: 'failed',
      422: 'failed',
      425: 'retry',
      429: 'retry',
      499: 'failed',
      500: 'retry',
      502: 'retry',
      503: 'retry',
      504: 'retry',
      599: 'retry',
    });
    expect(response(503)).toEqual({ verdict: 'retry', errorClass: 'http', status: 503, reason: 'the receiver answered 503' });
    expect(response(404)).toEqual({ verdict: 'failed', errorClass: 'http', status: 404, reason: 'the receiver answered 404' });
  });

  it('keeps a Retry-After on a retried answer', () => {
    expect(response(429, { retryAfterMs: 30_000 })).toEqual({
      verdict: 'retry',
      errorClass: 'http',
      status: 429,
      reason: 'the receiver answered 429',
      retryAfterMs: 30_000,
    });
  });

  it('treats 410 as the receiver asking to be removed', () => {
    expect(response(410)).toMatchObject({ verdict: 'gone', status: 410 });
  });

  it('fails a redirect for good, answered or followed', () => {
    expect(response(301)).toMatchObject({ verdict: 'failed', errorClass: 'redirect', status: 301 });
    expect(response(399)).toMatchObject({ verdict: 'failed', errorClass: 'redirect' });
    expect(response(200, { redirected: true })).toMatchObject({ verdict: 'failed', errorClass: 'redirect', status: 200 });
  });

  it("retries what Forge's proxy answers for the receiver, blocked included", () => {
    expect(response(403, { proxyError: 'EGRESS_NOT_ALLOWED' })).toMatchObject({ verdict: 'retry', errorClass: 'blocked', status: 403 });
    expect(response(502, { proxyError: 'UPSTREAM_CONNECT_TIMEOUT' })).toMatchObject({ verdict: 'retry', errorClass: 'timeout', status: 502 });
    expect(response(200, { proxyError: 'X' })).toMatchObject({ verdict: 'retry', errorClass: 'network' });
  });

  it('retries a failure to get any answer', () => {
    expect(classifyAttempt({ kind: 'failure', errorClass: 'reset', message: 'socket hang up' })).toEqual({
      verdict: 'retry',
      errorClass: 'reset',
      status: null,
      reason: 'socket hang up',
    });
  });
});

describe('proxyErrorClass', () => {
  it('reads the kind of failure from the code', () => {
    expect(
      [
        'EGRESS_NOT_ALLOWED',
        'DNS_FAILURE',
        'CANNOT_RESOLVE',
        'TLS_HANDSHAKE',
        'BAD_CERT',
        'TIMEOUT',
        'CONNECTION_REFUSED',
        'CONNECTION_RESET',
        'SOMETHING',
      ].map(proxyErrorClass),
    ).toEqual(['blocked', 'dns', 'dns', 'tls', 'tls', 'timeout', 'refused', 'reset', 'network']);
  });
});

describe('classifyThrown', () => {
  const fetchFailed = (code: string, message = code) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });
  it("classifies Node's fetch failures by their cause", () => {
    expect(
      [
        'ENOTFOUND',
        'EAI_AGAIN',
        'ECONNREFUSED',
        'ECONNRESET',
        'UND_ERR_SOCKET',
        'ETIMEDOUT',
        'UND_ERR_CONNECT_TIMEOUT',
        'CERT_HAS_EXPIRED',
        'DEPTH_ZERO_SELF_SIGNED_CERT',
        'ERR_TLS_CERT_ALTNAME_INVALID',
        'EHOSTUNREACH',
      ].map((code) => classifyThrown(fetchFailed(code)).errorClass),
    ).toEqual(['dns', 'dns', 'refused', 'reset', 'reset', 'timeout', 'timeout', 'tls', 'tls', 'tls', 'network']);
  });
  it('reports our own time limit as a timeout, with the deepest message', () => {
    expect(classifyThrown(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toEqual({
      errorClass: 'timeout',
      message: 'The operation was aborted due to timeout',
    });
    expect(classifyThrown(fetchFailed('ECONNRESET', 'socket hang up'))).toEqual({ errorClass: 'reset', message: 'socket hang up' });
    expect(classifyThrown('weird')).toEqual({ errorClass: 'network', message: 'weird' });
  });
});
