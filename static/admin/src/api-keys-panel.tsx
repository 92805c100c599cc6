import Heading from '@atlaskit/heading';
import { Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';
import { ErrorBanner } from '../../shared/error-banner';
import { Loading } from '../../shared/loading';
import { Panel } from '../../shared/panel';
import { useAsync } from '../../shared/use-async';
import { useResolver } from '../../shared/use-resolver';
import { ApiKeysTable } from './api-keys-table';
import { GenerateKeyForm } from './generate-key-form';
import { SecretBox } from './secret-box';

/** Who created a key, by name; the table falls back to account ids if the list cannot be read. */
function loadUserNames(): Promise<Map<string, string>> {
  return call('lookup/users', {}).then(
    (answer) => new Map(answer.users.map((user) => [user.accountId, user.displayName])),
    () => new Map(),
  );
}

/** The "API keys" panel: keys for the inbound REST API, generated here (secret shown once) and revoked here. */
export function ApiKeysPanel() {
  const list = useResolver('apikeys/list', {});
  const names = useAsync(loadUserNames, []);
  const [created, setCreated] = useState<ResolverAnswer<'apikeys/create'> | null>(null);
  const [revoking, setRevoking] = useState<ReadonlySet<string>>(new Set());
  const [revokeFailure, setRevokeFailure] = useState<ApiError | null>(null);

  const revoke = async (id: string) => {
    setRevoking((ids) => new Set(ids).add(id));
    setRevokeFailure(null);
    try {
      await call('apikeys/revoke', { id });
      if (created?.key.id === id) setCreated(null);
      list.reload();
    } catch (thrown) {
      setRevokeFailure(toApiError(thrown));
    } finally {
      setRevoking((ids) => new Set([...ids].filter((other) => other !== id)));
    }
  };

  return (
    <Panel title="API keys" testId="apikeys-panel">
      <Text as="p" color="color.text.subtle">
        Keys let other systems read and change project fields through Projectrak&apos;s REST API.
      </Text>
      {created ? <SecretBox key={created.key.id} keyName={created.key.name} secret={created.secret} onDone={() => setCreated(null)} /> : null}
      {revokeFailure ? <ErrorBanner error={revokeFailure} title="Could not revoke the key" /> : null}
      {list.status === 'loading' ? <Loading label="Loading API keys…" /> : null}
      {list.status === 'error' ? <ErrorBanner error={list.error} title="Could not load the API keys" onRetry={list.reload} /> : null}
      {list.status === 'ready' ? (
        <ApiKeysTable
          keys={list.data.keys}
          names={names.status === 'ready' ? names.data : new Map()}
          revoking={revoking}
          onRevoke={(id) => void revoke(id)}
        />
      ) : null}
      <Heading size="xsmall" as="h3">
        Generate a key
      </Heading>
      <GenerateKeyForm
        // One secret on screen at a time: store (and dismiss) it before generating another.
        disabled={created !== null}
        onGenerated={(answer) => {
          setCreated(answer);
          list.reload();
        }}
      />
    </Panel>
  );
}
