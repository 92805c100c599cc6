import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { Stack, Text } from '@atlaskit/primitives';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { RelativeTime } from './relative-time';

export type ApiKeySummary = ResolverAnswer<'apikeys/list'>['keys'][number];

export interface ApiKeysTableProps {
  keys: readonly ApiKeySummary[];
  /** Account id → display name, where known. */
  names: ReadonlyMap<string, string>;
  onRevoke: (key: ApiKeySummary) => void;
}

const head = {
  cells: [
    { key: 'name', content: 'Name' },
    { key: 'prefix', content: 'Key starts with' },
    { key: 'created', content: 'Created' },
    { key: 'used', content: 'Last used' },
    { key: 'actions', content: 'Actions' },
  ],
};

/** The live API keys: name, visible prefix, who made it and when, last use (to the hour), and Revoke. */
export function ApiKeysTable({ keys, names, onRevoke }: ApiKeysTableProps) {
  const rows = keys.map((key) => ({
    key: key.id,
    testId: `apikey-row-${key.id}`,
    cells: [
      { key: 'name', content: <Text weight="medium">{key.name}</Text> },
      { key: 'prefix', content: <code>{`${key.prefix}…`}</code> },
      {
        key: 'created',
        content: (
          <Stack space="space.025">
            <RelativeTime iso={key.createdAt} />
            <Text size="small" color="color.text.subtle">{`by ${names.get(key.createdBy) ?? key.createdBy}`}</Text>
          </Stack>
        ),
      },
      { key: 'used', content: <RelativeTime iso={key.lastUsedAt} empty="Never" /> },
      {
        key: 'actions',
        content: (
          <Button appearance="subtle" onClick={() => onRevoke(key)} testId={`apikey-revoke-${key.id}`} aria-label={`Revoke ${key.name}`}>
            Revoke
          </Button>
        ),
      },
    ],
  }));
  return <DynamicTable head={head} rows={rows} testId="apikeys-table" label="API keys" />;
}
