import type { ProjectSummary } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { getProjectId } from './project-context';

/** Reads the project from the Forge context, then asks the app about it. */
export async function loadProjectSummary(): Promise<ProjectSummary> {
  const projectId = await getProjectId();
  return call('project/summary', { projectId });
}
