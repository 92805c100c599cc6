import { z } from 'zod';
import { badRequest } from './errors';
import { METADATA_FIELDS } from './wire';

/*
 * Request bodies as @forge/kvs sends them (out/interfaces/kvs-api.d.ts). These check shape only; the
 * Forge-specific refusals (key format, value size, TTL range...) are in limits.ts so they carry Forge's codes.
 * Unknown properties are dropped rather than refused, so a newer SDK adding an option still works.
 */
const metadataFields = z.array(z.enum(METADATA_FIELDS));
const value = z.unknown().refine((v) => v !== undefined, { message: 'value is required' });
const ttl = z.object({ value: z.number(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const ttlOnly = z.object({ ttl: ttl.optional() });
const getOptions = z.object({ metadataFields: metadataFields.optional() });

export const getBody = z.object({ key: z.string(), entityName: z.string().optional(), options: getOptions.optional() });

export const setBody = z.object({
  key: z.string(),
  value,
  entityName: z.string().optional(),
  options: z
    .object({
      ttl: ttl.optional(),
      keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
      returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
      returnMetadataFields: metadataFields.optional(),
    })
    .optional(),
});

export const deleteBody = z.object({ key: z.string(), entityName: z.string().optional() });

export const queryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) })).optional(),
  options: getOptions.optional(),
});

const batchKey = { key: z.string(), entityName: z.string().optional() };
export const batchSetBody = z.array(z.object({ ...batchKey, value, options: ttlOnly.optional() }));
export const batchGetBody = z.array(z.object({ ...batchKey, options: getOptions.optional() }));
export const batchDeleteBody = z.array(z.object(batchKey));

export const CONDITION_NAMES = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;
export type ConditionName = (typeof CONDITION_NAMES)[number];
const condition = z.object({ property: z.string(), condition: z.enum(CONDITION_NAMES), values: z.array(z.unknown()) });
export const conditions = z.object({ and: z.array(condition).optional(), or: z.array(condition).optional() });
export type Condition = z.output<typeof condition>;
export type Conditions = z.output<typeof conditions>;

export const transactionBody = z.object({
  set: z.array(z.object({ ...batchKey, value, conditions: conditions.optional(), options: ttlOnly.optional() })).optional(),
  delete: z.array(z.object({ ...batchKey, conditions: conditions.optional() })).optional(),
  check: z.array(z.object({ ...batchKey, conditions })).optional(),
});

/** `kvs.entity(name).query().index(...)` as entity-query.js sends it: metadata fields travel in `options`. */
export const entityQueryBody = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: z.object({ condition: z.string(), values: z.array(z.unknown()) }).optional(),
  filters: conditions.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  limit: z.number().int().optional(),
  cursor: z.string().optional(),
  options: getOptions.optional(),
});
export type EntityQuery = z.output<typeof entityQueryBody>;

/** Parses a body or throws Forge's generic 400, naming the first offending field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw badRequest(`Provided request body is invalid: ${where}: ${issue?.message ?? 'invalid'}`);
}
