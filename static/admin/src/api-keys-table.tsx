import '../../shared/controls.css';
import { Text } from '@atlaskit/primitives';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { formatDateTime } from './format-date-time';
import { RevokeKeyButton } from './revoke-key-button';

export type ApiKeySummary = ResolverAnswer<'apikeys/list'>['keys'][number];

export interface ApiKeysTableProps {
  keys: readonly ApiKeySummary[];
  /** Account id → display name, where known. */
  names: ReadonlyMap<string, string>;
  revoking: ReadonlySet<string>;
  onRevoke: (id: string) => void;
}

/** The live API keys: name, visible prefix, who made it and when, last use, and a Revoke button. */
export function ApiKeysTable({ keys, names, revoking, onRevoke }: ApiKeysTableProps) {
  if (keys.length === 0) return <Text testId="apikeys-empty">No API keys yet.</Text>;
  return (
    <table className="pr-table" data-testid="apikeys-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key starts with</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">
            <span className="pr-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} data-testid={`apikey-row-${key.id}`}>
            <td>{key.name}</td>
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td>
              {formatDateTime(key.createdAt)}
              <Text as="p" size="small" color="color.text.subtle">
                by {names.get(key.createdBy) ?? key.createdBy}
              </Text>
            </td>
            <td>{formatDateTime(key.lastUsedAt, 'Never')}</td>
            <td>
              <RevokeKeyButton keyId={key.id} keyName={key.name} busy={revoking.has(key.id)} onRevoke={() => onRevoke(key.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
