import { z } from 'zod';

/**
 * The contract between the Custom UI pages and the resolvers: keys, payloads and answers.
 * Imported by both `src/` and `static/`, so a change here is a change on both sides.
 */

export const appStatusAnswer = z.object({
  installedAt: z.string().nullable(),
  accountId: z.string(),
  isJiraAdmin: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatusAnswer>;

export const projectSummaryPayload = z.object({ projectId: z.string().min(1) });
export const projectSummaryAnswer = z.object({
  project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  canEdit: z.boolean(),
});
export type ProjectSummary = z.infer<typeof projectSummaryAnswer>;

/** Every resolver the pages may call, with its payload and answer types. */
export interface ResolverContract {
  'app/status': { payload: Record<string, never>; answer: AppStatus };
  'project/summary': { payload: z.infer<typeof projectSummaryPayload>; answer: ProjectSummary };
}
export type ResolverKey = keyof ResolverContract;

/** Errors a resolver answers with instead of throwing, so the page can show the message as it is. */
export const resolverFailure = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ResolverFailure = z.infer<typeof resolverFailure>;
