import type { FieldDefinition } from '../../../src/contract/fields';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';

export type UserChoice = ResolverAnswer<'lookup/users'>['users'][number];
export type ProjectChoice = ResolverAnswer<'lookup/projects'>['projects'][number];

/** The people and projects user/project fields choose from; `problem` is set when a list could not be loaded. */
export interface Lookups {
  users: readonly UserChoice[];
  projects: readonly ProjectChoice[];
  problem: ApiError | null;
}

/**
 * Loads only the lists the fields need. A failure does not stop the page: values still show
 * (by id) and the problem is reported next to the editor.
 */
export async function loadLookups(fields: readonly FieldDefinition[]): Promise<Lookups> {
  const needsUsers = fields.some((field) => field.type === 'user' || field.type === 'multiuser');
  const needsProjects = fields.some((field) => field.type === 'project' || field.type === 'multiproject');
  let problem: ApiError | null = null;
  const remember = (thrown: unknown) => {
    problem ??= toApiError(thrown);
    return [];
  };
  const [users, projects] = await Promise.all([
    needsUsers ? call('lookup/users', {}).then((answer) => answer.users, remember) : [],
    needsProjects ? call('lookup/projects', {}).then((answer) => answer.projects, remember) : [],
  ]);
  return { users, projects, problem };
}
