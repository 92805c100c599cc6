/** Ports Forge's egress proxy lets through (docs/forge-platform.md, "Egress"). */
const ALLOWED_PORTS = new Set(['', '443', '8443', '8444', '80', '8080', '7990', '8089', '8090', '8085', '8060']);

export interface EgressVerdict {
  allowed: boolean;
  reason?: string;
}

/** `https://*.example.com/path` → `*.example.com`. Backend egress matches on host only; paths are ignored. */
export function hostPattern(entry: string): string {
  const withoutScheme = entry.replace(/^[a-z]+:\/\//i, '');
  return (withoutScheme.split('/')[0] ?? '').split(':')[0]?.toLowerCase() ?? '';
}

function matches(pattern: string, hostname: string): boolean {
  if (pattern === '*') return true;
  // A wildcard covers subdomains only, never its own parent domain, as on Forge (@forge/egress globToRegex).
  if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice(1));
  return pattern === hostname;
}

/** HTTPS only, on an allowed port, to a host one of the allowed entries covers. */
export function checkEgress(url: URL, allowedEntries: readonly string[]): EgressVerdict {
  if (url.protocol !== 'https:') return { allowed: false, reason: `Forge only supports outbound HTTPS: ${url.protocol} is refused` };
  if (!ALLOWED_PORTS.has(url.port)) return { allowed: false, reason: `port ${url.port} is not one Forge's egress proxy allows` };
  const host = url.hostname.toLowerCase();
  if (allowedEntries.map(hostPattern).some((p) => matches(p, host))) return { allowed: true };
  return {
    allowed: false,
    reason: `${host} is not in permissions.external.fetch.backend nor a domain an admin approved for FETCH_BACKEND_SIDE`,
  };
}

/** What the proxy answers instead of forwarding: a real Response, as Forge's proxy answers rather than throws. */
export function proxyRefusal(status: number, proxyError: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ message }), {
    status,
    headers: { 'content-type': 'application/json', 'forge-proxy-error': proxyError, ...headers },
  });
}
