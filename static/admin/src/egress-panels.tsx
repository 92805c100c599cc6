import Button from '@atlaskit/button/new';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { approvalText } from './approval-message';
import { approveDomainOf, removeDomain } from './egress';
import type { EgressGroup } from './egress-plan';
import { domainsOf, egressDomainOf, GROUP_PREFIX, isApproved, MAX_DOMAINS_PER_GROUP, MAX_GROUPS, unusedDomains } from './egress-plan';
import { useNotify } from './notify';

const names = (webhooks: WebhookSummary[]) => webhooks.map((w) => `“${w.name}”`).join(', ');

/** The domains webhooks point at that are not approved yet: deliveries to them are blocked until an admin approves. */
export function UnapprovedDomains({ webhooks, groups, onApproved }: { webhooks: WebhookSummary[]; groups: EgressGroup[]; onApproved: () => void }) {
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const byDomain = new Map<string, WebhookSummary[]>();
  for (const webhook of webhooks) {
    const domain = egressDomainOf(webhook.url);
    if (domain && !isApproved(groups, domain)) byDomain.set(domain, [...(byDomain.get(domain) ?? []), webhook]);
  }
  if (byDomain.size === 0) return null;

  const approve = async (domain: string, url: string) => {
    setBusy(domain);
    const outcome = await approveDomainOf(url);
    setBusy(null);
    if (outcome.kind === 'approved' || outcome.kind === 'already')
      notify.success(`Approved ${domain}`, 'Blocked deliveries go out at their next retry.');
    else notify.warning(`${domain} is still not approved`, approvalText(outcome) ?? undefined);
    onApproved();
  };

  return (
    <SectionMessage appearance="warning" title="Some deliveries are blocked until you approve their domain" testId="unapproved-domains">
      <Stack space="space.100">
        <Text as="p">Forge sends only to domains a Jira admin approved. Deliveries to these are recorded as blocked and retried later:</Text>
        {[...byDomain].map(([domain, users]) => (
          <Inline key={domain} space="space.100" alignBlock="center" shouldWrap>
            <Text weight="semibold">{domain}</Text>
            <Text color="color.text.subtle">{`used by ${names(users)}`}</Text>
            <Button isLoading={busy === domain} onClick={() => void approve(domain, users[0]?.url ?? domain)} testId={`approve-domain-${domain}`}>
              {`Approve ${domain}`}
            </Button>
          </Inline>
        ))}
      </Stack>
    </SectionMessage>
  );
}

/** The domains this page approved, against Forge's limit, with a way to remove those no webhook uses any more. */
export function ApprovedDomains({ webhooks, groups, onChanged }: { webhooks: WebhookSummary[]; groups: EgressGroup[]; onChanged: () => void }) {
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const mine = groups.filter((g) => g.key.startsWith(GROUP_PREFIX));
  const count = mine.reduce((sum, g) => sum + domainsOf(g).length, 0);
  const unused = new Set(
    unusedDomains(
      groups,
      webhooks.map((w) => w.url),
    ).map((u) => `${u.key} ${u.domain}`),
  );

  const remove = async (key: string, domain: string) => {
    setBusy(domain);
    try {
      await removeDomain(key, domain);
      notify.success(`Removed ${domain}`, 'Projectrak can no longer send to it.');
      onChanged();
    } catch (thrown) {
      notify.failure(`${domain} was not removed`, thrown);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack space="space.100">
      <Inline>
        <Button
          appearance="subtle"
          iconBefore={open ? ChevronDownIcon : ChevronRightIcon}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          testId="approved-domains-toggle"
        >
          {`Approved domains (${count})`}
        </Button>
      </Inline>
      {open ? (
        <Stack space="space.100" testId="approved-domains">
          <Text as="p" color="color.text.subtle">
            {`A site can approve at most ${MAX_GROUPS} groups of ${MAX_DOMAINS_PER_GROUP} domains for all its apps. Projectrak keeps its own in groups named ${GROUP_PREFIX}…; remove a domain no webhook uses to make room.`}
          </Text>
          {count === 0 ? <Text>None yet: a domain is approved when you save the first webhook pointing at it.</Text> : null}
          {mine.flatMap((group) =>
            domainsOf(group).map((domain) => (
              <Inline key={`${group.key} ${domain}`} space="space.100" alignBlock="center">
                <Text>{domain}</Text>
                {unused.has(`${group.key} ${domain}`) ? (
                  <Button
                    appearance="subtle"
                    isLoading={busy === domain}
                    onClick={() => void remove(group.key, domain)}
                    testId={`remove-domain-${domain}`}
                  >
                    {`Remove ${domain}`}
                  </Button>
                ) : (
                  <Text color="color.text.subtle">in use</Text>
                )}
              </Inline>
            )),
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}
