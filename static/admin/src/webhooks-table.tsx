import './admin.css';
import Badge from '@atlaskit/badge';
import Button, { IconButton } from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import DeleteIcon from '@atlaskit/icon/core/delete';
import Lozenge from '@atlaskit/lozenge';
import EditIcon from '@atlaskit/icon/core/edit';
import { Inline, Text } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import Tooltip from '@atlaskit/tooltip';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { HealthChart } from './health-chart';
import { RelativeTime } from './relative-time';
import { StatusLozenge } from './status-lozenge';
import { isActive } from './webhook-status';

export interface WebhooksTableProps {
  webhooks: WebhookSummary[];
  /** Webhooks whose enable/disable is being saved. */
  switching: ReadonlySet<string>;
  onOpen: (webhook: WebhookSummary) => void;
  onEdit: (webhook: WebhookSummary) => void;
  onDelete: (webhook: WebhookSummary) => void;
  onToggle: (webhook: WebhookSummary, on: boolean) => void;
}

const head = {
  cells: [
    { key: 'name', content: 'Name' },
    { key: 'url', content: 'URL' },
    { key: 'last', content: 'Last execution' },
    { key: 'status', content: 'Status' },
    { key: 'held', content: 'Held' },
    { key: 'health', content: 'Last 24 hours' },
    { key: 'on', content: 'On' },
    { key: 'actions', content: 'Actions', isIconOnlyHeader: true },
  ],
};

function Held({ webhook }: { webhook: WebhookSummary }) {
  const { held } = webhook.counts;
  if (held === 0) return <Text color="color.text.subtlest">—</Text>;
  return (
    <Tooltip content={`${held} ${held === 1 ? 'delivery is' : 'deliveries are'} held while the webhook is off. Open it to send or discard them.`}>
      {(props) => (
        <span {...props} tabIndex={0} data-testid={`webhook-held-${webhook.id}`}>
          <Badge appearance="important">{held}</Badge>
        </span>
      )}
    </Tooltip>
  );
}

/** The webhooks with their last execution, status, held deliveries and health; name opens one, with its delivery log. */
export function WebhooksTable({ webhooks, switching, onOpen, onEdit, onDelete, onToggle }: WebhooksTableProps) {
  const rows = webhooks.map((webhook) => ({
    key: webhook.id,
    testId: `webhook-row-${webhook.id}`,
    cells: [
      {
        key: 'name',
        content: (
          <Inline space="space.050" alignBlock="center" shouldWrap>
            <Button appearance="subtle" onClick={() => onOpen(webhook)} testId={`webhook-open-${webhook.id}`}>
              {webhook.name}
            </Button>
            {webhook.sandboxReceiver ? <Lozenge appearance="new">Sandbox receiver</Lozenge> : null}
          </Inline>
        ),
      },
      {
        key: 'url',
        content: (
          <Tooltip content={webhook.url}>
            {(props) => (
              <span {...props} className="pr-url pr-focus-target" tabIndex={0} data-testid={`webhook-url-${webhook.id}`}>
                {webhook.url}
              </span>
            )}
          </Tooltip>
        ),
      },
      { key: 'last', content: <RelativeTime iso={webhook.status.lastAttemptAt} empty="Never" testId={`webhook-last-${webhook.id}`} /> },
      { key: 'status', content: <StatusLozenge webhook={webhook} /> },
      { key: 'held', content: <Held webhook={webhook} /> },
      { key: 'health', content: <HealthChart webhook={webhook} /> },
      {
        key: 'on',
        content: (
          <Toggle
            id={`webhook-toggle-${webhook.id}`}
            label={`${webhook.name} is on`}
            isChecked={isActive(webhook)}
            isLoading={switching.has(webhook.id)}
            onChange={(event) => onToggle(webhook, event.currentTarget.checked)}
            testId={`webhook-toggle-${webhook.id}`}
          />
        ),
      },
      {
        key: 'actions',
        content: (
          <Inline space="space.050">
            <IconButton
              icon={EditIcon}
              label={`Edit ${webhook.name}`}
              appearance="subtle"
              onClick={() => onEdit(webhook)}
              testId={`webhook-edit-${webhook.id}`}
            />
            <IconButton
              icon={DeleteIcon}
              label={`Delete ${webhook.name}`}
              appearance="subtle"
              onClick={() => onDelete(webhook)}
              testId={`webhook-delete-${webhook.id}`}
            />
          </Inline>
        ),
      },
    ],
  }));
  return <DynamicTable head={head} rows={rows} testId="webhooks-table" label="Webhooks" />;
}
