import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { loadLookups, type Lookups } from './lookups';
import { getProjectId } from './project-context';

export interface EditorData {
  projectId: string;
  page: ResolverAnswer<'values/get'>;
  lookups: Lookups;
}

/** Reads the project from the Forge context, then its fields and values, then the names those fields refer to. */
export async function loadEditor(): Promise<EditorData> {
  const projectId = await getProjectId();
  const page = await call('values/get', { projectId });
  return { projectId, page, lookups: await loadLookups(page.fields) };
}
