import Textfield from '@atlaskit/textfield';
import { useRef, useState, type FormEvent } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { toApiError } from '../../shared/api-error';
import { FormModal } from './form-modal';
import { adminMessage } from './admin-text';
import { FormField } from './form-field';
import { serverErrors } from './server-errors';

/** Names a key for the inbound REST API (names are unique) and generates it; its secret is shown next, once. */
export function GenerateKeyModal({ onGenerated, onClose }: { onGenerated: (answer: ResolverAnswer<'apikeys/create'>) => void; onClose: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (name.trim() === '') {
      setError('Say who or what will use the key, such as “Reporting sync”.');
      return input.current?.focus();
    }
    setBusy(true);
    try {
      onGenerated(await call('apikeys/create', { name: name.trim() }));
    } catch (thrown) {
      const refused = toApiError(thrown);
      const { byField, rest } = serverErrors(refused, ['name']);
      setError(byField.name);
      setFailure(byField.name && rest.length === 0 ? null : rest.join(' ') || adminMessage(refused));
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <FormModal
      title={'Generate an API key'}
      label={'Generate an API key'}
      submitLabel={'Generate'}
      busy={busy}
      failure={failure}
      failureTitle={'Could not generate the key'}
      onSubmit={(event) => void submit(event)}
      onClose={onClose}
      width="small"
      autoFocus={input}
      testId="apikey-form"
    >
      <FormField id="apikey-name" label="Name" isRequired error={error} help="Who or what will use it. Each key has its own name.">
        {(describedBy) => (
          <Textfield
            ref={input}
            id="apikey-name"
            value={name}
            maxLength={100}
            isInvalid={error !== undefined}
            aria-describedby={describedBy}
            onChange={(e) => setName(e.currentTarget.value)}
            testId="apikey-name"
          />
        )}
      </FormField>
    </FormModal>
  );
}
