import { z } from 'zod';

/** The 13 field types Projectrak offers; `type` in the webhook payload is one of these. */
export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'duration',
  'priority',
  'status',
  'list',
  'multilist',
  'user',
  'multiuser',
  'project',
  'multiproject',
] as const;
export const fieldType = z.enum(FIELD_TYPES);
export type FieldType = z.infer<typeof fieldType>;

/** The longest single-line text (UTF-16 code units, as JavaScript counts a string's length) and multi-line text (UTF-8 bytes). */
export const TEXT_MAX_CHARS = 255;
export const TEXTAREA_MAX_BYTES = 32 * 1024;

/** Types whose values are chosen from the field's own options. */
export const OPTION_TYPES: readonly FieldType[] = ['priority', 'status', 'list', 'multilist'];
/** Types that hold a list of values (empty = `[]`, never null). */
export const MULTI_TYPES: readonly FieldType[] = ['multilist', 'multiuser', 'multiproject'];

export const fieldOption = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(255),
  disabled: z.boolean(),
});
export type FieldOption = z.infer<typeof fieldOption>;

export const fieldDefinition = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(255),
  type: fieldType,
  description: z.string().max(1000).optional(),
  options: z.array(fieldOption).optional(),
  /**
   * Archived by an admin (docs/fields.md, "Archiving and deleting"): kept with its values, but no longer on the project
   * page nor in the REST API, and no longer written, so no longer sent; restoring it brings it all back.
   */
  archived: z.boolean().optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinition>;

/**
 * A stored value, per type: text/textarea/date → string, number/duration → number, priority/status/list → option id,
 * multilist → option ids, user → account id, multiuser → account ids, project → project id, multiproject → project ids.
 * An empty value is not stored: it reads as null (single) or [] (multi).
 */
export const rawValue = z.union([z.string(), z.number(), z.array(z.string()), z.array(z.number())]);
export type RawValue = z.infer<typeof rawValue>;

/** One field's value on one project, as the editor reads it. */
export type ValueMap = Record<string, RawValue | null>;

/** A refused value: which field (and, in a call naming several projects, which project), why, in words a person can act on. */
export const fieldError = z.object({ project: z.string().optional(), field: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;

/** A Jira project's key (DEMO) or id (10000): nothing else may reach Jira's URL paths (`..`, `DEMO?x`, `%2e`). */
export const PROJECT_REF_PATTERN = /^(?:\d{1,18}|[A-Za-z][A-Za-z0-9_]{0,254})$/;
export const projectRef = z.string().regex(PROJECT_REF_PATTERN, { error: 'must be a project key (such as DEMO) or id (such as 10000)' });

/**
 * Names that cannot be field names nor keys of an update: JavaScript objects treat them specially, and JSON tools
 * (zod's records among them) drop `__proto__` silently, so a value keyed by one could vanish instead of being refused.
 */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];
export const isReservedName = (name: string): boolean => RESERVED_NAMES.includes(name.trim().toLowerCase());

/** Field values keyed by field id or name, kept exactly as sent (no key dropped) so that every key can be judged. */
export const fieldValuesInput = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'must be an object of field name or id → value',
});
