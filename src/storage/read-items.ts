import { kvs } from '@forge/kvs';

/** A key of plain KVS, or of a custom entity when `entityName` is given. */
export interface ItemRef {
  key: string;
  entityName?: string;
}

/** Forge takes at most 25 keys per batch (docs/forge-platform.md, "KVS and custom entities"). */
const BATCH_KEYS = 25;

export const refId = (ref: ItemRef): string => `${ref.entityName ?? ''}\u0000${ref.key}`;

/**
 * Several items of plain KVS and custom entities read together, 25 to a request (a batch refuses a key twice, so each is
 * asked once): what one look needs costs one request, not one per item. Answers the items found, by `refId`. Like the
 * app's other reads by key, taken as strictly consistent (docs/forge-platform.md, "Data consistency").
 */
export async function readItems(refs: readonly ItemRef[]): Promise<Map<string, unknown>> {
  const unique = [...new Map(refs.map((ref) => [refId(ref), ref])).values()];
  const found = new Map<string, unknown>();
  for (let i = 0; i < unique.length; i += BATCH_KEYS) {
    const batch = unique
      .slice(i, i + BATCH_KEYS)
      .map((ref) => (ref.entityName === undefined ? { key: ref.key } : { key: ref.key, entityName: ref.entityName }));
    const { successfulKeys } = await kvs.batchGet<unknown>(batch);
    for (const item of successfulKeys)
      found.set(refId(item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName }), item.value);
  }
  return found;
}
