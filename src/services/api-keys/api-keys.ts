import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, notFound } from '../../errors';
import { claimApiKeyName, deleteApiKey, listApiKeys, readApiKey, saveApiKey, touchApiKey } from '../../storage/api-key-store';
import type { ApiKeyRecord } from '../../storage/api-key-store';

// Keys look like `prk_<id>_<secret>`: the id finds the stored secret, the secret proves possession.
const KEY_PATTERN = /^prk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
// Recording every use would cost a KVS write per request; an hour's precision is enough to spot unused keys.
const LAST_USED_PRECISION_MS = 3600_000;

export async function createApiKey(name: string, createdBy: string, now = new Date()): Promise<{ key: ApiKeyRecord; secret: string }> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 100)
    throw new AppError('INVALID_INPUT', 'name: must be 1 to 100 characters', {
      fields: [{ field: 'name', code: 'INVALID_NAME', message: 'name: must be 1 to 100 characters' }],
    });
  const id = randomBytes(8).toString('hex');
  // Names tell keys apart on the admin page, so each is unique, ignoring case. The listing covers keys made before
  // names were claimed; a query may still show a key just revoked, so what it finds is read again by key.
  const sameName = (await listApiKeys()).filter((k) => k.name.toLowerCase() === trimmed.toLowerCase());
  const listed = (await Promise.all(sameName.map(async (k) => ((await readApiKey(k.id)) ? k : undefined)))).find((k) => k !== undefined);
  const claim = listed ? undefined : await claimApiKeyName(trimmed, id);
  const taken = listed ?? (claim?.claimed === false ? claim.heldBy : undefined);
  if (taken) {
    const message = `name: a key named "${taken.name}" already exists; choose another name`;
    throw new AppError('INVALID_INPUT', message, { fields: [{ field: 'name', code: 'DUPLICATE_NAME', message }] });
  }
  const secret = randomBytes(32).toString('base64url');
  const record: ApiKeyRecord = { id, name: trimmed, prefix: `prk_${id}`, createdAt: now.toISOString(), createdBy, lastUsedAt: null };
  await saveApiKey(record, secret);
  return { key: record, secret: `prk_${id}_${secret}` };
}

export { listApiKeys };

export async function revokeApiKey(id: string): Promise<void> {
  if (!(await deleteApiKey(id))) throw notFound(`There is no API key ${id}`);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The key a bearer token belongs to, or undefined; compared in constant time. */
export async function verifyApiKey(token: string, now = new Date()): Promise<ApiKeyRecord | undefined> {
  const match = KEY_PATTERN.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const stored = await readApiKey(match[1]);
  if (!stored || !timingSafeEqual(digest(stored.secret), digest(match[2]))) return undefined;
  const lastUsed = stored.record.lastUsedAt === null ? 0 : Date.parse(stored.record.lastUsedAt);
  if (now.getTime() - lastUsed > LAST_USED_PRECISION_MS) await touchApiKey(stored.record.id, now);
  return stored.record;
}
