import { z } from 'zod';
import { fieldType, rawValue } from '../../contract/fields';

/**
 * One write of project field values: what KVS keeps (see storage/event-store) and the consumer formats into the webhook body.
 * Each change carries the field as it was defined at that moment (with only the options its values name),
 * so later renames or deleted options do not change what receivers are told about the past.
 */
export const fieldSnapshot = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  type: fieldType,
  options: z.array(z.object({ id: z.number(), name: z.string() })).optional(),
});
export type FieldSnapshot = z.infer<typeof fieldSnapshot>;

export const fieldChange = z.object({ field: fieldSnapshot, previous: rawValue.nullable(), current: rawValue.nullable() });
export type FieldChange = z.infer<typeof fieldChange>;

export const CHANGE_SOURCES = ['project-page', 'rest-api', 'jira'] as const;

export const changeEvent = z.object({
  id: z.string().min(1),
  project: z.object({ id: z.string().regex(/^\d+$/), key: z.string(), name: z.string() }),
  /** The acting user's account id; null where Jira does not say who made the change. */
  user: z.string().nullable(),
  /** When the change was committed (epoch ms); strictly increasing within a project. */
  at: z.number().int().nonnegative(),
  /** The project's change number: 1, 2, 3… in commit order, without gaps. */
  sequence: z.number().int().positive(),
  source: z.enum(CHANGE_SOURCES),
  changes: z.array(fieldChange).min(1),
});
export type ChangeEvent = z.infer<typeof changeEvent>;

/**
 * The queue body: "this project has change events waiting", naming the one just committed. The consumer then handles
 * every waiting event of the project in sequence order. Events stay far below Forge's 200 KB per push.
 */
export const changeNotice = z.object({ projectId: z.string().regex(/^\d+$/), eventId: z.string().min(1), sequence: z.number().int().positive() });
export type ChangeNotice = z.infer<typeof changeNotice>;
