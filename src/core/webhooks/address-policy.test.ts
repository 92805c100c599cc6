import { describe, expect, it } from 'vitest';
import { refuseAddress } from './address-policy';

const messageFor = (address: string) => refuseAddress(address)?.message ?? 'allowed';
const PRIVATE = 'a private address (10/8, 172.16/12, 192.168/16)';

describe('refuseAddress: IPv4', () => {
  it('names the special range of each refused address', () => {
    const cases = {
      '0.1.2.3': 'an unspecified address (0.0.0.0/8)',
      '255.255.255.255': 'the broadcast address',
      '224.0.0.1': 'a multicast address',
      '169.254.169.254': 'a link-local address (169.254.0.0/16, where cloud metadata services live)',
      '127.0.0.1': 'a loopback address (127.0.0.0/8)',
      '100.64.0.1': 'a carrier-grade NAT address (100.64.0.0/10)',
      '10.1.2.3': PRIVATE,
      '172.16.0.1': PRIVATE,
      '192.168.1.1': PRIVATE,
      '192.0.2.1': 'a reserved, documentation or benchmarking address',
      '198.18.0.1': 'a reserved, documentation or benchmarking address',
      '240.0.0.1': 'a reserved, documentation or benchmarking address',
      '192.175.48.1': 'a reserved (AS112) address',
      '192.52.193.1': 'a reserved (AMT) address',
    };
    expect(Object.fromEntries(Object.keys(cases).map((a) => [a, messageFor(a)]))).toEqual(cases);
    expect(refuseAddress('10.1.2.3')).toEqual({ rule: 'private-address', message: PRIVATE });
  });

  it('allows public unicast addresses, and says nothing of what is not an address', () => {
    expect(['8.8.8.8', '172.32.0.1', '100.128.0.1', 'hooks.example.com', ''].map(refuseAddress)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('refuseAddress: IPv6', () => {
  it('names the special range of each refused address, brackets or not', () => {
    const cases = {
      '::': 'the unspecified address (::)',
      '[::1]': 'the loopback address (::1)',
      'fe80::1': 'a link-local address (fe80::/10)',
      'ff02::1': 'a multicast address (ff00::/8)',
      'fd00::1': 'a unique-local address (fc00::/7)',
      'fec0::1': 'a site-local address (fec0::/10)',
      '100::1': 'a discard-only address (100::/64)',
      '2001:2::1': 'a benchmarking address (2001:2::/48)',
      '2001:db8::1': 'a reserved or documentation address',
      '[2001:3::1]': 'a special-purpose IPv6 address (amt)',
    };
    expect(Object.fromEntries(Object.keys(cases).map((a) => [a, messageFor(a)]))).toEqual(cases);
    expect(refuseAddress('::1')).toEqual({ rule: 'private-address', message: 'the loopback address (::1)' });
    expect(refuseAddress('2001:3::1')).toEqual({ rule: 'private-address', message: 'a special-purpose IPv6 address (amt)' });
  });

  it('allows public unicast addresses', () => {
    expect([messageFor('2606:4700::1'), messageFor('[2a00:1450::1]')]).toEqual(['allowed', 'allowed']);
  });
});

describe('refuseAddress: IPv6 carrying IPv4', () => {
  it('judges mapped, translated, NAT64, 6to4 and IPv4-compatible addresses by the IPv4 address they carry', () => {
    const cases = {
      '::ffff:10.1.2.3': `an IPv6 address (ipv4Mapped) embeds 10.1.2.3, ${PRIVATE}`,
      '::ffff:0:127.0.0.1': 'an IPv6 address (rfc6145) embeds 127.0.0.1, a loopback address (127.0.0.0/8)',
      '64:ff9b::a9fe:a9fe':
        'an IPv6 address (rfc6052) embeds 169.254.169.254, a link-local address (169.254.0.0/16, where cloud metadata services live)',
      '2002:c0a8:102::1': `an IPv6 address (6to4) embeds 192.168.1.2, ${PRIVATE}`,
      // ipaddr.js reads a dotted ::a.b.c.d as mapped, so the compatible form is written in hex.
      '::a01:203': `an IPv6 address (IPv4-compatible) embeds 10.1.2.3, ${PRIVATE}`,
    };
    expect(Object.fromEntries(Object.keys(cases).map((a) => [a, messageFor(a)]))).toEqual(cases);
  });

  it('allows them when the IPv4 address they carry is public', () => {
    expect(['::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '::808:404'].map(messageFor)).toEqual(Array(4).fill('allowed'));
  });

  it("judges a Teredo address by its client's inverted address, then by its server's", () => {
    // Client 10.1.2.3 inverted is f5fe:fdfc; server 65.54.227.120 is 4136:e378; client 8.8.8.8 inverted is f7f7:f7f7.
    expect(messageFor('2001:0:4136:e378:8000:63bf:f5fe:fdfc')).toEqual(`an IPv6 address (teredo) embeds 10.1.2.3, ${PRIVATE}`);
    expect(messageFor('2001:0:a01:203:8000:63bf:f7f7:f7f7')).toEqual(`a Teredo address embeds 10.1.2.3, ${PRIVATE}`);
    expect(messageFor('2001:0:4136:e378:8000:63bf:f7f7:f7f7')).toEqual('allowed');
  });
});
