/*
 * Naming rules of custom entities, attributes and indexes, from the limits table of
 * /platform/forge/storage-reference/entities-manifest/ and /platform/forge/limits-kvs-ce/
 * (docs/forge-platform.md, "KVS and custom entities"). Where two pages disagree the stricter rule is kept,
 * so a name the host accepts is one Forge accepts too.
 */

/**
 * Entity names: `a-z0-9:-_.`, not starting with `-`, `_` or `.`, not ending with `.`, no `..`; 3–60 characters.
 * The error table of handling-errors-customentities prints the pattern without `_`; the manifest reference and
 * the @forge/manifest schema allow it, so names such as `delivery_log` are valid.
 */
export const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
export const ENTITY_NAME_MIN = 3;
export const ENTITY_NAME_MAX = 60;

/** Attribute names: the limits page allows a leading `_`, the @forge/manifest schema does not; at most 30 characters. */
export const ATTRIBUTE_NAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const ATTRIBUTE_NAME_MAX = 30;

/** Index names: `a-zA-Z0-9:-_.`, not beginning or ending with `.`, no `..`; 3–50 characters. */
export const INDEX_NAME_PATTERN = /^(?!\.)(?!.*\.{2})[a-zA-Z0-9:\-_.]+(?<!\.)$/;
export const INDEX_NAME_MIN = 3;
export const INDEX_NAME_MAX = 50;

/** Forge creates this index on every entity's key; it is not declared and does not count towards the limit. */
export const KEY_INDEX_NAME = 'by-key';

export const MAX_ENTITIES = 20;
export const MAX_INDEXES = 7;
export const MAX_ATTRIBUTES = 50;

/** Returns why a name breaks the rule, or undefined when it is valid. */
export function entityNameProblem(name: string): string | undefined {
  if (name.length < ENTITY_NAME_MIN) return `must be at least ${ENTITY_NAME_MIN} characters`;
  if (name.length > ENTITY_NAME_MAX) return `must be at most ${ENTITY_NAME_MAX} characters`;
  if (!ENTITY_NAME_PATTERN.test(name)) return 'must use only a-z 0-9 : - _ . (not starting with - _ or ., not ending with ., no ..)';
  return undefined;
}

export function attributeNameProblem(name: string): string | undefined {
  if (name.length > ATTRIBUTE_NAME_MAX) return `must be at most ${ATTRIBUTE_NAME_MAX} characters`;
  if (!ATTRIBUTE_NAME_PATTERN.test(name)) return 'must match [a-zA-Z][a-zA-Z0-9_]*';
  return undefined;
}

export function indexNameProblem(name: string): string | undefined {
  if (name.length < INDEX_NAME_MIN) return `must be at least ${INDEX_NAME_MIN} characters`;
  if (name.length > INDEX_NAME_MAX) return `must be at most ${INDEX_NAME_MAX} characters`;
  if (!INDEX_NAME_PATTERN.test(name)) return 'must use only a-z A-Z 0-9 : - _ . (not beginning or ending with ., no ..)';
  if (name === KEY_INDEX_NAME) return `is reserved for the index Forge creates on the key`;
  return undefined;
}
