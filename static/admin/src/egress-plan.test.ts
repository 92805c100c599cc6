import { describe, expect, it } from 'vitest';
import type { EgressGroup } from './egress-plan';
import { egressDomainOf, GROUP_DESCRIPTION, isApproved, planApproval, unusedDomains } from './egress-plan';

const group = (key: string, domains: string[], type = 'FETCH_BACKEND_SIDE'): EgressGroup => ({
  key,
  description: 'd',
  configured: domains.map((domain) => ({ domain, type: [type] })),
});
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `https://${prefix}${i}.example.com`);

describe('egressDomainOf', () => {
  it('is the https origin without port, path nor case; nothing for other URLs', () => {
    expect(egressDomainOf(' https://Hooks.Example.com:8443/a/b?c ')).toBe('https://hooks.example.com');
    expect(egressDomainOf('http://hooks.example.com')).toBeUndefined();
    expect(egressDomainOf('hooks.example.com')).toBeUndefined();
  });
});

describe('isApproved', () => {
  it('takes a backend entry for the host, a wildcard over it, or *, from any group', () => {
    expect(isApproved([group('other', ['https://hooks.example.com'])], 'https://hooks.example.com')).toBe(true);
    expect(isApproved([group('x', ['https://*.example.com'])], 'https://a.example.com')).toBe(true);
    expect(isApproved([group('x', ['https://*.example.com'])], 'https://example.com')).toBe(false);
    expect(isApproved([group('x', ['*'])], 'https://anything.test')).toBe(true);
    expect(isApproved([group('x', ['https://hooks.example.com'], 'FETCH_CLIENT_SIDE')], 'https://hooks.example.com')).toBe(false);
  });
});

describe('planApproval', () => {
  it('needs nothing for an approved domain, and refuses a URL that is not https', () => {
    expect(planApproval([group('a', ['https://hooks.example.com'])], 'https://hooks.example.com/x')).toEqual({ kind: 'approved' });
    expect(planApproval([], 'ftp://x')).toEqual({ kind: 'invalid' });
  });

  it('adds the domain to the first of its own groups with room, keeping what is there', () => {
    const groups = [group('projectrak-webhooks-1', many('a', 10)), group('projectrak-webhooks-2', ['https://b.example.com'])];
    expect(planApproval(groups, 'https://new.example.com/hook')).toEqual({
      kind: 'add',
      domain: 'https://new.example.com',
      group: {
        key: 'projectrak-webhooks-2',
        description: 'd',
        configured: [
          { domain: 'https://b.example.com', type: ['FETCH_BACKEND_SIDE'] },
          { domain: 'https://new.example.com', type: ['FETCH_BACKEND_SIDE'] },
        ],
      },
    });
  });

  it('opens a new group under the first free number when its own are full, and never adds to another app’s group', () => {
    const groups = [group('projectrak-webhooks-2', many('a', 10)), group('someone-else', ['https://c.example.com'])];
    expect(planApproval(groups, 'https://new.example.com')).toEqual({
      kind: 'add',
      domain: 'https://new.example.com',
      group: {
        key: 'projectrak-webhooks-1',
        description: GROUP_DESCRIPTION,
        configured: [{ domain: 'https://new.example.com', type: ['FETCH_BACKEND_SIDE'] }],
      },
    });
  });

  it('says full when there are 10 groups and none of its own has room', () => {
    const groups = Array.from({ length: 10 }, (_, i) => group(`projectrak-webhooks-${i + 1}`, many(`g${i}-`, 10)));
    expect(planApproval(groups, 'https://new.example.com')).toEqual({ kind: 'full', domain: 'https://new.example.com' });
  });
});

describe('unusedDomains', () => {
  it('lists its own approved domains that no webhook points at', () => {
    const groups = [group('projectrak-webhooks-1', ['https://used.example.com', 'https://old.example.com']), group('other', ['https://x.test'])];
    expect(unusedDomains(groups, ['https://USED.example.com/hook'])).toEqual([{ key: 'projectrak-webhooks-1', domain: 'https://old.example.com' }]);
  });
});
