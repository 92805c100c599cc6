import { asApp, asUser, route } from '@forge/api';
import { z } from 'zod';
import { PROJECT_REF_PATTERN } from '../contract/fields';
import { notFound } from '../errors';

export const jiraProject = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
  lead: z.looseObject({ accountId: z.string() }).optional(),
  projectCategory: z.looseObject({ id: z.string(), name: z.string() }).optional(),
});
export type JiraProject = z.infer<typeof jiraProject>;

type Requester = 'user' | 'app';
const requester = (as: Requester) => (as === 'user' ? asUser() : asApp());

/**
 * GET /rest/api/3/project/{idOrKey}; as the user when they must be able to see it, else as the app. A reference
 * that is not a key or an id (`..`, `DEMO?x`) names no project: it never reaches Jira's URL.
 */
export async function findProject(idOrKey: string, as: Requester): Promise<JiraProject | undefined> {
  if (!PROJECT_REF_PATTERN.test(idOrKey)) return undefined;
  const response = await requester(as).requestJira(route`/rest/api/3/project/${idOrKey}`);
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET project ${idOrKey} answered ${response.status}`);
  return jiraProject.parse(await response.json());
}

export async function getProject(idOrKey: string, as: Requester): Promise<JiraProject> {
  const project = await findProject(idOrKey, as);
  if (!project) throw notFound(`Project ${idOrKey} does not exist or you cannot see it`);
  return project;
}

const projectPage = z.looseObject({ values: z.array(jiraProject), isLast: z.boolean().optional() });
export type ProjectPage = z.infer<typeof projectPage>;
export const PROJECT_PAGE_SIZE = 50;

/**
 * The one project search: GET /rest/api/3/project/search, one page of at most 50 (Jira Cloud REST v3), optionally
 * only the given ids, or those whose key or name contains `query`. As the user it lists what they can see; as the app, every project.
 */
export async function searchProjects(
  as: Requester,
  page: { startAt?: number; ids?: string[]; query?: string; maxResults?: number } = {},
): Promise<ProjectPage> {
  const params = new URLSearchParams({ startAt: String(page.startAt ?? 0), maxResults: String(page.maxResults ?? PROJECT_PAGE_SIZE) });
  for (const id of page.ids ?? []) params.append('id', id);
  // Jira matches the literal string against keys and names, case-insensitively.
  if (page.query !== undefined) params.set('query', page.query);
  const response = await requester(as).requestJira(route`/rest/api/3/project/search?${params}`);
  if (!response.ok) throw new Error(`project/search answered ${response.status}`);
  return projectPage.parse(await response.json());
}

/** Every project of the search, page after page (at most 100 pages: 5,000 projects). */
export async function allProjects(as: Requester): Promise<JiraProject[]> {
  const found: JiraProject[] = [];
  for (let pages = 0; pages < 100; pages++) {
    const page = await searchProjects(as, { startAt: found.length });
    found.push(...page.values);
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return found;
}
