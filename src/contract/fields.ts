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

/** A refused value: which field, why, in words a person can act on. */
export const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldError>;
