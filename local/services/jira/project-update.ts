import { z } from 'zod';
import type { RequestContext, Route } from './context';
import { projectUpdatedEvent } from './events';
import { INVALID_PAYLOAD, jiraError, json, NOT_AUTHENTICATED, notEmulated } from './http';
import { hasPermission } from './permissions';
import { humanAccounts } from './principal';
import { findVisibleProject } from './project-routes';
import { projectJson } from './representation';
import type { ProjectChanges, ProjectRecord } from './store';

/**
 * The `UpdateProjectDetails` fields the fake applies. Unknown fields and wrongly typed values are
 * refused the way Jira refuses a payload it cannot map, so a typo is not silently dropped.
 */
const UpdateBody = z.strictObject({
  key: z.string().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  leadAccountId: z.string().optional(),
  url: z.string().optional(),
  categoryId: z.union([z.number().int(), z.string().regex(/^\d+$/)]).optional(),
  assigneeType: z.enum(['PROJECT_LEAD', 'UNASSIGNED']).optional(),
});
type UpdateBody = z.infer<typeof UpdateBody>;

/** Real `UpdateProjectDetails` fields the fake does not model: answering 200 would be a lie. */
const UNMODELLED = ['avatarId', 'issueSecurityScheme', 'notificationScheme', 'permissionScheme', 'releasedProjectKeys', 'lead'];

/** `UpdateProjectDetails.key`: an uppercase letter, then uppercase letters or digits, at most 10. */
const KEY_PATTERN = /^[A-Z][A-Z0-9]+$/;
const MAX_KEY = 10;
/** Jira's limit on project names. */
const MAX_NAME = 80;

/**
 * Field errors keyed the way Jira keys them (`projectKey` is the key Jira's ErrorCollection
 * documentation shows; the others follow the same naming). Messages are Jira's wording where known.
 */
function validate(ctx: RequestContext, project: ProjectRecord, body: UpdateBody): Record<string, string> {
  const errors: Record<string, string> = {};
  const others = ctx.store.projects().filter((p) => p.id !== project.id);
  if (body.key !== undefined) {
    const owner = others.find((p) => p.key === body.key);
    if (body.key.length > MAX_KEY) errors.projectKey = `The project key must not exceed ${MAX_KEY} characters in length.`;
    else if (!KEY_PATTERN.test(body.key)) {
      errors.projectKey = 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters.';
    } else if (owner) errors.projectKey = `Project '${owner.name}' uses this project key.`;
  }
  if (body.name !== undefined) {
    const name = body.name.trim().toLowerCase();
    if (name === '') errors.projectName = 'You must specify a valid project name.';
    else if (body.name.length > MAX_NAME) {
      errors.projectName = `The project name must not exceed ${MAX_NAME} characters in length.`;
    } else if (others.some((p) => p.name.toLowerCase() === name)) {
      errors.projectName = 'A project with that name already exists.';
    }
  }
  if (body.leadAccountId !== undefined && !humanAccounts().some((a) => a.accountId === body.leadAccountId)) {
    errors.projectLead = 'The user you have specified as project lead does not exist.';
  }
  if (body.url !== undefined && body.url !== '' && !/^https?:\/\/\S+$/.test(body.url)) {
    errors.projectUrl = 'The URL specified is not valid - it must start with http://';
  }
  if (body.categoryId !== undefined && !ctx.store.category(String(body.categoryId))) {
    errors.categoryId = `No project category with id '${body.categoryId}' exists.`;
  }
  return errors;
}

function parseBody(raw: string | undefined): UpdateBody | Response {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '');
  } catch {
    return jiraError(400, [INVALID_PAYLOAD]);
  }
  if (typeof value === 'object' && value !== null) {
    const unmodelled = UNMODELLED.filter((f) => Object.hasOwn(value, f));
    if (unmodelled.length > 0) return notEmulated(`updating project ${unmodelled.join(', ')}`);
  }
  const parsed = UpdateBody.safeParse(value);
  return parsed.success ? parsed.data : jiraError(400, [INVALID_PAYLOAD]);
}

/**
 * PUT /rest/api/3/project/{projectIdOrKey}. Per the Jira docs, editing details needs *Administer
 * Projects* on the project, and changing the key needs *Administer Jira*. On success Jira answers
 * 200 with the project and fires `avi:jira:updated:project` to subscribed Forge triggers.
 */
function updateProject(ctx: RequestContext, [idOrKey = '']: readonly string[]): Response {
  if (ctx.principal.kind === 'anonymous') return jiraError(401, [NOT_AUTHENTICATED]);
  const project = findVisibleProject(ctx, idOrKey);
  if (project instanceof Response) return project;
  const body = parseBody(ctx.body);
  if (body instanceof Response) return body;

  if (!hasPermission(ctx.principal, 'ADMINISTER_PROJECTS', project.id)) {
    return jiraError(403, ['You do not have permission to edit this project.']);
  }
  if (body.key !== undefined && body.key !== project.key && !hasPermission(ctx.principal, 'ADMINISTER')) {
    return jiraError(403, ['Only Jira administrators can change the project key.']);
  }
  const errors = validate(ctx, project, body);
  if (Object.keys(errors).length > 0) return jiraError(400, [], errors);

  const { categoryId, ...rest } = body;
  const changes: ProjectChanges = { ...rest, ...(categoryId === undefined ? {} : { categoryId: String(categoryId) }) };
  const updated = ctx.store.updateProject(project.id, changes);
  ctx.events.publish(projectUpdatedEvent(updated));
  return json(200, projectJson(ctx.store, updated));
}

export const projectUpdateRoutes: readonly Route[] = [{ method: 'PUT', pattern: /^\/rest\/api\/3\/project\/([^/]+)$/, handler: updateProject }];
