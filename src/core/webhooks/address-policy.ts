import ipaddr from 'ipaddr.js';

/**
 * Which addresses a webhook may not reach: anything but public unicast. Ranges come from ipaddr.js (IANA's special-
 * purpose registries); an IPv6 address that embeds an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) is judged
 * by the IPv4 address it carries. Each refusal names the range, so an admin can tell why.
 */
const IPV4_RULES: Record<string, string> = {
  unspecified: 'an unspecified address (0.0.0.0/8)',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, where cloud metadata services live)',
  loopback: 'a loopback address (127.0.0.0/8)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private address (10/8, 172.16/12, 192.168/16)',
  reserved: 'a reserved, documentation or benchmarking address',
  as112: 'a reserved (AS112) address',
  amt: 'a reserved (AMT) address',
};

const IPV6_RULES: Record<string, string> = {
  unspecified: 'the unspecified address (::)',
  linkLocal: 'a link-local address (fe80::/10)',
  multicast: 'a multicast address (ff00::/8)',
  loopback: 'the loopback address (::1)',
  uniqueLocal: 'a unique-local address (fc00::/7)',
  deprecatedSiteLocal: 'a site-local address (fec0::/10)',
  discard: 'a discard-only address (100::/64)',
  benchmarking: 'a benchmarking address (2001:2::/48)',
  reserved: 'a reserved or documentation address',
};

export interface AddressRefusal {
  rule: 'private-address';
  message: string;
}

/** The IPv4 address an IPv6 one carries, if it is of a kind that carries one. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const parts = address.parts;
  const fromWords = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return fromWords(parts[6]!, parts[7]!);
  if (range === '6to4') return fromWords(parts[1]!, parts[2]!);
  // Teredo: the client's address is the last 32 bits, inverted (RFC 4380); the server's is bits 32–63.
  if (range === 'teredo') return fromWords(~parts[6]! & 0xffff, ~parts[7]! & 0xffff);
  // IPv4-compatible (::a.b.c.d, deprecated): the first 96 bits are zero.
  if (parts.slice(0, 6).every((p) => p === 0)) return fromWords(parts[6]!, parts[7]!);
  return undefined;
}

function teredoServer(address: ipaddr.IPv6): ipaddr.IPv4 {
  const [, , high = 0, low = 0] = address.parts;
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

function refuseIPv4(address: ipaddr.IPv4, via?: string): AddressRefusal | undefined {
  const range = address.range();
  if (range === 'unicast') return undefined;
  const what = IPV4_RULES[range] ?? `a special-purpose address (${range})`;
  return { rule: 'private-address', message: `${via ? `${via} embeds ${address.toString()}, ` : ''}${what}` };
}

/** Why a literal address may not be reached, or undefined for a public unicast address. Not an address → undefined. */
export function refuseAddress(text: string): AddressRefusal | undefined {
  const bare = text.replace(/^\[|\]$/g, '');
  if (!ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return refuseIPv4(address as ipaddr.IPv4);
  const v6 = address as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'loopback' || range === 'unspecified') return { rule: 'private-address', message: IPV6_RULES[range]! };
  const embedded = embeddedIPv4(v6);
  if (embedded) {
    const refused = refuseIPv4(embedded, `an IPv6 address (${range === 'unicast' ? 'IPv4-compatible' : range})`);
    if (refused) return refused;
    if (range === 'teredo') return refuseIPv4(teredoServer(v6), 'a Teredo address');
    return undefined;
  }
  if (range === 'unicast') return undefined;
  return { rule: 'private-address', message: IPV6_RULES[range] ?? `a special-purpose IPv6 address (${range})` };
}
