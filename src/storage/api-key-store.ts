import { kvs } from '@forge/kvs';
import type { z } from 'zod';
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

export async function listApiKeys(): Promise<ApiKeyRecord[]> {
  return (await queryAll(KEYS.apiKeyPrefix)).map((entry) => apiKeyRecord.parse(entry.value));
}

export async function readApiKey(id: string): Promise<{ record: ApiKeyRecord; secret: string } | undefined> {
  const [record, secret] = await Promise.all([kvs.get(KEYS.apiKey(id)), kvs.getSecret(KEYS.apiKeySecret(id))]);
  if (record === undefined || typeof secret !== 'string') return undefined;
  return { record: apiKeyRecord.parse(record), secret };
}

export async function touchApiKey(record: ApiKeyRecord, at: Date): Promise<void> {
  await kvs.set(KEYS.apiKey(record.id), { ...record, lastUsedAt: at.toISOString() });
}

/** Revoking removes the secret first: from then on the key authenticates nothing. */
export async function deleteApiKey(id: string): Promise<boolean> {
  const existing: unknown = await kvs.get(KEYS.apiKey(id));
  await kvs.deleteSecret(KEYS.apiKeySecret(id));
  await kvs.delete(KEYS.apiKey(id));
  return existing !== undefined;
}
