/**
 * What one delivery attempt came to, and what follows from it (Standard Webhooks; docs/webhooks.md, "Outcomes"):
 * 2xx → delivered; 410 → the receiver asks to be removed, the webhook is disabled; 408, 409, 425, 429, 5xx and
 * network failures → retry; a redirect (3xx, or one followed on the way) and other 4xx → failed for good.
 * Forge's proxy answers some network failures itself, as a response carrying `forge-proxy-error`: those are
 * network failures too, and an egress refusal is `blocked` (retried on the same schedule, so never a storm).
 */
export const ERROR_CLASSES = ['dns', 'tls', 'timeout', 'refused', 'reset', 'network', 'blocked', 'http', 'redirect'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export type AttemptResult =
  | { kind: 'response'; status: number; redirected: boolean; proxyError: string | null; retryAfterMs?: number | undefined }
  | { kind: 'failure'; errorClass: Exclude<ErrorClass, 'http' | 'redirect'>; message: string };

export type Outcome =
  | { verdict: 'delivered'; status: number }
  | { verdict: 'retry'; errorClass: ErrorClass; status: number | null; reason: string; retryAfterMs?: number | undefined }
  | { verdict: 'failed'; errorClass: ErrorClass; status: number | null; reason: string }
  | { verdict: 'gone'; errorClass: 'http'; status: 410; reason: string };

const RETRIED_STATUSES: readonly number[] = [408, 409, 425, 429];

/** A `forge-proxy-error` value as the class of network failure it names (the values are undocumented: best effort). */
export function proxyErrorClass(value: string): Exclude<ErrorClass, 'http' | 'redirect'> {
  const code = value.toUpperCase();
  if (code.includes('EGRESS') || code.includes('NOT_ALLOWED') || code.includes('BLOCK') || code.includes('FORBIDDEN')) return 'blocked';
  if (code.includes('DNS') || code.includes('RESOLVE') || code.includes('NOTFOUND')) return 'dns';
  if (code.includes('TLS') || code.includes('SSL') || code.includes('CERT')) return 'tls';
  if (code.includes('TIMEOUT') || code.includes('TIMED_OUT')) return 'timeout';
  if (code.includes('REFUSED')) return 'refused';
  if (code.includes('RESET')) return 'reset';
  return 'network';
}

export function classifyAttempt(result: AttemptResult): Outcome {
  if (result.kind === 'failure') return { verdict: 'retry', errorClass: result.errorClass, status: null, reason: result.message };
  const { status } = result;
  if (result.proxyError !== null) {
    const errorClass = proxyErrorClass(result.proxyError);
    const reason =
      errorClass === 'blocked'
        ? `Forge's proxy refused the request (${result.proxyError}): the domain is not approved for egress`
        : `Forge's proxy could not reach the receiver (${result.proxyError})`;
    return { verdict: 'retry', errorClass, status, reason };
  }
  if (result.redirected)
    return { verdict: 'failed', errorClass: 'redirect', status, reason: 'the receiver redirected the request; point the webhook at the final URL' };
  if (status >= 200 && status < 300) return { verdict: 'delivered', status };
  if (status >= 300 && status < 400)
    return {
      verdict: 'failed',
      errorClass: 'redirect',
      status,
      reason: `the receiver answered ${status} (a redirect); point the webhook at the final URL`,
    };
  if (status === 410)
    return { verdict: 'gone', errorClass: 'http', status, reason: 'the receiver answered 410 Gone: it asks for this webhook to be removed' };
  if (RETRIED_STATUSES.includes(status) || status >= 500)
    return {
      verdict: 'retry',
      errorClass: 'http',
      status,
      reason: `the receiver answered ${status}`,
      ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
    };
  return { verdict: 'failed', errorClass: 'http', status, reason: `the receiver answered ${status}` };
}

/**
 * A thrown fetch failure as its class. Node's fetch (undici) throws `TypeError('fetch failed')` with the system
 * error as its cause; our own time limit aborts with a `TimeoutError`.
 */
export function classifyThrown(error: unknown): { errorClass: Exclude<ErrorClass, 'http' | 'redirect' | 'blocked'>; message: string } {
  const chain: unknown[] = [];
  for (let current: unknown = error; current !== undefined && current !== null && chain.length < 5; current = (current as { cause?: unknown }).cause)
    chain.push(current);
  const codes = chain.map((e) => `${(e as { name?: unknown }).name as string} ${(e as { code?: unknown }).code as string}`.toUpperCase()).join(' ');
  const message =
    chain
      .map((e) => (e instanceof Error ? e.message : String(e)))
      .filter(Boolean)
      .at(-1) ?? 'unknown error';
  if (/TIMEOUTERROR|ABORTERROR|ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT/.test(codes))
    return { errorClass: 'timeout', message };
  if (/ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL/.test(codes)) return { errorClass: 'dns', message };
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(codes)) return { errorClass: 'tls', message };
  if (/ECONNREFUSED/.test(codes)) return { errorClass: 'refused', message };
  if (/ECONNRESET|EPIPE|UND_ERR_SOCKET|ECONNABORTED/.test(codes)) return { errorClass: 'reset', message };
  return { errorClass: 'network', message };
}
