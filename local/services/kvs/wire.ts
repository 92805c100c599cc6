import { JsonText } from '../../runtime/platform-response';
import type { Item } from './records';

export const METADATA_FIELDS = ['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/**
 * An item as Forge's JSON answers carry it. createdAt/updatedAt are epoch seconds (the SDK's own test
 * fixtures use 1718236800-style values) and expireTime an ISO-8601 string without milliseconds
 * ('2025-01-12T13:00:00Z' in the same fixtures). get/set answer with every field and let the SDK pick
 * the requested ones; query and batch get return data untouched, so they pass only what was asked for.
 */
export function wireItem(item: Item, fields: readonly MetadataField[], entityName?: string): Record<string, unknown> {
  // The stored JSON goes into the answer as it is (jsonAnswer writes a JsonText as its text).
  const out: Record<string, unknown> = { key: item.key, value: new JsonText(item.json) };
  if (entityName !== undefined) out['entityName'] = entityName;
  if (fields.includes('CREATED_AT')) out['createdAt'] = toSeconds(item.createdAt);
  if (fields.includes('UPDATED_AT')) out['updatedAt'] = toSeconds(item.updatedAt);
  if (fields.includes('EXPIRE_TIME') && item.expiresAt !== null) out['expireTime'] = toIsoSeconds(item.expiresAt);
  return out;
}

function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

function toIsoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
