import { z } from 'zod';
import { FIELD_TYPES, MULTI_TYPES } from '../../contract/fields';
import type { FieldType } from '../../contract/fields';

/**
 * The body every receiver gets: Projectrak's documented `data` inside a Standard Webhooks envelope.
 * Values are strings (or null); multi-value fields are lists of strings ([] when empty).
 */
const singleTypes = FIELD_TYPES.filter((t) => !MULTI_TYPES.includes(t)) as [FieldType, ...FieldType[]];
const multiTypes = FIELD_TYPES.filter((t) => MULTI_TYPES.includes(t)) as [FieldType, ...FieldType[]];

const fieldBase = {
  id: z.number().int().positive().describe('Field id: 1–6 for Jira project attributes, 1000 and up for Projectrak fields'),
  name: z.string(),
};
const singleField = z
  .object({
    ...fieldBase,
    type: z.enum(singleTypes),
    value: z.object({ current: z.string().nullable(), previous: z.string().nullable() }).strict(),
  })
  .strict();
const multiField = z
  .object({
    ...fieldBase,
    type: z.enum(multiTypes),
    value: z.object({ current: z.array(z.string()), previous: z.array(z.string()) }).strict(),
  })
  .strict();

export const webhookBody = z
  .object({
    type: z.literal('project.fields.updated'),
    timestamp: z.iso.datetime().describe('When the change was made (ISO-8601, UTC)'),
    data: z
      .object({
        event: z.literal('updated'),
        user: z.string().nullable().describe('Account id of the user who made the change; null when Jira does not say'),
        timestamp: z.number().int().describe('When the change was made, epoch milliseconds'),
        sequence: z
          .number()
          .int()
          .positive()
          .describe("The project's change number: 1, 2, 3… in commit order, without gaps; order a project's changes by it"),
        project: z.object({ id: z.number().int(), key: z.string(), name: z.string() }).strict(),
        test: z.literal(true).optional().describe('Present, and true, on test events sent from the admin page only'),
        fields: z.array(z.union([singleField, multiField])).min(1),
      })
      .strict(),
  })
  .strict()
  .describe('Projectrak outgoing webhook body (project.fields.updated)');

export type WebhookBody = z.infer<typeof webhookBody>;
