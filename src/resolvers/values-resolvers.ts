import type Resolver from '@forge/resolver';
import type { RawValue } from '../contract/fields';
import { updateValues } from '../services/changes/update-values';
import { isJiraAttribute } from '../core/fields/jira-attributes';
import { canAdministerProject } from '../jira/permissions';
import { getProject, type JiraProject } from '../jira/projects';
import { readCatalogue } from '../storage/catalogue-store';
import { readValues } from '../storage/value-store';
import { define } from './define';
import { requireProjectAdmin } from './guards';

/** The app's own fields only: Jira's attributes (ids 1–6) are kept for diffs, not shown as fields. */
const fieldValues = (values: Map<number, RawValue>) =>
  Object.fromEntries([...values].filter(([id]) => !isJiraAttribute(id)).map(([id, v]) => [String(id), v]));

/** Jira's own attributes, read-only on the project page: Jira's project representation carries the lead's name. */
function jiraAttributes(project: JiraProject) {
  const lead = project.lead;
  const leadName = lead && typeof lead['displayName'] === 'string' ? lead['displayName'] : undefined;
  return {
    lead: lead ? { accountId: lead.accountId, displayName: leadName ?? lead.accountId } : null,
    category: project.projectCategory?.name ?? null,
    description: project.description ?? '',
    url: project.url ?? '',
  };
}

export function defineValuesResolvers(resolver: Resolver): void {
  define(resolver, 'values/get', async ({ projectId }) => {
    // As the user: whoever cannot see the project in Jira cannot read its fields either.
    const project = await getProject(projectId, 'user');
    const [{ fields }, stored, canEdit] = await Promise.all([readCatalogue(), readValues(project.id), canAdministerProject(project.id)]);
    const summary = { id: project.id, key: project.key, name: project.name };
    return { project: summary, canEdit, fields, values: fieldValues(stored.values), jira: jiraAttributes(project) };
  });

  define(resolver, 'values/update', async ({ projectId, values }, caller) => {
    const project = await getProject(projectId, 'user');
    await requireProjectAdmin(project.id);
    const result = await updateValues({ projectIdOrKey: project.id, input: values }, { user: caller.accountId, source: 'project-page' });
    return { changed: result.event?.changes.map((c) => c.field.id) ?? [], values: fieldValues(result.values) };
  });
}
