import { z } from 'zod';
import { fieldDefinition, fieldError, fieldType, fieldValuesInput, projectRef as projectIdOrKey, rawValue } from './fields';

/**
 * The contract between the Custom UI pages and the resolvers: keys, payloads and answers, as zod schemas.
 * Imported by both `src/` (to parse payloads) and `static/` (to check answers).
 */
const empty = z.object({}).strict();
const projectRef = z.object({ projectId: projectIdOrKey });
const userSummary = z.object({ accountId: z.string(), displayName: z.string() });
const projectSummary = z.object({ id: z.string(), key: z.string(), name: z.string() });
/** An API key as listed (never its secret); also the record kept in KVS. */
export const apiKeySummary = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const RESOLVERS = {
  'app/status': {
    payload: empty,
    answer: z.object({ installedAt: z.string().nullable(), accountId: z.string(), isJiraAdmin: z.boolean() }),
  },
  'project/summary': {
    payload: projectRef,
    answer: z.object({ project: projectSummary, canEdit: z.boolean() }),
  },
  'fields/list': { payload: empty, answer: z.object({ fields: z.array(fieldDefinition) }) },
  'fields/create': {
    payload: z.object({
      name: z.string(),
      type: fieldType,
      description: z.string().optional(),
      options: z.array(z.string()).optional(),
    }),
    answer: z.object({ field: fieldDefinition }),
  },
  'fields/update': {
    payload: z.object({
      id: z.number(),
      name: z.string().optional(),
      description: z.string().optional(),
      options: z.array(z.object({ id: z.number().optional(), name: z.string(), disabled: z.boolean() })).optional(),
    }),
    answer: z.object({ field: fieldDefinition }),
  },
  'values/get': {
    payload: projectRef,
    answer: z.object({
      project: projectSummary,
      canEdit: z.boolean(),
      fields: z.array(fieldDefinition),
      values: z.record(z.string(), rawValue.nullable()),
    }),
  },
  'values/update': {
    payload: projectRef.extend({ values: fieldValuesInput }),
    answer: z.object({ changed: z.array(z.number()), values: z.record(z.string(), rawValue.nullable()) }),
  },
  'lookup/users': { payload: empty, answer: z.object({ users: z.array(userSummary) }) },
  'lookup/projects': { payload: empty, answer: z.object({ projects: z.array(projectSummary) }) },
  'apikeys/list': { payload: empty, answer: z.object({ keys: z.array(apiKeySummary) }) },
  'apikeys/create': { payload: z.object({ name: z.string() }), answer: z.object({ key: apiKeySummary, secret: z.string() }) },
  'apikeys/revoke': { payload: z.object({ id: z.string() }), answer: z.object({ revoked: z.literal(true) }) },
} as const;

export type ResolverKey = keyof typeof RESOLVERS;
export type ResolverPayload<K extends ResolverKey> = z.input<(typeof RESOLVERS)[K]['payload']>;
export type ResolverAnswer<K extends ResolverKey> = z.infer<(typeof RESOLVERS)[K]['answer']>;
export type AppStatus = ResolverAnswer<'app/status'>;
export type ProjectSummary = ResolverAnswer<'project/summary'>;

/** Errors a resolver answers with instead of throwing, so the page can show them; `fields` names each refused value. */
export const resolverFailure = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(fieldError).optional() }),
});
export type ResolverFailure = z.infer<typeof resolverFailure>;
