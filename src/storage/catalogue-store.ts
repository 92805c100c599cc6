import { kvs } from '@forge/kvs';
import { catalogueRecord, predefinedCatalogue } from '../core/fields/catalogue';
import type { CatalogueRecord } from '../core/fields/catalogue';
import { ENTITIES, HEADS, KEYS } from './keys';
import { counterOf, readEntity, writeIfUnchanged } from './guarded-write';

/** The field catalogue: one KVS entry. Until an admin first changes it, it is Projectrak's predefined set. */
export async function readCatalogue(): Promise<CatalogueRecord> {
  const stored: unknown = await kvs.get(KEYS.catalogue);
  return stored === undefined ? predefinedCatalogue() : catalogueRecord.parse(stored);
}

/** The catalogue with the version it was read at (read first), for a change that must not overwrite another admin's. */
export async function readCatalogueForChange(): Promise<{ record: CatalogueRecord; version: number }> {
  const version = counterOf(await readEntity(ENTITIES.head, HEADS.catalogue), 'version');
  return { record: await readCatalogue(), version };
}

/** Throws ConcurrentWriteError if the catalogue changed since `version` was read; nothing is written then. */
export async function writeCatalogue(record: CatalogueRecord, version: number): Promise<void> {
  const valid = catalogueRecord.parse(record);
  const guard = { entity: ENTITIES.head, key: HEADS.catalogue, attribute: 'version', expected: version, next: { version: version + 1 } };
  await writeIfUnchanged(guard, (tx) => tx.set(KEYS.catalogue, valid));
}

/**
 * Stores the predefined fields unless a catalogue is already there (a re-install, or a repeated setup, keeps it).
 * Forge names no error code for FAIL_IF_EXISTS on an existing key (docs/forge-platform.md, "KVS and custom
 * entities"): after a failure, the key is read again — there → nothing to do; absent → a real failure, rethrown.
 */
export async function seedCatalogue(): Promise<void> {
  try {
    await kvs.set(KEYS.catalogue, predefinedCatalogue(), { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if ((await kvs.get(KEYS.catalogue)) === undefined) throw error;
  }
}
