import { z } from 'zod';
import { attributeNameProblem, entityNameProblem, indexNameProblem, KEY_INDEX_NAME, MAX_ATTRIBUTES, MAX_ENTITIES, MAX_INDEXES } from './entity-names';

/*
 * The custom entities an app declares under `app.storage.entities` in manifest.yml, as Forge reads them
 * (/platform/forge/storage-reference/entities-manifest/; docs/forge-platform.md, "KVS and custom entities"):
 * typed attributes, and indexes that are either an attribute name (a "simple" index, whose range is that
 * attribute) or `{ name, range: [one attribute], partition?: [attributes] }`. Range and partition attributes
 * cannot be of type `any`. Every entity also has the `by-key` index, whose range is the key.
 */
export const ATTRIBUTE_TYPES = ['string', 'integer', 'float', 'boolean', 'any'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
export type IndexableType = Exclude<AttributeType, 'any'>;

export interface IndexedAttribute {
  name: string;
  type: IndexableType;
}
/** `range: 'key'` is the key index; otherwise the declared range attribute. */
export interface IndexDef {
  name: string;
  partition: IndexedAttribute[];
  range: 'key' | IndexedAttribute;
}
export interface EntityDef {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, IndexDef>;
}
export type EntityCatalog = ReadonlyMap<string, EntityDef>;

const indexEntry = z.union([z.string(), z.object({ name: z.string(), range: z.array(z.string()), partition: z.array(z.string()).optional() })]);
const entityEntry = z.object({
  name: z.string(),
  attributes: z.record(z.string(), z.object({ type: z.enum(ATTRIBUTE_TYPES) })),
  indexes: z.array(indexEntry).optional(),
});
type IndexEntry = z.infer<typeof indexEntry>;

export class EntityDeclarationError extends Error {
  constructor(field: string, reason: string) {
    super(`manifest.yml app.storage.entities${field}: ${reason}`);
    this.name = 'EntityDeclarationError';
  }
}

/** Reads the declarations (unknown: straight from manifest.yml) into a catalogue, or throws naming the field at fault. */
export function readEntityDeclarations(raw: unknown): EntityCatalog {
  const parsed = z.array(entityEntry).safeParse(raw ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EntityDeclarationError(pathOf(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  if (parsed.data.length > MAX_ENTITIES) throw new EntityDeclarationError('', `an app can declare at most ${MAX_ENTITIES} entities`);
  const catalog = new Map<string, EntityDef>();
  parsed.data.forEach((entry, i) => {
    const at = `[${i}]`;
    const nameProblem = entityNameProblem(entry.name);
    if (nameProblem !== undefined) throw new EntityDeclarationError(`${at}.name`, `"${entry.name}" ${nameProblem}`);
    if (catalog.has(entry.name)) throw new EntityDeclarationError(`${at}.name`, `"${entry.name}" is declared twice`);
    const attributes = readAttributes(entry.attributes, at);
    catalog.set(entry.name, { name: entry.name, attributes, indexes: readIndexes(entry.indexes ?? [], attributes, at) });
  });
  return catalog;
}

function readAttributes(declared: Record<string, { type: AttributeType }>, at: string): Map<string, AttributeType> {
  const entries = Object.entries(declared);
  if (entries.length > MAX_ATTRIBUTES) throw new EntityDeclarationError(`${at}.attributes`, `at most ${MAX_ATTRIBUTES} attributes`);
  for (const [name] of entries) {
    const problem = attributeNameProblem(name);
    if (problem !== undefined) throw new EntityDeclarationError(`${at}.attributes.${name}`, `the name ${problem}`);
  }
  return new Map(entries.map(([name, { type }]) => [name, type]));
}

function readIndexes(entries: IndexEntry[], attributes: Map<string, AttributeType>, at: string): Map<string, IndexDef> {
  if (entries.length > MAX_INDEXES) throw new EntityDeclarationError(`${at}.indexes`, `at most ${MAX_INDEXES} indexes`);
  const indexes = new Map<string, IndexDef>([[KEY_INDEX_NAME, { name: KEY_INDEX_NAME, partition: [], range: 'key' }]]);
  entries.forEach((entry, j) => {
    const field = `${at}.indexes[${j}]`;
    const named = typeof entry === 'string' ? { name: entry, range: [entry], partition: [] } : { ...entry, partition: entry.partition ?? [] };
    const problem = indexNameProblem(named.name);
    if (problem !== undefined) throw new EntityDeclarationError(field, `index name "${named.name}" ${problem}`);
    if (indexes.has(named.name)) throw new EntityDeclarationError(field, `index "${named.name}" is declared twice`);
    // The manifest reference: "This parameter can only have one attribute."
    if (named.range.length !== 1) throw new EntityDeclarationError(`${field}.range`, 'must name exactly one attribute');
    const [range] = named.range as [string];
    indexes.set(named.name, {
      name: named.name,
      range: indexed(range, attributes, `${field}.range`),
      partition: named.partition.map((name, k) => indexed(name, attributes, `${field}.partition[${k}]`)),
    });
  });
  return indexes;
}

function indexed(name: string, attributes: Map<string, AttributeType>, field: string): IndexedAttribute {
  const type = attributes.get(name);
  if (type === undefined) throw new EntityDeclarationError(field, `"${name}" is not a declared attribute`);
  if (type === 'any') throw new EntityDeclarationError(field, `"${name}" is of type any, which an index cannot use`);
  return { name, type };
}

function pathOf(path: PropertyKey[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}
