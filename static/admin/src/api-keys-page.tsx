import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import AddIcon from '@atlaskit/icon/core/add';
import { Stack, Text } from '@atlaskit/primitives';
import { Suspense, useRef, useState } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { useAsync } from '../../shared/use-async';
import { useResolver } from '../../shared/use-resolver';
import { AccountIdFinder } from './account-id-finder';
import { ApiKeysTable, type ApiKeySummary } from './api-keys-table';
import { ExampleRequest } from './example-request';
import { ConfirmModal, GenerateKeyModal, SecretModal } from './lazy-panels';
import { useNotify } from './notify';
import { Subpage } from './subpage';
import { Opening } from './webhook-dialogs';

type Dialog = { kind: 'generate' } | { kind: 'secret'; created: ResolverAnswer<'apikeys/create'> } | { kind: 'revoke'; key: ApiKeySummary };

const loadUsers = () => call('lookup/users', {}).then((a) => a.users);

/** The API keys subpage: keys for the inbound REST API, how to call it, and the account ids user fields take. */
export function ApiKeysPage() {
  const notify = useNotify();
  const list = useResolver('apikeys/list', {});
  const users = useAsync(loadUsers, []);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const generateButton = useRef<HTMLButtonElement>(null);
  const close = () => setDialog(null);
  const names = new Map(users.status === 'ready' ? users.data.map((u) => [u.accountId, u.displayName] as const) : []);
  const generate = (
    <Button ref={generateButton} appearance="primary" iconBefore={AddIcon} onClick={() => setDialog({ kind: 'generate' })} testId="apikey-create">
      Generate key
    </Button>
  );

  return (
    <Subpage
      title="API keys"
      testId="apikeys-page"
      actions={generate}
      description={
        <Text as="p" color="color.text.subtle">
          Keys let other systems read and change project fields through Projectrak&apos;s REST API, in the name of the admin who made the key.
        </Text>
      }
    >
      <Stack space="space.300">
        {list.status === 'loading' ? <Loading label="Loading API keys…" /> : null}
        {list.status === 'error' ? <ErrorBanner error={list.error} title="Could not load the API keys" onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.keys.length === 0 ? (
          <EmptyState
            header="No API keys yet"
            headingLevel={2}
            description="Generate a key for each system that should set project fields, such as an import or a sync; revoke it when that system is gone."
            primaryAction={
              <Button appearance="primary" onClick={() => setDialog({ kind: 'generate' })} testId="apikey-create-empty">
                Generate your first key
              </Button>
            }
            testId="apikeys-empty"
          />
        ) : null}
        {list.status === 'ready' && list.data.keys.length > 0 ? (
          <ApiKeysTable keys={list.data.keys} names={names} onRevoke={(key) => setDialog({ kind: 'revoke', key })} />
        ) : null}
        <ExampleRequest />
        <AccountIdFinder users={users} />
      </Stack>
      <Suspense fallback={<Opening />}>
        {dialog?.kind === 'generate' ? (
          <GenerateKeyModal
            onClose={close}
            onGenerated={(created) => {
              list.reload();
              setDialog({ kind: 'secret', created });
            }}
          />
        ) : null}
        {dialog?.kind === 'secret' ? (
          <SecretModal
            title={`Copy the key “${dialog.created.key.name}” now`}
            what="the key"
            secret={dialog.created.secret}
            onClose={() => {
              close();
              notify.success(`Generated ${dialog.created.key.name}`);
            }}
            testId="apikey-secret"
          >
            <Text as="p">
              Use it as a bearer token: Authorization: Bearer &lt;key&gt;. Store it where the system that calls Projectrak keeps its secrets.
            </Text>
          </SecretModal>
        ) : null}
        {dialog?.kind === 'revoke' ? (
          <ConfirmModal
            title={`Revoke “${dialog.key.name}”?`}
            appearance="danger"
            confirmLabel="Revoke"
            testId="apikey-revoke-dialog"
            returnFocusTo={generateButton}
            onClose={close}
            onConfirm={async () => {
              await call('apikeys/revoke', { id: dialog.key.id });
              notify.success(`Revoked ${dialog.key.name}`, 'Calls with it are refused from now on.');
              list.reload();
            }}
          >
            <Text as="p">{`Every call made with ${dialog.key.prefix}… is refused from now on. This cannot be undone; generate a new key if it is needed again.`}</Text>
          </ConfirmModal>
        ) : null}
      </Suspense>
    </Subpage>
  );
}
