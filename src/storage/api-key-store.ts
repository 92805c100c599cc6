import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { apiKeySummary } from '../contract/resolvers';
import { KEYS } from './keys';
import { queryAll } from './query-all';

export const apiKeyRecord = apiKeySummary;
export type ApiKeyRecord = z.infer<typeof apiKeyRecord>;

/** What can be listed lives in plain KVS; the secret itself only in Forge's encrypted secret store. */
export async function saveApiKey(record: ApiKeyRecord, secret: string): Promise<void> {
  await kvs.setSecret(KEYS.apiKeySecret(record.id), secret);
  await kvs.set(KEYS.apiKey(record.id), record);
}

/** The keys, each with when it was last used (kept apart, so recording a use never rewrites a revoked key). */
export async function listApiKeys(): Promise<ApiKeyRecord[]> {
  const [records, uses] = await Promise.all([queryAll(KEYS.apiKeyPrefix), queryAll(KEYS.apiKeyUsedPrefix)]);
  const lastUsed = new Map(uses.map((u) => [u.key.slice(KEYS.apiKeyUsedPrefix.length), z.string().parse(u.value)]));
  return records.map((entry) => {
    const record = apiKeyRecord.parse(entry.value);
    return { ...record, lastUsedAt: lastUsed.get(record.id) ?? null };
  });
}

export async function readApiKey(id: string): Promise<{ record: ApiKeyRecord; secret: string } | undefined> {
  const [record, secret, used] = await Promise.all([kvs.get(KEYS.apiKey(id)), kvs.getSecret(KEYS.apiKeySecret(id)), kvs.get(KEYS.apiKeyUsed(id))]);
  if (record === undefined || typeof secret !== 'string') return undefined;
  return {
    record: {
      ...apiKeyRecord.parse(record),
      lastUsedAt: z
        .string()
        .nullable()
        .parse(used ?? null),
    },
    secret,
  };
}

export async function touchApiKey(id: string, at: Date): Promise<void> {
  await kvs.set(KEYS.apiKeyUsed(id), at.toISOString());
}

/** Revoking removes the secret first: from then on the key authenticates nothing. */
export async function deleteApiKey(id: string): Promise<boolean> {
  const existing: unknown = await kvs.get(KEYS.apiKey(id));
  await kvs.deleteSecret(KEYS.apiKeySecret(id));
  await kvs.delete(KEYS.apiKey(id));
  await kvs.delete(KEYS.apiKeyUsed(id));
  return existing !== undefined;
}
