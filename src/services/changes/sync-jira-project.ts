import type { FieldDefinition, RawValue } from '../../contract/fields';
import { JIRA_ATTRIBUTES } from '../../core/fields/jira-attributes';
import type { JiraProject } from '../../jira/projects';
import { getProject } from '../../jira/projects';
import type { ChangeEvent } from '../../core/changes/change-event';
import { commitChanges } from './commit-changes';

const ATTRIBUTE_FIELDS = new Map<number, FieldDefinition>(Object.values(JIRA_ATTRIBUTES).map((f) => [f.id, f]));

/** Jira's own attributes as stored values: texts as they are, the lead by account id, the category by name. */
export function attributeValues(project: JiraProject): Map<number, RawValue | null> {
  const text = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  return new Map<number, RawValue | null>([
    [JIRA_ATTRIBUTES.name.id, project.name],
    [JIRA_ATTRIBUTES.key.id, project.key],
    [JIRA_ATTRIBUTES.lead.id, project.lead?.accountId ?? null],
    [JIRA_ATTRIBUTES.category.id, project.projectCategory?.name ?? null],
    [JIRA_ATTRIBUTES.description.id, text(project.description)],
    [JIRA_ATTRIBUTES.url.id, text(project.url)],
  ]);
}

/**
 * Jira's project events carry no changelog, so the app keeps the attributes it last saw as values of the
 * project (fields 1–6) and diffs against them. The first time a project is seen, its attributes are stored
 * without an event. Jira does not say who made the change: `user` is null.
 */
export async function syncJiraProject(projectId: string): Promise<ChangeEvent | null> {
  const project = await getProject(projectId, 'app');
  const { event } = await commitChanges({
    project: { id: project.id, key: project.key, name: project.name },
    fields: ATTRIBUTE_FIELDS,
    next: attributeValues(project),
    user: null,
    source: 'jira',
    firstSight: (stored) => !stored.has(JIRA_ATTRIBUTES.key.id),
  });
  return event;
}
