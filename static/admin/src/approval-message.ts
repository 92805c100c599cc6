import type { ApprovalOutcome } from './egress';
import { MAX_DOMAINS_PER_GROUP, MAX_GROUPS } from './egress-plan';

/** What the outcome of a domain approval means for deliveries, in a sentence for a flag or a message. */
export function approvalText(outcome: ApprovalOutcome): string | null {
  if (outcome.kind === 'declined')
    return `${outcome.domain} was not approved (${outcome.reason}). Until it is, each delivery to it is recorded as blocked in the delivery log and retried later; approve it from the Webhooks page.`;
  if (outcome.kind === 'full')
    return `The site's egress approvals are full (${MAX_GROUPS} groups of ${MAX_DOMAINS_PER_GROUP} domains), so ${outcome.domain} could not be added. Remove a domain no webhook uses, under "Approved domains", then approve this one. Until then deliveries to it are recorded as blocked.`;
  return null;
}

/** Said before saving: what the consent dialog is, and what declining means. */
export const APPROVAL_NOTICE =
  "HTTPS only. Forge lets Projectrak send only to domains a Jira admin approved: if this URL's domain is new, Atlassian asks you to approve it when you save. If you decline, the webhook is still saved, but its deliveries are recorded as blocked until you approve the domain.";
