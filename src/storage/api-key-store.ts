import { createHash } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { apiKeySummary } from '../contract/resolvers';
import { KEYS } from './keys';
import { readItems, refId } from './read-items';
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
  const refs = [{ key: KEYS.apiKey(id) }, { key: KEYS.apiKeyUsed(id) }];
  const [found, secret] = await Promise.all([readItems(refs), kvs.getSecret(KEYS.apiKeySecret(id))]);
  const [record, used] = refs.map((ref) => found.get(refId(ref)));
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

const nameKey = (name: string) => KEYS.apiKeyName(createHash('sha256').update(name.trim().toLowerCase()).digest('hex'));

/**
 * Claims a name for a key, ignoring case; refused when a live key holds it. A get is strictly consistent and a query
 * is not (docs/forge-platform.md, "KVS and custom entities"), so the claim is one key written only if absent. Forge
 * names no error code for FAIL_IF_EXISTS on an existing key: after a failure the claim is read again.
 */
export async function claimApiKeyName(name: string, id: string): Promise<{ claimed: true } | { claimed: false; heldBy: ApiKeyRecord }> {
  const key = nameKey(name);
  try {
    await kvs.set(key, id, { keyPolicy: 'FAIL_IF_EXISTS' });
    return { claimed: true };
  } catch (error) {
    const holder: unknown = await kvs.get(key);
    if (holder === undefined) throw error;
    const held = typeof holder === 'string' ? apiKeyRecord.safeParse(await kvs.get(KEYS.apiKey(holder))) : undefined;
    if (held?.success) return { claimed: false, heldBy: held.data };
    // Left by a key that was never saved (its creation stopped between the two writes): the name is free.
    await kvs.set(key, id);
    return { claimed: true };
  }
}

/** Revoking removes the secret first: from then on the key authenticates nothing. Its name is then free again. */
export async function deleteApiKey(id: string): Promise<boolean> {
  const existing = apiKeyRecord.safeParse(await kvs.get(KEYS.apiKey(id)));
  await kvs.deleteSecret(KEYS.apiKeySecret(id));
  await kvs.delete(KEYS.apiKey(id));
  await kvs.delete(KEYS.apiKeyUsed(id));
  if (existing.success && (await kvs.get(nameKey(existing.data.name))) === id) await kvs.delete(nameKey(existing.data.name));
  return existing.success;
}
