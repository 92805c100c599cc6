import { refuseAddress } from './address-policy';

/**
 * Where a webhook may point, checked when it is saved and again before every attempt. Forge's proxy resolves names
 * itself, so a name's addresses can only be checked on a best-effort basis (see checkResolvedAddresses); what is
 * certain is checked here, from the URL alone.
 */
export const URL_MAX_LENGTH = 2048;
/** The ports Forge's egress proxy lets through (docs/forge-platform.md, "Egress"); '' is https' own, 443. */
export const ALLOWED_PORTS: readonly string[] = ['', '443', '8443', '8444', '80', '8080', '7990', '8089', '8090', '8085', '8060'];
/** Names that only ever mean this machine or a private network (RFC 6761, RFC 6762, RFC 8375, common cloud usage). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet', 'corp'];

export type UrlRule =
  'invalid-url' | 'https-only' | 'userinfo' | 'fragment' | 'too-long' | 'port' | 'local-name' | 'single-label' | 'private-address';

export type UrlVerdict = { ok: true; url: URL } | { ok: false; rule: UrlRule; message: string };

const refuse = (rule: UrlRule, message: string): UrlVerdict => ({ ok: false, rule, message });

/** The host as the proxy will see it: lower case, without a trailing dot, IPv6 without brackets. */
export function normalisedHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

export function checkWebhookUrl(text: string): UrlVerdict {
  if (text.length > URL_MAX_LENGTH) return refuse('too-long', `must be at most ${URL_MAX_LENGTH} characters (this one has ${text.length})`);
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('invalid-url', 'is not a URL; write it in full, such as https://hooks.example.com/projectrak');
  }
  if (url.protocol !== 'https:') return refuse('https-only', `must use https:// (Forge sends only HTTPS), not ${url.protocol.replace(/:$/, '')}`);
  if (url.username !== '' || url.password !== '')
    return refuse('userinfo', 'must not carry a user name or password; use a custom header for credentials');
  if (text.includes('#')) return refuse('fragment', 'must not have a #fragment (it is never sent to the server)');
  if (!ALLOWED_PORTS.includes(url.port))
    return refuse('port', `port ${url.port} is not one Forge's proxy allows (${ALLOWED_PORTS.filter(Boolean).join(', ')})`);
  const host = normalisedHost(url);
  const address = refuseAddress(host);
  if (address) return refuse('private-address', `points at ${address.message}`);
  if (url.hostname.startsWith('[')) return { ok: true, url };
  if (LOCAL_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`)))
    return refuse('local-name', `${host} names a local or private network, which a webhook may not reach`);
  if (!host.includes('.')) return refuse('single-label', `${host} is not a full domain name (such as hooks.example.com)`);
  return { ok: true, url };
}

/**
 * What the names resolve to, where the runtime can tell (best effort: on Forge the proxy resolves again itself).
 * The first address in a refused range refuses the URL.
 */
export function checkResolvedAddresses(host: string, addresses: readonly string[]): UrlVerdict | undefined {
  for (const address of addresses) {
    const refused = refuseAddress(address);
    if (refused) return refuse('private-address', `${host} resolves to ${address}, ${refused.message}`);
  }
  return undefined;
}
