import { describe, expect, it } from 'vitest';
import { classifyAttempt, proxyErrorClass } from './attempt-outcome';

const response = (status: number, extra: { redirected?: boolean; proxyError?: string; retryAfterMs?: number } = {}) =>
  classifyAttempt({
    kind: 'response',
    status,
    redirected: extra.redirected ?? false,
    proxyError: extra.proxyError ?? null,
    retryAfterMs: extra.retryAfterMs,
  });
const redirect = (status: number) => ({
  verdict: 'failed',
  errorClass: 'redirect',
  status,
  reason: `the receiver answered ${status} (a redirect); point the webhook at the final URL`,
});

describe('classifyAttempt: the edges of each class of status', () => {
  it('delivers 200 to 299 only, fails 3xx as redirects and a 1xx or other 4xx for good', () => {
    expect([199, 200, 299, 300, 399, 400, 499, 500].map((s) => response(s))).toEqual([
      { verdict: 'failed', errorClass: 'http', status: 199, reason: 'the receiver answered 199' },
      { verdict: 'delivered', status: 200 },
      { verdict: 'delivered', status: 299 },
      redirect(300),
      redirect(399),
      { verdict: 'failed', errorClass: 'http', status: 400, reason: 'the receiver answered 400' },
      { verdict: 'failed', errorClass: 'http', status: 499, reason: 'the receiver answered 499' },
      { verdict: 'retry', errorClass: 'http', status: 500, reason: 'the receiver answered 500' },
    ]);
  });

  it('says a 410 asks for the webhook to be removed', () => {
    expect(response(410)).toEqual({
      verdict: 'gone',
      errorClass: 'http',
      status: 410,
      reason: 'the receiver answered 410 Gone: it asks for this webhook to be removed',
    });
  });

  it('fails a followed redirect for good, whatever it ended on', () => {
    const followed = { verdict: 'failed', errorClass: 'redirect', reason: 'the receiver redirected the request; point the webhook at the final URL' };
    expect([response(200, { redirected: true }), response(503, { redirected: true })]).toEqual([
      { ...followed, status: 200 },
      { ...followed, status: 503 },
    ]);
  });

  it('keeps a Retry-After only on a retried answer', () => {
    expect([response(503, { retryAfterMs: 0 }), response(404, { retryAfterMs: 5000 }), response(410, { retryAfterMs: 5000 })]).toEqual([
      { verdict: 'retry', errorClass: 'http', status: 503, reason: 'the receiver answered 503', retryAfterMs: 0 },
      { verdict: 'failed', errorClass: 'http', status: 404, reason: 'the receiver answered 404' },
      { verdict: 'gone', errorClass: 'http', status: 410, reason: 'the receiver answered 410 Gone: it asks for this webhook to be removed' },
    ]);
    expect(Object.keys(response(503))).toEqual(['verdict', 'errorClass', 'status', 'reason']);
  });
});

describe("classifyAttempt: Forge's proxy answering", () => {
  it('says the domain is not approved when egress is refused, and that the receiver was not reached otherwise', () => {
    expect(response(403, { proxyError: 'EGRESS_NOT_ALLOWED' })).toEqual({
      verdict: 'retry',
      errorClass: 'blocked',
      status: 403,
      reason: "Forge's proxy refused the request (EGRESS_NOT_ALLOWED): the domain is not approved for egress",
    });
    expect(response(502, { proxyError: 'DNS_FAILURE', redirected: true, retryAfterMs: 1 })).toEqual({
      verdict: 'retry',
      errorClass: 'dns',
      status: 502,
      reason: "Forge's proxy could not reach the receiver (DNS_FAILURE)",
    });
  });
});

describe('proxyErrorClass: every word it knows, in any case', () => {
  it('reads each keyword', () => {
    const words = {
      egress_denied: 'blocked',
      NOT_ALLOWED: 'blocked',
      HOST_BLOCKED: 'blocked',
      FORBIDDEN: 'blocked',
      dns: 'dns',
      RESOLVE: 'dns',
      HOST_NOTFOUND: 'dns',
      tls: 'tls',
      SSL_ERROR: 'tls',
      CERT: 'tls',
      timeout: 'timeout',
      CONNECT_TIMED_OUT: 'timeout',
      refused: 'refused',
      reset: 'reset',
      '': 'network',
    };
    expect(Object.fromEntries(Object.keys(words).map((w) => [w, proxyErrorClass(w)]))).toEqual(words);
  });

  it('takes a refusal before the rest, then names, then TLS, then time', () => {
    expect(['BLOCKED_DNS', 'DNS_TLS', 'TLS_TIMEOUT', 'TIMEOUT_REFUSED', 'REFUSED_RESET'].map(proxyErrorClass)).toEqual([
      'blocked',
      'dns',
      'tls',
      'timeout',
      'refused',
    ]);
  });
});
