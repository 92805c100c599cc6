/**
 * Which domain a webhook's URL needs approved for the app's backend fetch, whether it already is, and where to add
 * it: customer-managed egress holds at most 10 groups of at most 10 domains (docs/forge-platform.md, "Egress"). The
 * page keeps its approvals in groups of its own (`projectrak-webhooks-<n>`) and never touches anyone else's.
 */
export const GROUP_PREFIX = 'projectrak-webhooks-';
export const GROUP_DESCRIPTION =
  "Webhook receivers: Projectrak sends project changes to these domains. Approved by a Jira admin on Projectrak's admin page.";
export const MAX_GROUPS = 10;
export const MAX_DOMAINS_PER_GROUP = 10;
const BACKEND = 'FETCH_BACKEND_SIDE';

export interface EgressGroup {
  key: string;
  description: string;
  configured: { domain: string; type: readonly string[] }[];
}

export type ApprovalPlan =
  { kind: 'approved' } | { kind: 'invalid' } | { kind: 'add'; domain: string; group: EgressGroup } | { kind: 'full'; domain: string };

/** `https://hooks.example.com` for any URL on that host (backend egress matches the host only, not port nor path). */
export function egressDomainOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.hostname !== '' ? `https://${parsed.hostname.toLowerCase()}` : undefined;
  } catch {
    return undefined;
  }
}

/** `https://*.example.com/x` → `*.example.com`. */
const hostPattern = (domain: string): string => (domain.replace(/^[a-z]+:\/\//i, '').split(/[/:]/)[0] ?? '').toLowerCase();

function covers(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  // A wildcard covers subdomains only, never its own parent domain.
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

/** Whether any group, the app's or another, lets the backend fetch this domain. */
export function isApproved(groups: readonly EgressGroup[], domain: string): boolean {
  const host = hostPattern(domain);
  return groups.some((g) => g.configured.some((entry) => entry.type.includes(BACKEND) && covers(hostPattern(entry.domain), host)));
}

export const domainsOf = (group: EgressGroup): string[] => [...new Set(group.configured.map((entry) => entry.domain))];

/**
 * How to approve the domain of `url`: already approved; added to the first of the page's groups with room (sent
 * whole, so the answer is the same whether Forge replaces or merges a group's entries); in a new group; or not at
 * all, every group being full.
 */
export function planApproval(groups: readonly EgressGroup[], url: string): ApprovalPlan {
  const domain = egressDomainOf(url);
  if (!domain) return { kind: 'invalid' };
  if (isApproved(groups, domain)) return { kind: 'approved' };
  const entry = { domain, type: [BACKEND] };
  const roomy = groups.find((g) => g.key.startsWith(GROUP_PREFIX) && domainsOf(g).length < MAX_DOMAINS_PER_GROUP);
  if (roomy)
    return {
      kind: 'add',
      domain,
      group: { key: roomy.key, description: roomy.description || GROUP_DESCRIPTION, configured: [...roomy.configured, entry] },
    };
  if (groups.length >= MAX_GROUPS) return { kind: 'full', domain };
  const taken = new Set(groups.map((g) => g.key));
  let n = 1;
  while (taken.has(`${GROUP_PREFIX}${n}`)) n++;
  return { kind: 'add', domain, group: { key: `${GROUP_PREFIX}${n}`, description: GROUP_DESCRIPTION, configured: [entry] } };
}

/** The page's approved domains that no webhook's URL is on any more: what an admin can remove to make room. */
export function unusedDomains(groups: readonly EgressGroup[], webhookUrls: readonly string[]): { key: string; domain: string }[] {
  const used = new Set(webhookUrls.map(egressDomainOf).filter((d): d is string => d !== undefined));
  return groups
    .filter((g) => g.key.startsWith(GROUP_PREFIX))
    .flatMap((g) => domainsOf(g).map((domain) => ({ key: g.key, domain })))
    .filter(({ domain }) => !used.has(domain.toLowerCase()));
}
