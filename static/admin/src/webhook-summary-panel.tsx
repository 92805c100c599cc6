import { Inline, Stack, Text } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import { useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { DetailRow } from '../../shared/detail-row';
import { Panel } from '../../shared/panel';
import { HealthChart } from './health-chart';
import { useNotify } from './notify';
import { RelativeTime } from './relative-time';
import { StatusLozenge } from './status-lozenge';
import { isActive, statusView } from './webhook-status';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a webhook is set to and how it is doing. */
export function WebhookSummaryPanel({ webhook, onChanged }: { webhook: WebhookSummary; onChanged: () => void }) {
  const notify = useNotify();
  const [switching, setSwitching] = useState(false);
  const { counts, filters, status } = webhook;
  const toggle = async (on: boolean) => {
    setSwitching(true);
    try {
      await call(on ? 'webhooks/enable' : 'webhooks/disable', { id: webhook.id });
      notify.success(on ? `${webhook.name} is on` : `${webhook.name} is off`);
      onChanged();
    } catch (thrown) {
      notify.failure(`Could not turn ${webhook.name} ${on ? 'on' : 'off'}`, thrown);
    } finally {
      setSwitching(false);
    }
  };
  return (
    <Panel title="Status and settings" testId="webhook-summary">
      <Stack space="space.150">
        <DetailRow label="Status">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <StatusLozenge webhook={webhook} />
            <Text color="color.text.subtle" testId="webhook-status-detail">
              {statusView(webhook).detail}
            </Text>
          </Inline>
        </DetailRow>
        <DetailRow label="On">
          <Toggle
            id="webhook-page-toggle"
            label={`${webhook.name} is on`}
            isChecked={isActive(webhook)}
            isLoading={switching}
            onChange={(e) => void toggle(e.currentTarget.checked)}
            testId="webhook-page-toggle"
          />
        </DetailRow>
        <DetailRow label="URL">
          <Text testId="webhook-page-url">{webhook.url}</Text>
        </DetailRow>
        <DetailRow label="Last execution">
          <RelativeTime iso={status.lastAttemptAt} testId="webhook-page-last" />
        </DetailRow>
        <DetailRow label="Last delivered">
          <RelativeTime iso={status.lastSuccessAt} />
        </DetailRow>
        <DetailRow label="Last 24 hours">
          <Inline space="space.100" alignBlock="center">
            <HealthChart webhook={webhook} />
            <Text>{`${counts.delivered} delivered, ${counts.failed} failed, ${counts.pending} waiting, ${counts.held} held`}</Text>
          </Inline>
        </DetailRow>
        <DetailRow label="Sends">
          <Text>
            {`${filters.projects === null ? 'Every project' : plural(filters.projects.length, 'chosen project', 'chosen projects')}; ${
              filters.fields === null ? 'every field' : plural(filters.fields.length, 'chosen field', 'chosen fields')
            }${webhook.strictOrder ? '; strict order' : ''}`}
          </Text>
        </DetailRow>
        <DetailRow label="Custom headers">
          <Text>{webhook.headers.length === 0 ? 'None' : webhook.headers.map((h) => h.name).join(', ')}</Text>
        </DetailRow>
        <DetailRow label="Signing secret">
          {webhook.secretRotatedAt ? (
            <Inline space="space.050">
              <Text>Rotated</Text>
              <RelativeTime iso={webhook.secretRotatedAt} />
            </Inline>
          ) : (
            <Text>Set when it was created</Text>
          )}
        </DetailRow>
      </Stack>
    </Panel>
  );
}
