import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { References } from '../core/fields/value-rules';

const page = <T extends z.ZodType>(item: T) => z.looseObject({ values: z.array(item), isLast: z.boolean().optional() });
const userItem = z.looseObject({ accountId: z.string(), displayName: z.string().optional() });
const projectItem = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });

type JiraAnswer = { ok: boolean; status: number; json(): Promise<unknown> };
const repeated = (param: string, ids: string[]) => new URLSearchParams(ids.map((id) => [param, id]));

/**
 * Which of these ids Jira knows, asked as the app in chunks: GET /user/bulk (≤ 200 account ids per call),
 * GET /project/search?id=… (≤ 50 per call) — Jira Cloud REST v3.
 */
async function existing(
  ids: string[],
  chunk: number,
  ask: (ids: string[]) => Promise<JiraAnswer>,
  idsOf: (body: unknown) => string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += chunk) {
    const response = await ask(ids.slice(i, i + chunk));
    if (!response.ok) throw new Error(`Jira lookup answered ${response.status}`);
    for (const id of idsOf(await response.json())) found.add(id);
  }
  return found;
}

const existingAccounts = (ids: string[]) =>
  existing(
    ids,
    200,
    (chunk) => asApp().requestJira(route`/rest/api/3/user/bulk?maxResults=200&${repeated('accountId', chunk)}`),
    (body) =>
      page(userItem)
        .parse(body)
        .values.map((u) => u.accountId),
  );
const existingProjects = (ids: string[]) =>
  existing(
    ids,
    50,
    (chunk) => asApp().requestJira(route`/rest/api/3/project/search?maxResults=50&${repeated('id', chunk)}`),
    (body) =>
      page(projectItem)
        .parse(body)
        .values.map((p) => p.id),
  );

/** Looks up, as the app, the users and projects an update names, in as few Jira calls as possible. */
export async function lookUpReferences(ids: { accountIds: string[]; projectIds: string[] }): Promise<References> {
  const [accounts, projects] = await Promise.all([
    ids.accountIds.length > 0 ? existingAccounts(ids.accountIds) : new Set<string>(),
    ids.projectIds.length > 0 ? existingProjects(ids.projectIds) : new Set<string>(),
  ]);
  return { userExists: (id) => accounts.has(id), projectExists: (id) => projects.has(id) };
}
