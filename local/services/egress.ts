import type { Db } from '../data/db';
import { currentInvocation } from '../runtime/runtime';

/** Ports Forge's egress proxy lets through (docs/forge-platform.md, "Egress"). */
const ALLOWED_PORTS = new Set(['', '443', '8443', '8444', '80', '8080', '7990', '8089', '8090', '8085', '8060']);

export type VirtualHost = (request: Request) => Promise<Response>;

export interface EgressVerdict {
  allowed: boolean;
  reason?: string;
}

/** `https://*.example.com/path` → `*.example.com`. Backend egress matches on host only; paths are ignored. */
function hostPattern(entry: string): string {
  const withoutScheme = entry.replace(/^[a-z]+:\/\//i, '');
  return (withoutScheme.split('/')[0] ?? '').split(':')[0]?.toLowerCase() ?? '';
}

function matches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  // A wildcard covers subdomains only, never its own parent domain, as on Forge.
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1));
  return pattern === hostname;
}

/**
 * The egress rules of Forge's proxy: HTTPS only, allowed ports, and a host the manifest declares
 * (`permissions.external.fetch.backend`) or an admin approved (customer-managed egress). Refusals
 * are answered the way the proxy answers them: a real Response (403 or 400), not a thrown error.
 */
export class Egress {
  private readonly virtualHosts = new Map<string, VirtualHost>();

  constructor(
    private readonly db: Db,
    private readonly manifestEntries: string[],
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS host_egress (egress_key TEXT NOT NULL, domain TEXT NOT NULL, PRIMARY KEY (egress_key, domain))`);
  }

  /** A hostname served in-process by the sandbox (the demo receiver), reached only through the proxy. */
  addVirtualHost(hostname: string, handler: VirtualHost): void {
    this.virtualHosts.set(hostname.toLowerCase(), handler);
  }

  approved(): { key: string; domain: string }[] {
    return this.db.prepare(`SELECT egress_key AS key, domain FROM host_egress ORDER BY egress_key, domain`).all() as {
      key: string;
      domain: string;
    }[];
  }

  /** What `permissions.egress.set` from @forge/bridge asks for; the sandbox admin approves it. */
  approve(key: string, domains: string[]): void {
    const replace = this.db.transaction(() => {
      this.db.prepare(`DELETE FROM host_egress WHERE egress_key = ?`).run(key);
      for (const domain of domains) this.db.prepare(`INSERT OR IGNORE INTO host_egress VALUES (?, ?)`).run(key, domain);
    });
    replace();
  }

  check(url: URL): EgressVerdict {
    if (url.protocol !== 'https:') return { allowed: false, reason: `Forge only supports outbound HTTPS: ${url.protocol} is refused` };
    if (!ALLOWED_PORTS.has(url.port)) return { allowed: false, reason: `port ${url.port} is not one Forge's egress proxy allows` };
    const host = url.hostname.toLowerCase();
    const patterns = [...this.manifestEntries.map(hostPattern), ...this.approved().map((a) => hostPattern(a.domain))];
    if (patterns.some((p) => matches(p, host))) return { allowed: true };
    return { allowed: false, reason: `${host} is not in permissions.external.fetch.backend nor an approved egress domain` };
  }

  /**
   * The app's `fetch`: every request, and every redirect it follows, must pass the rules — a redirect to a
   * host that is not allowed is refused like a direct request to it.
   */
  fetchThrough(original: typeof fetch): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
    return async (input, init) => {
      const counters = currentInvocation()?.counters;
      const first = new Request(input, init);
      const follow = first.redirect === 'follow';
      // The body is read once, so a 307/308 redirect can send it again.
      let body = first.body ? await first.arrayBuffer() : undefined;
      let method = first.method;
      let url = new URL(first.url);
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (counters) counters.fetches++;
        const verdict = this.check(url);
        if (!verdict.allowed) return refusal(url, verdict.reason ?? '');
        const request = new Request(url, { method, headers: first.headers, redirect: 'manual', ...(body === undefined ? {} : { body }) });
        const virtual = this.virtualHosts.get(url.hostname.toLowerCase());
        const response = virtual ? await virtual(request) : await original(request);
        const location = response.headers.get('location');
        if (!follow || !REDIRECTS.has(response.status) || !location) return response;
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        url = new URL(location, url);
      }
      return new Response(JSON.stringify({ message: `Egress refused: more than ${MAX_REDIRECTS} redirects` }), {
        status: 508,
        headers: { 'forge-proxy-error': 'TOO_MANY_REDIRECTS' },
      });
    };
  }
}

const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function refusal(url: URL, reason: string): Response {
  return new Response(JSON.stringify({ message: `Egress refused: ${reason}` }), {
    status: url.protocol === 'https:' ? 403 : 400,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': 'EGRESS_NOT_ALLOWED' },
  });
}
