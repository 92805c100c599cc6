import type { Db } from './db';

/** Ports Forge's egress proxy lets through (FORGE-NOTES.md, "Outbound fetch"). */
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

  /** The wrapped `fetch` the app's bundle captures. */
  fetchThrough(original: typeof fetch): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
    return async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const verdict = this.check(url);
      if (!verdict.allowed) {
        const status = url.protocol === 'https:' ? 403 : 400;
        return new Response(JSON.stringify({ message: `Egress refused: ${verdict.reason ?? ''}` }), {
          status,
          headers: { 'content-type': 'application/json', 'forge-proxy-error': 'EGRESS_NOT_ALLOWED' },
        });
      }
      const virtual = this.virtualHosts.get(url.hostname.toLowerCase());
      return virtual ? virtual(request) : original(request);
    };
  }
}
