import { DateTimePicker } from '@atlaskit/datetime-picker';
import { Text } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { WebhookSummary } from '../../../src/contract/webhooks';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/api-error';
import { FormModal } from './form-modal';
import { adminMessage } from './admin-text';
import { exactTime } from './format-time';
import { FormField } from './form-field';
import { useNotify } from './notify';

const DAY_MS = 24 * 3600 * 1000;
/** The log keeps 7 days: nothing older can be replayed. */
const LOG_DAYS = 7;

/** Sends again every delivery that failed for good since a time the admin picks (a day ago by default). */
export function ReplayModal({ webhook, onClose, onQueued }: { webhook: WebhookSummary; onClose: () => void; onQueued: () => void }) {
  const notify = useNotify();
  const [since, setSince] = useState(() => new Date(Date.now() - DAY_MS).toISOString());
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = Date.parse(since);
    if (Number.isNaN(at)) return setError('Pick a date and a time.');
    if (at > Date.now()) return setError('Pick a time in the past.');
    setBusy(true);
    setError(undefined);
    try {
      const { queued } = await call('deliveries/replay', { webhookId: webhook.id, since: new Date(at).toISOString() });
      onQueued();
      if (queued === 0) notify.info('Nothing to replay', `No delivery to ${webhook.name} failed for good since ${exactTime(since)}.`);
      else
        notify.success(`Replaying ${queued} failed ${queued === 1 ? 'delivery' : 'deliveries'}`, 'They go out ahead of new changes, oldest first.');
      onClose();
    } catch (thrown) {
      setError(adminMessage(toApiError(thrown)));
      setBusy(false);
    }
  };

  return (
    <FormModal
      title={'Replay failed deliveries'}
      label={`Replay failed deliveries of ${webhook.name}`}
      submitLabel={'Replay'}
      busy={busy}
      failure={null}
      failureTitle="Could not replay"
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      width="medium"
      testId="webhook-replay"
    >
      <Text as="p">
        {`Every delivery to ${webhook.name} that failed for good since this time is sent again, once, with its original body and webhook-id (so a receiver that already has it can tell). The log keeps ${LOG_DAYS} days.`}
      </Text>
      <FormField id="replay-since" label="Failed since" isRequired error={error}>
        {(describedBy) => (
          <DateTimePicker
            id="replay-since"
            value={since}
            onChange={(value) => setSince(value)}
            isInvalid={error !== undefined}
            {...(describedBy ? { 'aria-describedby': describedBy } : {})}
            datePickerProps={{
              label: 'Date',
              minDate: new Date(Date.now() - LOG_DAYS * DAY_MS).toISOString().slice(0, 10),
              maxDate: new Date().toISOString().slice(0, 10),
            }}
            timePickerProps={{ label: 'Time', timeIsEditable: true }}
            clearControlLabel="Clear the time"
            testId="replay-since"
          />
        )}
      </FormField>
    </FormModal>
  );
}
