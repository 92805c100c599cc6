import { promises as dns } from 'node:dns';
import { fetch as forgeFetch } from '@forge/api';
import { classifyAttempt, classifyThrown } from '../../core/webhooks/attempt-outcome';
import type { Outcome } from '../../core/webhooks/attempt-outcome';
import { memoByKey } from '../../core/memo';
import { parseRetryAfter } from '../../core/webhooks/retry-policy';
import { checkResolvedAddresses, checkWebhookUrl, normalisedHost } from '../../core/webhooks/url-policy';
import { isSandboxReceiver } from './sandbox-receivers';

/** Standard Webhooks advises 15–30 s; the whole attempt, body included, gets 15 s. */
export const ATTEMPT_TIMEOUT_MS = 15_000;
/** What is kept of a response: enough to see why it failed, never the whole of a large body. */
export const RESPONSE_EXCERPT_BYTES = 4096;
const DNS_TIMEOUT_MS = 2_000;

export interface SentAttempt {
  outcome: Outcome;
  durationMs: number;
  response: { headers: Record<string, string>; body: string; truncated: boolean } | null;
}

/**
 * At most `max` bytes of a body, then the stream is cancelled: a 10 MB answer costs 4 KB. A body cut short before
 * that (the connection reset, the time limit) is a failed exchange, whatever the status said.
 */
async function excerpt(response: Response, max: number): Promise<{ body: string; truncated: boolean; failure?: unknown }> {
  const reader = response.body?.getReader();
  if (!reader) return { body: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failure: unknown;
  try {
    while (size < max) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    failure = error ?? new Error('the response body was cut short');
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, max);
  return { body: bytes.toString('utf8'), truncated: size >= max || failure !== undefined, ...(failure === undefined ? {} : { failure }) };
}

/**
 * Best effort (docs/webhooks.md, "Where a webhook may point"): where the runtime resolves names, a name that resolves
 * into a refused range is refused. On Forge the proxy resolves the name again itself, so this narrows, not closes, the gap.
 */
async function refusedByResolution(url: URL): Promise<string | undefined> {
  const host = normalisedHost(url);
  if (url.hostname.startsWith('[') || /^[\d.]+$/.test(host) || isSandboxReceiver(host)) return undefined;
  try {
    const lookup = dns.lookup(host, { all: true, verbatim: true });
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('dns timeout')), DNS_TIMEOUT_MS).unref());
    const addresses = await Promise.race([lookup, timeout]);
    const verdict = checkResolvedAddresses(
      host,
      addresses.map((a) => a.address),
    );
    return verdict && !verdict.ok ? verdict.message : undefined;
  } catch {
    return undefined;
  }
}

/** The URL rules' verdicts, by URL: a worker sends to the same one again and again (the verdict depends on it alone). */
const urlVerdict = memoByKey(200, checkWebhookUrl);

/** Sends one attempt and says what came of it; never throws for the receiver's failures. */
export async function sendAttempt(url: string, headers: Record<string, string>, body: string, now: () => number = Date.now): Promise<SentAttempt> {
  const started = now();
  const blocked = (reason: string): SentAttempt => ({
    outcome: { verdict: 'retry', errorClass: 'blocked', status: null, reason },
    durationMs: now() - started,
    response: null,
  });
  const policy = urlVerdict(url);
  if (!policy.ok)
    return {
      ...blocked(`the URL ${policy.message}`),
      outcome: { verdict: 'failed', errorClass: 'blocked', status: null, reason: `the URL ${policy.message}` },
    };
  const resolved = await refusedByResolution(policy.url);
  if (resolved) return blocked(resolved);
  try {
    // @forge/api's fetch is the runtime's own WHATWG fetch behind Forge's proxy; its typings lag behind (no `redirected`).
    const response = (await forgeFetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    })) as unknown as Response;
    const { failure, ...kept } = await excerpt(response, RESPONSE_EXCERPT_BYTES);
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    const cut = failure === undefined ? undefined : classifyThrown(failure);
    const outcome: Outcome = cut
      ? { verdict: 'retry', errorClass: cut.errorClass, status: response.status, reason: `the response was cut short (${cut.message})` }
      : classifyAttempt({
          kind: 'response',
          status: response.status,
          redirected: response.redirected,
          proxyError: response.headers.get('forge-proxy-error'),
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
        });
    return { outcome, durationMs: now() - started, response: { headers: responseHeaders, ...kept } };
  } catch (error) {
    const thrown = classifyThrown(error);
    return { outcome: classifyAttempt({ kind: 'failure', ...thrown }), durationMs: now() - started, response: null };
  }
}
