import '../../shared/controls.css';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';
import { ErrorBanner } from '../../shared/error-banner';
import { FormRow } from '../../shared/form-row';
import { formErrors } from './form-errors';

/** Names and generates a key for the inbound REST API; the answer carries its secret, shown once. */
export function GenerateKeyForm({ onGenerated }: { onGenerated: (answer: ResolverAnswer<'apikeys/create'>) => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const errors = formErrors(failure, ['name'] as const);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const answer = await call('apikeys/create', { name: name.trim() });
      setName('');
      onGenerated(answer);
    } catch (thrown) {
      setFailure(toApiError(thrown));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Generate an API key">
      <Stack space="space.150">
        <FormRow
          htmlFor="apikey-name"
          label="Key name"
          help="Say who or what will use it, e.g. “Reporting sync”."
          error={errors.byName.name}
          errorTestId="apikey-error-name"
        >
          <input
            id="apikey-name"
            className="pr-control"
            data-testid="apikey-name"
            maxLength={100}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </FormRow>
        {failure ? (
          <ErrorBanner error={failure} title="Could not generate the key">
            {errors.other.map((entry) => (
              <Text as="p" key={`${entry.field}-${entry.code}`}>
                {entry.field}: {entry.message}
              </Text>
            ))}
          </ErrorBanner>
        ) : null}
        <Inline>
          <Button type="submit" appearance="primary" isLoading={busy} testId="apikey-generate">
            Generate key
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
