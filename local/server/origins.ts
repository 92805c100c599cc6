import type http from 'node:http';

/**
 * The sandbox's two origins on one port. The chrome (title bar, "Act as", the bridge endpoint, the Jira fake's
 * REST API) is `http://127.0.0.1:<port>`; Custom UI resources are served from `http://localhost:<port>`, another
 * origin and another site, as Forge serves a page in an iframe of another origin that talks to the host page by
 * postMessage only. So a page's script cannot read or send the chrome's cookie, nor call the chrome's endpoints
 * with it.
 */
export interface SandboxOrigins {
  port: number;
  chrome: string;
  frames: string;
}

export type OriginRole = 'chrome' | 'frames';

export function sandboxOrigins(port: number): SandboxOrigins {
  return { port, chrome: `http://127.0.0.1:${port}`, frames: `http://localhost:${port}` };
}

const ROLE_OF_HOSTNAME: Record<string, OriginRole> = { '127.0.0.1': 'chrome', '[::1]': 'chrome', localhost: 'frames' };

/**
 * Which origin a request was sent to, from its Host header; undefined for any other name. Answering only
 * loopback names defeats DNS rebinding: a remote page whose name is made to resolve to 127.0.0.1 still sends its
 * own name as Host, and is refused.
 */
export function roleOf(req: http.IncomingMessage, origins: SandboxOrigins): OriginRole | undefined {
  const host = (req.headers.host ?? '').toLowerCase();
  const match = /^(\[::1\]|127\.0\.0\.1|localhost)(?::(\d+))?$/.exec(host);
  if (!match?.[1]) return undefined;
  const port = match[2] === undefined ? 80 : Number(match[2]);
  return port === origins.port ? ROLE_OF_HOSTNAME[match[1]] : undefined;
}

/**
 * A state-changing request the chrome did not send itself: a browser names the page it comes from in `Origin`
 * and, in `Sec-Fetch-Site`, how it relates to the target. Tools (curl, tests) send neither and are let through.
 */
export function isCrossSite(req: http.IncomingMessage): boolean {
  // The Host header was checked first (roleOf): it names a loopback origin of this sandbox.
  const origin = req.headers.origin;
  if (origin !== undefined && origin.toLowerCase() !== `http://${(req.headers.host ?? '').toLowerCase()}`) return true;
  const site = req.headers['sec-fetch-site'];
  return site !== undefined && site !== 'same-origin' && site !== 'none';
}
