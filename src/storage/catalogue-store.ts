import { kvs } from '@forge/kvs';
import { catalogueRecord, predefinedCatalogue as predefined } from '../core/fields/catalogue';
import type { CatalogueRecord } from '../core/fields/catalogue';
import { ENTITIES, HEADS, KEYS } from './keys';
import { readVersion, writeIfUnchanged } from './versioned-write';

/** The field catalogue: one KVS entry. Until an admin first changes it, it is Projectrak's predefined set. */
export async function readCatalogue(): Promise<CatalogueRecord> {
  const stored: unknown = await kvs.get(KEYS.catalogue);
  return stored === undefined ? predefined() : catalogueRecord.parse(stored);
}

/** The catalogue with the version it was read at, for a change that must not overwrite another admin's. */
export async function readCatalogueForChange(): Promise<{ record: CatalogueRecord; version: number }> {
  const version = await readVersion(ENTITIES.head, HEADS.catalogue);
  return { record: await readCatalogue(), version };
}

/** Throws ConcurrentWriteError if the catalogue changed since `version` was read; nothing is written then. */
export async function writeCatalogue(record: CatalogueRecord, version: number): Promise<void> {
  const valid = catalogueRecord.parse(record);
  await writeIfUnchanged(ENTITIES.head, HEADS.catalogue, version, (tx) => tx.set(KEYS.catalogue, valid));
}

/** On install: store the predefined fields unless a catalogue is already there (a re-install keeps it). */
export async function seedCatalogue(): Promise<void> {
  try {
    await kvs.set(KEYS.catalogue, predefined(), { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (error) {
    if ((error as { code?: string }).code !== 'KEY_ALREADY_EXISTS') throw error;
  }
}
