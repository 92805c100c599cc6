import { view } from '@forge/bridge';
import { ApiError } from '../../shared/api-error';

/**
 * The id of the Jira project this page is opened in, read from the Forge context
 * (`context.extension.project.id`). Jira sends it as a string; a number is accepted too.
 */
export async function getProjectId(): Promise<string> {
  const context = await view.getContext();
  const project: unknown = context.extension['project'];
  const id = isRecord(project) ? project['id'] : undefined;
  if ((typeof id === 'string' && id !== '') || typeof id === 'number') return String(id);
  throw new ApiError('NO_PROJECT_CONTEXT', 'This page was opened without a Jira project.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
