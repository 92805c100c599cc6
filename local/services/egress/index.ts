import type { Db } from '../../data/db';
import type { LoadedManifest } from '../../runtime/manifest';
import { currentInvocation } from '../../runtime/runtime';
import type { AppFetch } from '../../runtime/runtime';
import { CustomerEgress } from './customer-egress';
import { asProxy, DnsTable, installDnsTable } from './dns-table';
import { readAppRequest } from './app-request';
import { forwardToLoopback } from './loopback-forward';
import type { Hop } from './loopback-forward';
import { staticEntries } from './manifest-egress';
import { EgressRateLimit } from './rate-limit';
import { checkEgress, proxyRefusal } from './rules';
import type { EgressVerdict } from './rules';

export type { EgressVerdict } from './rules';
export type { EgressLimits } from './rate-limit';
export type VirtualHost = (request: Request) => Promise<Response>;

/** Which host an invocation's fetch belongs to: several hosts may share a process (tests do). */
const egressOfFetch = new WeakMap<AppFetch, Egress>();
installDnsTable(() => {
  const fetch = currentInvocation()?.fetch;
  return fetch ? egressOfFetch.get(fetch)?.dns : undefined;
});

// The demo receiver's default answer to the app's own lookups: a documentation address (RFC 5737), public-looking.
const RECEIVER_DEFAULT_ADDRESS = '198.51.100.10';

/**
 * Forge's egress proxy: HTTPS on allowed ports to hosts the manifest declares (`permissions.external.fetch.backend`)
 * or an admin approved for FETCH_BACKEND_SIDE (customer-managed egress), within Forge's rate limits. Refusals are
 * real Responses with `forge-proxy-error`, as the proxy answers them, never thrown errors.
 */
export class Egress {
  readonly customer: CustomerEgress;
  readonly rateLimit: EgressRateLimit;
  readonly dns = new DnsTable();
  private readonly manifestBackend: string[];
  private readonly virtualHosts = new Map<string, VirtualHost>();
  private readonly loopbackPorts = new Map<string, number>();

  constructor(db: Db, loaded: LoadedManifest) {
    const entries = staticEntries(loaded.manifest);
    this.manifestBackend = entries.backend;
    this.customer = new CustomerEgress(db, entries.otherPairs);
    this.rateLimit = new EgressRateLimit((key) => loaded.manifest.modules.function.find((f) => f.key === key)?.timeoutSeconds);
  }

  /** A hostname answered in-process by a handler (tests), reached only through the proxy. */
  addVirtualHost(hostname: string, handler: VirtualHost): void {
    this.virtualHosts.set(hostname.toLowerCase(), handler);
  }

  /** A sandbox hostname (the demo receiver) answered by a real server on 127.0.0.1:`port`. */
  forwardToLoopback(hostname: string, port: number): void {
    this.loopbackPorts.set(hostname.toLowerCase(), port);
    if (!this.dns.answer(hostname)) this.dns.resolveAs(hostname, [RECEIVER_DEFAULT_ADDRESS]);
  }

  /** What the app's `node:dns` lookups of `name` answer from now on (empty: ENOTFOUND). */
  resolveAs(name: string, addresses: readonly string[]): void {
    this.dns.resolveAs(name, addresses);
  }

  check(url: URL): EgressVerdict {
    return checkEgress(url, [...this.manifestBackend, ...this.customer.backendDomains()]);
  }

  /**
   * The app's `fetch`: every request, and every redirect it follows, must pass the rules and the rate limits —
   * a redirect to a host that is not allowed is refused like a direct request to it.
   */
  fetchThrough(original: typeof fetch, around: (call: () => Promise<Response>) => Promise<Response> = (call) => call()): AppFetch {
    const appFetch: AppFetch = (input, init) => around(() => this.proxied(original, input, init));
    egressOfFetch.set(appFetch, this);
    return appFetch;
  }

  private async proxied(original: typeof fetch, input: string | URL | Request, init: RequestInit | undefined): Promise<Response> {
    const invocation = currentInvocation();
    const { headers, follow, signal, ...first } = await readAppRequest(input, init);
    let { body, method, url } = first;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (invocation) {
        const limited = this.rateLimit.take(invocation.functionKey, invocation.counters.fetches);
        invocation.counters.fetches++;
        if (limited) return this.rateLimited(limited);
      }
      const verdict = this.check(url);
      if (!verdict.allowed) return refusal(url, verdict.reason ?? '');
      const response = await asProxy(() => this.send({ url, method, headers, body, signal }, original));
      const location = response.headers.get('location');
      if (!follow || !REDIRECTS.has(response.status) || !location) return response;
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      url = new URL(location, url);
      // The first URL was checked as fetch checks it; one a redirect names is refused as Node's Request refuses it.
      if (url.username !== '' || url.password !== '')
        throw new TypeError(`Request cannot be constructed from a URL that includes credentials: ${url.href}`);
    }
    return proxyRefusal(508, 'TOO_MANY_REDIRECTS', `Egress refused: more than ${MAX_REDIRECTS} redirects`);
  }

  /** One hop: a virtual host's handler, the loopback server a sandbox name stands for, or the real network. */
  private send(hop: Hop, original: typeof fetch): Promise<Response> {
    const hostname = hop.url.hostname.toLowerCase();
    const virtual = this.virtualHosts.get(hostname);
    const port = this.loopbackPorts.get(hostname);
    if (!virtual && port !== undefined) return forwardToLoopback(hop, port);
    const request = new Request(hop.url, {
      method: hop.method,
      headers: hop.headers,
      redirect: 'manual',
      ...(hop.signal ? { signal: hop.signal } : {}),
      ...(hop.body === undefined ? {} : { body: hop.body }),
    });
    return virtual ? virtual(request) : original(request);
  }

  private rateLimited(reason: string): Response {
    const answer = this.rateLimit.limits.exceeded;
    if (answer === 'reject') throw new TypeError('fetch failed', { cause: new Error(`Egress rate limit: ${reason}`) });
    return proxyRefusal(answer.status, answer.proxyError, `Egress rate limit: ${reason}`);
  }
}

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function refusal(url: URL, reason: string): Response {
  return proxyRefusal(url.protocol === 'https:' ? 403 : 400, 'EGRESS_NOT_ALLOWED', `Egress refused: ${reason}`);
}
