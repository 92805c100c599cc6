import Avatar from '@atlaskit/avatar';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useRef, useState } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { ErrorBanner } from '../../shared/error-banner';
import { Panel } from '../../shared/panel';
import type { AsyncResult } from '../../shared/use-async';
import { CopyButton } from './copy-button';
import { FormField } from './form-field';

type User = ResolverAnswer<'lookup/users'>['users'][number];

/** User fields take Atlassian account ids: pick a person to see (and copy) theirs. */
export function AccountIdFinder({ users }: { users: AsyncResult<User[]> }) {
  const [chosen, setChosen] = useState<User | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const options = users.status === 'ready' ? users.data.map((u) => ({ label: u.displayName, value: u.accountId })) : [];
  return (
    <Panel title="Account ids for user fields" testId="account-id-finder">
      <Stack space="space.150">
        <Text as="p">User fields (such as Stakeholders) take Atlassian account ids in the REST API. Pick a person to get theirs.</Text>
        {users.status === 'error' ? <ErrorBanner error={users.error} title="Could not list the people of this site" onRetry={users.reload} /> : null}
        <FormField id="account-id-user" label="Person">
          {(describedBy) => (
            <Select
              inputId="account-id-user"
              options={options}
              isLoading={users.status === 'loading'}
              value={chosen ? { label: chosen.displayName, value: chosen.accountId } : null}
              onChange={(option) => setChosen(option ? { displayName: option.label, accountId: option.value } : null)}
              formatOptionLabel={(option) => (
                <Inline space="space.100" alignBlock="center">
                  <Avatar size="xsmall" name={option.label} />
                  <span>{option.label}</span>
                </Inline>
              )}
              aria-describedby={describedBy}
              placeholder="Search people"
              isClearable
              testId="account-id-user"
            />
          )}
        </FormField>
        {chosen ? (
          <Stack space="space.100">
            <Textfield
              ref={field}
              isReadOnly
              isMonospaced
              value={chosen.accountId}
              aria-label={`Account id of ${chosen.displayName}`}
              testId="account-id-value"
            />
            <CopyButton text={chosen.accountId} what="the account id" fallback={field} testId="account-id-copy" />
          </Stack>
        ) : null}
      </Stack>
    </Panel>
  );
}
