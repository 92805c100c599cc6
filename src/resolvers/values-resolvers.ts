import type Resolver from '@forge/resolver';
import type { FieldDefinition, RawValue } from '../contract/fields';
import { updateValues } from '../services/changes/update-values';
import { canAdministerProject } from '../jira/permissions';
import { getProject, type JiraProject } from '../jira/projects';
import { readCatalogue } from '../storage/catalogue-store';
import { readValues } from '../storage/value-store';
import { define } from './define';
import { requireProjectAdmin } from './guards';

/**
 * The fields the project page shows, and their values only: not Jira's attributes (ids 1–6, kept for diffs), not
 * archived fields, not what a deleted field left behind (docs/fields.md, "Archiving and deleting").
 */
const shownFields = (fields: FieldDefinition[]) => fields.filter((f) => !f.archived);
const fieldValues = (fields: FieldDefinition[], values: Map<number, RawValue>) => {
  const shown = new Set(fields.map((f) => f.id));
  return Object.fromEntries([...values].filter(([id]) => shown.has(id)).map(([id, v]) => [String(id), v]));
};

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
    const [catalogue, stored, canEdit] = await Promise.all([readCatalogue(), readValues(project.id), canAdministerProject(project.id)]);
    const fields = shownFields(catalogue.fields);
    const summary = { id: project.id, key: project.key, name: project.name };
    return { project: summary, canEdit, fields, values: fieldValues(fields, stored.values), jira: jiraAttributes(project) };
  });

  define(resolver, 'values/update', async ({ projectId, values }, caller) => {
    const project = await getProject(projectId, 'user');
    await requireProjectAdmin(project.id);
    const result = await updateValues({ projectIdOrKey: project.id, input: values }, { user: caller.accountId, source: 'project-page' });
    return { changed: result.event?.changes.map((c) => c.field.id) ?? [], values: fieldValues(shownFields(result.fields), result.values) };
  });
}
