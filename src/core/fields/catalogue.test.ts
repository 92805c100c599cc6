import { describe, expect, it } from 'vitest';
import type { CatalogueRecord } from './catalogue';
import { CATALOGUE_MAX_BYTES, catalogueRecord, catalogueTooLarge, predefinedCatalogue } from './catalogue';
import { PREDEFINED_FIELDS } from './predefined';

const FIELD_COUNT = 130;

/** A catalogue of 130 text fields, each described in `describe(i)`. */
const catalogueOf = (describe: (i: number) => string): CatalogueRecord => ({
  nextFieldId: 1011 + FIELD_COUNT,
  nextOptionId: 11,
  fields: Array.from({ length: FIELD_COUNT }, (_, i) => ({ id: 1011 + i, name: `Notes ${i}`, type: 'text', description: describe(i) })),
});

/**
 * A catalogue whose JSON takes exactly `bytes` bytes: its descriptions (at most 1000 characters each, as allowed)
 * are written in two-byte characters, one of them ending in a one-byte character when the count is odd.
 */
function catalogueOfBytes(bytes: number): CatalogueRecord {
  let room = bytes - Buffer.byteLength(JSON.stringify(catalogueOf(() => '')));
  const descriptions = Array.from({ length: FIELD_COUNT }, () => {
    const odd = room % 2;
    const pairs = Math.min(1000 - odd, Math.floor(room / 2));
    room -= pairs * 2 + odd;
    return 'é'.repeat(pairs) + 'x'.repeat(odd);
  });
  return catalogueOf((i) => descriptions[i] ?? '');
}

describe('field catalogue', () => {
  it("starts as Projectrak's predefined fields, with the next ids after them", () => {
    expect(predefinedCatalogue()).toEqual({ nextFieldId: 1011, nextOptionId: 11, fields: PREDEFINED_FIELDS });
  });

  it('reads back a stored catalogue exactly and refuses one without its counters', () => {
    const stored: unknown = JSON.parse(JSON.stringify(predefinedCatalogue()));
    expect(catalogueRecord.parse(stored)).toEqual(predefinedCatalogue());
    expect(catalogueRecord.safeParse({ fields: [] }).success).toBe(false);
  });

  it('stores a catalogue of exactly 240 KiB of UTF-8 and refuses one byte more, rounding the size up', () => {
    expect(CATALOGUE_MAX_BYTES).toBe(240 * 1024);
    const atLimit = catalogueOfBytes(240 * 1024);
    expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(245_760);
    expect(catalogueTooLarge(atLimit)).toBeUndefined();
    expect(catalogueTooLarge(catalogueOfBytes(240 * 1024 + 1))).toBe(
      'the field catalogue would take 241 KiB, over its limit of 240 KiB; shorten descriptions or option names, or remove fields you no longer use',
    );
  });

  it('counts bytes, not characters', () => {
    expect(catalogueTooLarge(catalogueOf(() => 'x'.repeat(1000)))).toBeUndefined();
    expect(catalogueTooLarge(catalogueOf(() => 'é'.repeat(1000)))).toMatch(/^the field catalogue would take 262 KiB, over its limit of 240 KiB;/);
  });

  it('stores the predefined catalogue', () => {
    expect(catalogueTooLarge(predefinedCatalogue())).toBeUndefined();
  });
});
