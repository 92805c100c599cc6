import './admin.css';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import ChevronDownIcon from '@atlaskit/icon/core/chevron-down';
import ChevronRightIcon from '@atlaskit/icon/core/chevron-right';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useId, useState } from 'react';
import type { DeliveryLogEntry } from '../../../src/contract/webhooks';
import { RelativeTime } from './relative-time';

const entryStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
  padding: 'space.150',
});

const TRIGGER_LABELS: Record<DeliveryLogEntry['trigger'], string> = {
  change: 'Change',
  redeliver: 'Redelivery',
  test: 'Test event',
  replay: 'Replay',
};

const headersText = (headers: Record<string, string>) =>
  Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Block({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <Stack space="space.050">
      <Heading size="xxsmall" as="h4">
        {title}
      </Heading>
      <pre className="pr-code" data-testid={testId} tabIndex={0}>
        {text || '(empty)'}
      </pre>
    </Stack>
  );
}

/** One attempt of the log: when, why, what came of it; the request and response on demand; Redeliver. */
export function DeliveryEntry({ entry, redelivering, onRedeliver }: { entry: DeliveryLogEntry; redelivering: boolean; onRedeliver: () => void }) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const outcome = entry.httpStatus !== null ? `HTTP ${entry.httpStatus}` : (entry.errorClass ?? 'no answer');
  return (
    <Box xcss={entryStyles} testId={`delivery-${entry.id}`}>
      <Stack space="space.100">
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <Button
            appearance="subtle"
            iconBefore={open ? ChevronDownIcon : ChevronRightIcon}
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            testId={`delivery-toggle-${entry.id}`}
          >
            {open ? 'Hide request and response' : 'Show request and response'}
          </Button>
          <RelativeTime iso={entry.at} />
          <Lozenge appearance={entry.status === 'OK' ? 'success' : 'removed'} isBold testId={`delivery-status-${entry.id}`}>
            {entry.status}
          </Lozenge>
          <Text testId={`delivery-outcome-${entry.id}`}>{outcome}</Text>
          <Lozenge testId={`delivery-trigger-${entry.id}`}>{TRIGGER_LABELS[entry.trigger]}</Lozenge>
          <Text color="color.text.subtle">{`Attempt ${entry.attempt} · ${entry.durationMs} ms`}</Text>
          <Button appearance="default" isLoading={redelivering} onClick={onRedeliver} testId={`delivery-redeliver-${entry.id}`}>
            Redeliver
          </Button>
        </Inline>
        <Text size="small" color="color.text.subtle">
          {[
            entry.reason,
            `Next: ${entry.next}`,
            entry.projectKey ? `Project ${entry.projectKey}${entry.sequence ? ` · change ${entry.sequence}` : ''}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {open ? (
          <Stack space="space.150" id={detailsId} testId={`delivery-details-${entry.id}`}>
            <Text size="small">
              <strong>POST</strong> {entry.request.url} · webhook-id <code>{entry.messageId}</code>
            </Text>
            <Block title="Request headers" text={headersText(entry.request.headers)} testId={`delivery-request-headers-${entry.id}`} />
            <Block title="Request body" text={pretty(entry.request.body)} testId={`delivery-request-body-${entry.id}`} />
            {entry.response ? (
              <>
                <Block title="Response headers" text={headersText(entry.response.headers)} testId={`delivery-response-headers-${entry.id}`} />
                <Block
                  title={entry.response.truncated ? 'Response body (cut short: only its start is kept)' : 'Response body'}
                  text={entry.response.body}
                  testId={`delivery-response-body-${entry.id}`}
                />
              </>
            ) : (
              <Text color="color.text.subtle">No response: {entry.reason ?? 'the receiver did not answer'}.</Text>
            )}
          </Stack>
        ) : null}
      </Stack>
    </Box>
  );
}
