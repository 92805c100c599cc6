import '../../shared/controls.css';
import Button from '@atlaskit/button/new';
import { Inline, Stack } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { describedBy, FormRow } from '../../shared/form-row';
import { useSubmit } from '../../shared/use-submit';
import { FormFailure } from './form-failure';
import { formErrors } from './form-errors';

/** Names and generates a key for the inbound REST API; the answer carries its secret, shown once. */
export function GenerateKeyForm({
  onGenerated,
  disabled = false,
}: {
  onGenerated: (answer: ResolverAnswer<'apikeys/create'>) => void;
  disabled?: boolean;
}) {
  const [name, setName] = useState('');
  const { busy, failure, run } = useSubmit();
  const errors = formErrors(failure, ['name'] as const);

  const submit = (event: FormEvent) =>
    run(event, async () => {
      const answer = await call('apikeys/create', { name: name.trim() });
      setName('');
      onGenerated(answer);
    });

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
            aria-describedby={describedBy('apikey-name', { help: 'yes', error: errors.byName.name })}
            aria-invalid={errors.byName.name !== undefined}
            className="pr-control"
            data-testid="apikey-name"
            maxLength={100}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </FormRow>
        <FormFailure failure={failure} title="Could not generate the key" other={errors.other} />
        <Inline>
          <Button type="submit" appearance="primary" isLoading={busy} isDisabled={disabled} testId="apikey-generate">
            Generate key
          </Button>
        </Inline>
      </Stack>
    </form>
  );
}
