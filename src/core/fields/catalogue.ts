import { z } from 'zod';
import { fieldDefinition } from '../../contract/fields';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';

/** The field catalogue: every field with its options, and the next free field and option ids. */
export const catalogueRecord = z.object({
  nextFieldId: z.number().int().positive(),
  nextOptionId: z.number().int().positive(),
  fields: z.array(fieldDefinition),
});
export type CatalogueRecord = z.infer<typeof catalogueRecord>;

/** Projectrak's predefined fields, the catalogue until an admin first changes it. */
export const predefinedCatalogue = (): CatalogueRecord => ({
  nextFieldId: FIRST_FREE_FIELD_ID,
  nextOptionId: FIRST_FREE_OPTION_ID,
  fields: PREDEFINED_FIELDS,
});

/** The catalogue is one KVS value, and a KVS value holds at most 240 KiB (docs/forge-platform.md, "KVS and custom entities"). */
export const CATALOGUE_MAX_BYTES = 240 * 1024;

/** Why a catalogue cannot be stored, or undefined when it can; said before anything is written. */
export function catalogueTooLarge(record: CatalogueRecord): string | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (bytes <= CATALOGUE_MAX_BYTES) return undefined;
  return `the field catalogue would take ${Math.ceil(bytes / 1024)} KiB, over its limit of ${CATALOGUE_MAX_BYTES / 1024} KiB; shorten descriptions or option names, or remove fields you no longer use`;
}
