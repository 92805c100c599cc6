import type { FieldDefinition } from '../../contract/fields';

/**
 * Jira's own project attributes, reported in the payload like fields with fixed ids (1–6; the app's own
 * fields start at 1000). Their values come from Jira, never from this app's write path.
 */
export const JIRA_ATTRIBUTES = {
  name: { id: 1, name: 'Project name', type: 'text' },
  key: { id: 2, name: 'Project key', type: 'text' },
  lead: { id: 3, name: 'Project lead', type: 'user' },
  category: { id: 4, name: 'Project category', type: 'list' },
  description: { id: 5, name: 'Project description', type: 'textarea' },
  url: { id: 6, name: 'Project URL', type: 'text' },
} as const satisfies Record<string, FieldDefinition>;

export const JIRA_ATTRIBUTE_MAX_ID = 999;

export const isJiraAttribute = (fieldId: number): boolean => fieldId <= JIRA_ATTRIBUTE_MAX_ID;
