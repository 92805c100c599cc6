import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { useState } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { useNotify } from './notify';

/**
 * A webhook Projectrak disabled, or that holds deliveries: why, how many wait, and the two ways out — send them
 * (which turns the webhook on again) or discard them.
 */
export function HeldDeliveries({ webhook, onChanged, onDiscard }: { webhook: WebhookSummary; onChanged: () => void; onDiscard: () => void }) {
  const notify = useNotify();
  const [sending, setSending] = useState(false);
  const { held } = webhook.counts;
  if (webhook.disabledReason === null && held === 0) return null;

  const send = async () => {
    setSending(true);
    try {
      await call('deliveries/held', { webhookId: webhook.id, action: 'send' });
      notify.success(`${webhook.name} is on again`, held > 0 ? `Its ${held} held deliveries go out now, oldest first.` : undefined);
      onChanged();
    } catch (thrown) {
      notify.failure('Could not send the held deliveries', thrown);
    } finally {
      setSending(false);
    }
  };

  const title =
    webhook.disabledReason !== null ? 'Projectrak disabled this webhook' : `${held} ${held === 1 ? 'delivery is' : 'deliveries are'} held`;
  return (
    <SectionMessage appearance="warning" title={title} testId="held-deliveries">
      <Stack space="space.100">
        {webhook.disabledReason !== null ? <Text as="p" testId="disabled-reason">{`Why: ${webhook.disabledReason}.`}</Text> : null}
        <Text as="p" testId="held-count">
          {held === 0
            ? 'No deliveries are waiting for it.'
            : `${held} ${held === 1 ? 'change is' : 'changes are'} waiting for it, in order. Fix the receiver, then send them; or discard them.`}
        </Text>
        <Inline space="space.100">
          <Button appearance="primary" onClick={() => void send()} isLoading={sending} testId="held-send">
            {held > 0 ? 'Turn on and send held deliveries' : 'Turn on again'}
          </Button>
          {held > 0 ? (
            <Button onClick={onDiscard} testId="held-discard">
              Discard held deliveries
            </Button>
          ) : null}
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
