import { permissions, type EgressSetPayload } from '@forge/bridge';
import type { EgressGroup } from './egress-plan';
import { planApproval } from './egress-plan';

type EgressType = EgressSetPayload['egresses'][number]['configured'][number]['type'][number];

/** Every customer-managed egress group of the installation (anyone may read them; docs/forge-platform.md, "Egress"). */
export async function readApprovals(): Promise<EgressGroup[]> {
  const groups: EgressGroup[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await permissions.egress.get(nextPageToken === undefined ? {} : { nextPageToken });
    groups.push(...page.results);
    nextPageToken = page.lastEvaluatedKey;
  } while (nextPageToken !== undefined && nextPageToken !== '');
  return groups;
}

export type ApprovalOutcome =
  | { kind: 'already' }
  | { kind: 'approved'; domain: string }
  /** The admin said no in Atlassian's consent dialog, or the platform refused: deliveries are blocked meanwhile. */
  | { kind: 'declined'; domain: string; reason: string }
  | { kind: 'full'; domain: string }
  | { kind: 'invalid' };

/**
 * Approves the domain of a webhook's URL for the app's backend fetch, unless it already is: Atlassian shows the admin
 * its consent dialog, and `set` resolves once they accept and rejects when they decline.
 */
export async function approveDomainOf(url: string): Promise<ApprovalOutcome> {
  let plan;
  try {
    plan = planApproval(await readApprovals(), url);
  } catch (thrown) {
    return { kind: 'declined', domain: url, reason: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  if (plan.kind === 'approved') return { kind: 'already' };
  if (plan.kind === 'invalid') return { kind: 'invalid' };
  if (plan.kind === 'full') return { kind: 'full', domain: plan.domain };
  const configured = plan.group.configured.map((entry) => ({ domain: entry.domain, type: entry.type as unknown as EgressType[] }));
  try {
    await permissions.egress.set({ egresses: [{ key: plan.group.key, description: plan.group.description, configured }] });
    return { kind: 'approved', domain: plan.domain };
  } catch (thrown) {
    return { kind: 'declined', domain: plan.domain, reason: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

/** Removes an approved domain the page added (to make room): Atlassian asks the admin to confirm. */
export async function removeDomain(key: string, domain: string): Promise<void> {
  await permissions.egress.deleteDomain({ key, domain, type: 'FETCH_BACKEND_SIDE' as unknown as EgressType });
}
