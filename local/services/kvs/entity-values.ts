import { typeProblem } from './attribute-types';
import type { EntityDef, IndexDef } from './entity-declarations';
import { KvsError } from './errors';

/*
 * A custom entity value is a map of the entity's declared attributes, each of its declared type; Forge "strictly
 * enforces attribute types" and answers INVALID_ENTITY_VALUE otherwise (/platform/forge/storage-reference/entities/,
 * handling-errors-customentities; docs/forge-platform.md, "KVS and custom entities").
 * Forge does not document what happens to an attribute the manifest does not declare, so the host lets it vary:
 * 'refuse' (the default, INVALID_ENTITY_VALUE), 'drop' (stored without it) or 'keep' (stored as is, unindexed).
 */
export type UndeclaredAttributes = 'refuse' | 'drop' | 'keep';
export const UNDECLARED_ATTRIBUTE_POLICIES = ['refuse', 'drop', 'keep'] as const;

/** The limits table: combined range values of an index ≤ 900 bytes, combined partition values ≤ 1700 bytes. */
export const MAX_RANGE_BYTES = 900;
export const MAX_PARTITION_BYTES = 1700;

/** Checks `value` against the entity's declaration and returns what is to be stored. */
export function checkEntityValue(entity: EntityDef, value: unknown, undeclared: UndeclaredAttributes): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`Custom entity values must be objects of the attributes declared for "${entity.name}"`);
  }
  const stored: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(value)) {
    const type = entity.attributes.get(name);
    if (type === undefined) {
      if (undeclared === 'refuse') throw invalid(`Attribute "${name}" is not declared for entity "${entity.name}" in manifest.yml`);
      if (undeclared === 'drop') continue;
    } else {
      const problem = typeProblem(type, attribute);
      if (problem !== undefined) throw invalid(`Attribute "${name}" of entity "${entity.name}" is declared ${type} and ${problem}`);
    }
    stored[name] = attribute;
  }
  for (const index of entity.indexes.values()) checkIndexSizes(entity, index, stored);
  return stored;
}

function checkIndexSizes(entity: EntityDef, index: IndexDef, value: Record<string, unknown>): void {
  if (index.range !== 'key' && sizeOf(value[index.range.name]) > MAX_RANGE_BYTES) {
    throw invalid(`The range value of index "${index.name}" of entity "${entity.name}" exceeds ${MAX_RANGE_BYTES} bytes`);
  }
  const partitionBytes = index.partition.reduce((sum, attribute) => sum + sizeOf(value[attribute.name]), 0);
  if (partitionBytes > MAX_PARTITION_BYTES) {
    throw invalid(`The partition values of index "${index.name}" of entity "${entity.name}" exceed ${MAX_PARTITION_BYTES} bytes`);
  }
}

/** Strings count in UTF-8 bytes; numbers and booleans by their text, which over- rather than under-counts. */
function sizeOf(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}

function invalid(message: string): KvsError {
  return new KvsError(400, 'INVALID_ENTITY_VALUE', message);
}
