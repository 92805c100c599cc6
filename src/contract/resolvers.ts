import { z } from 'zod';
import { fieldDefinition, fieldError, fieldType, fieldValuesInput, projectRef as projectIdOrKey, rawValue } from './fields';
import { deliveryLogEntry, webhookInput, webhookSummary } from './webhooks';

/**
 * The contract between the Custom UI pages and the resolvers: keys, payloads and answers, as zod schemas.
 * Imported by both `src/` (to parse payloads) and `static/` (to check answers).
 */
const empty = z.object({}).strict();
/** Webhook ids are 16 hex digits: nothing else reaches a storage key. */
const webhookId = z.string().regex(/^[a-f0-9]{16}$/, { error: 'must be a webhook id' });
const projectRef = z.object({ projectId: projectIdOrKey });
const userSummary = z.object({ accountId: z.string(), displayName: z.string() });
const projectSummary = z.object({ id: z.string(), key: z.string(), name: z.string() });
/** What a picker searches for: a few words of a name (Jira matches prefixes of names and email addresses). */
const searchQuery = z.string().trim().min(1, { error: 'must not be empty' }).max(100, { error: 'must be at most 100 characters' });
/** Jira's own attributes of the project, shown read-only on the project page (edited in Jira's project settings). */
const jiraAttributes = z.object({
  lead: userSummary.nullable(),
  category: z.string().nullable(),
  description: z.string(),
  url: z.string(),
});
/** A lookup names at most one way to look: a search, some ids, or neither (everyone / every project the user sees). */
const oneLookup = (payload: object): boolean => Object.keys(payload).length <= 1;
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
  /** The catalogue, and Jira's own project attributes, which receivers also get as fields (ids 1–6, read only). */
  'fields/list': { payload: empty, answer: z.object({ fields: z.array(fieldDefinition), systemFields: z.array(fieldDefinition) }) },
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
  /** Archives (or, with `archived: false`, restores) a field: see docs/fields.md, "Archiving and deleting". */
  'fields/archive': { payload: z.object({ id: z.number(), archived: z.boolean() }), answer: z.object({ field: fieldDefinition }) },
  /** Removes a field from the catalogue for good; refused while a webhook's filter names it. */
  'fields/delete': { payload: z.object({ id: z.number() }), answer: z.object({ deleted: z.literal(true) }) },
  'values/get': {
    payload: projectRef,
    answer: z.object({
      project: projectSummary,
      canEdit: z.boolean(),
      fields: z.array(fieldDefinition),
      values: z.record(z.string(), rawValue.nullable()),
      jira: jiraAttributes,
    }),
  },
  'values/update': {
    payload: projectRef.extend({ values: fieldValuesInput }),
    answer: z.object({ changed: z.array(z.number()), values: z.record(z.string(), rawValue.nullable()) }),
  },
  'lookup/users': {
    payload: z
      .object({ query: searchQuery.optional(), accountIds: z.array(z.string().min(1).max(128)).min(1).max(200).optional() })
      .strict()
      .refine(oneLookup, { error: 'give a query or accountIds, not both' }),
    answer: z.object({ users: z.array(userSummary) }),
  },
  'lookup/projects': {
    payload: z
      .object({
        query: searchQuery.optional(),
        ids: z
          .array(z.string().regex(/^\d{1,18}$/, { error: 'must be a project id' }))
          .min(1)
          .max(50)
          .optional(),
      })
      .strict()
      .refine(oneLookup, { error: 'give a query or ids, not both' }),
    answer: z.object({ projects: z.array(projectSummary) }),
  },
  'apikeys/list': { payload: empty, answer: z.object({ keys: z.array(apiKeySummary) }) },
  'apikeys/create': { payload: z.object({ name: z.string() }), answer: z.object({ key: apiKeySummary, secret: z.string() }) },
  'apikeys/revoke': { payload: z.object({ id: z.string() }), answer: z.object({ revoked: z.literal(true) }) },
  'webhooks/list': { payload: empty, answer: z.object({ webhooks: z.array(webhookSummary), maxWebhooks: z.number() }) },
  'webhooks/create': { payload: webhookInput, answer: z.object({ webhook: webhookSummary, secret: z.string() }) },
  'webhooks/update': { payload: webhookInput.extend({ id: webhookId }), answer: z.object({ webhook: webhookSummary }) },
  'webhooks/delete': { payload: z.object({ id: webhookId }), answer: z.object({ deleted: z.literal(true) }) },
  'webhooks/enable': { payload: z.object({ id: webhookId }), answer: z.object({ webhook: webhookSummary }) },
  'webhooks/disable': { payload: z.object({ id: webhookId }), answer: z.object({ webhook: webhookSummary }) },
  'webhooks/rotate-secret': { payload: z.object({ id: webhookId }), answer: z.object({ webhook: webhookSummary, secret: z.string() }) },
  'webhooks/test': { payload: z.object({ id: webhookId }), answer: z.object({ messageId: z.string() }) },
  'deliveries/list': {
    payload: z.object({ webhookId, cursor: z.string().max(2000).optional(), limit: z.number().int().min(1).max(100).optional() }),
    answer: z.object({ entries: z.array(deliveryLogEntry), cursor: z.string().nullable() }),
  },
  'deliveries/redeliver': {
    payload: z.object({ webhookId, deliveryId: z.string().regex(/^[a-z0-9]{1,12}-[a-f0-9]{8}$/, { error: 'must be a delivery id from the log' }) }),
    answer: z.object({ messageId: z.string() }),
  },
  'deliveries/replay': { payload: z.object({ webhookId, since: z.iso.datetime({ offset: true }) }), answer: z.object({ queued: z.number() }) },
  'deliveries/held': {
    payload: z.object({ webhookId, action: z.enum(['send', 'discard']) }),
    answer: z.object({ sent: z.boolean(), discarded: z.number() }),
  },
} as const;

export type ResolverKey = keyof typeof RESOLVERS;
export type ResolverPayload<K extends ResolverKey> = z.input<(typeof RESOLVERS)[K]['payload']>;
export type ResolverAnswer<K extends ResolverKey> = z.infer<(typeof RESOLVERS)[K]['answer']>;
export type AppStatus = ResolverAnswer<'app/status'>;
export type ProjectSummary = ResolverAnswer<'project/summary'>;
export type JiraAttributes = z.infer<typeof jiraAttributes>;

/** Errors a resolver answers with instead of throwing, so the page can show them; `fields` names each refused value. */
export const resolverFailure = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(fieldError).optional() }),
});
export type ResolverFailure = z.infer<typeof resolverFailure>;
