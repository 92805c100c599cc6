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
