import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { loadNames, type Names } from './names';
import { getProjectId } from './project-context';

export interface EditorData {
  projectId: string;
  page: ResolverAnswer<'values/get'>;
  names: Names;
}

/** Reads the project from the Forge context, then its fields and values, then the names of the people and projects they hold. */
export async function loadEditor(): Promise<EditorData> {
  const projectId = await getProjectId();
  const page = await call('values/get', { projectId });
  return { projectId, page, names: await loadNames(page.fields, page.values) };
}
