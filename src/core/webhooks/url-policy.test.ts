import { describe, expect, it } from 'vitest';
import { ACCEPTED_URLS, HOSTILE_URLS } from '../../../test/support/hostile-urls';
import { checkResolvedAddresses, checkWebhookUrl, URL_MAX_LENGTH } from './url-policy';

describe('checkWebhookUrl', () => {
  it(`refuses ${HOSTILE_URLS.length} hostile URLs, each by the rule that applies, with a message`, () => {
    const verdicts = HOSTILE_URLS.map(([url]) => {
      const verdict = checkWebhookUrl(url);
      return [url, verdict.ok ? 'accepted' : verdict.rule];
    });
    expect(verdicts).toEqual(HOSTILE_URLS);
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts public https URLs on the proxy ports', () => {
    expect(ACCEPTED_URLS.filter((url) => !checkWebhookUrl(url).ok)).toEqual([]);
  });

  it('says which range a private address is in', () => {
    expect(checkWebhookUrl('https://169.254.169.254/')).toEqual({
      ok: false,
      rule: 'private-address',
      message: 'points at a link-local address (169.254.0.0/16, where cloud metadata services live)',
    });
    expect(checkWebhookUrl('https://[::ffff:10.1.2.3]/')).toMatchObject({
      message: expect.stringContaining('embeds 10.1.2.3, a private address') as unknown,
    });
    expect(checkWebhookUrl('https://[fd00::1]/')).toMatchObject({ message: 'points at a unique-local address (fc00::/7)' });
  });

  it('draws the length limit at exactly 2048 characters', () => {
    const base = 'https://hooks.example.com/';
    expect(checkWebhookUrl(base + 'a'.repeat(URL_MAX_LENGTH - base.length)).ok).toBe(true);
    expect(checkWebhookUrl(base + 'a'.repeat(URL_MAX_LENGTH - base.length + 1))).toMatchObject({ ok: false, rule: 'too-long' });
  });

  it('explains each refusal in words an admin can act on', () => {
    expect(checkWebhookUrl('http://a.example.com/')).toMatchObject({ message: 'must use https:// (Forge sends only HTTPS), not http' });
    expect(checkWebhookUrl('https://a.example.com:22/')).toMatchObject({
      message: "port 22 is not one Forge's proxy allows (443, 8443, 8444, 80, 8080, 7990, 8089, 8090, 8085, 8060)",
    });
    expect(checkWebhookUrl('https://wiki/')).toMatchObject({ message: 'wiki is not a full domain name (such as hooks.example.com)' });
    expect(checkWebhookUrl('https://x.local/')).toMatchObject({ message: 'x.local names a local or private network, which a webhook may not reach' });
  });
});

describe('checkResolvedAddresses', () => {
  it('refuses a name that resolves to any refused address, naming the name and the address', () => {
    expect(checkResolvedAddresses('hooks.example.com', ['93.184.216.34', '10.0.0.7'])).toEqual({
      ok: false,
      rule: 'private-address',
      message: 'hooks.example.com resolves to 10.0.0.7, a private address (10/8, 172.16/12, 192.168/16)',
    });
    expect(checkResolvedAddresses('hooks.example.com', ['::1'])).toMatchObject({ rule: 'private-address' });
  });

  it('accepts a name whose addresses are all public, and says nothing of no addresses', () => {
    expect(checkResolvedAddresses('hooks.example.com', ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'])).toBeUndefined();
    expect(checkResolvedAddresses('hooks.example.com', [])).toBeUndefined();
  });
});
