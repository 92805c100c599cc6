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
 * "This project has change events waiting", naming the one just committed. The consumer then handles every waiting
 * event of the project in sequence order.
 */
export const changeNotice = z.object({ projectId: z.string().regex(/^\d+$/), eventId: z.string().min(1), sequence: z.number().int().positive() });
export type ChangeNotice = z.infer<typeof changeNotice>;

/** Projects one queue event names: an import's REST call changes up to 20 (far below Forge's 200 KB per event). */
export const MAX_PROJECTS_PER_NOTICE = 20;

/**
 * The queue body: the notices of one write (a REST call changing several projects), handled by one consumer run; or
 * a single notice, as events pushed before notices were grouped still say.
 */
export const changeNotices = z.union([
  z.object({ projects: z.array(changeNotice).min(1).max(MAX_PROJECTS_PER_NOTICE) }).transform((body) => body.projects),
  changeNotice.transform((notice) => [notice]),
]);

/** Notices grouped into queue bodies: one notice per project (its latest), up to MAX_PROJECTS_PER_NOTICE to a body. */
export function groupNotices(notices: readonly ChangeNotice[]): { projects: ChangeNotice[] }[] {
  const latest = new Map<string, ChangeNotice>();
  for (const notice of notices) {
    const known = latest.get(notice.projectId);
    if (!known || notice.sequence > known.sequence) latest.set(notice.projectId, notice);
  }
  const all = [...latest.values()];
  const bodies: { projects: ChangeNotice[] }[] = [];
  for (let i = 0; i < all.length; i += MAX_PROJECTS_PER_NOTICE) bodies.push({ projects: all.slice(i, i + MAX_PROJECTS_PER_NOTICE) });
  return bodies;
}
