import type { FieldDefinition, ValueMap } from '../../../src/contract/fields';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { toApiError, type ApiError } from '../../shared/api-error';

export type Person = ResolverAnswer<'lookup/users'>['users'][number];
export type ProjectName = ResolverAnswer<'lookup/projects'>['projects'][number];

/** The names of the people and projects the page shows, by account id and project id. */
export interface Names {
  people: ReadonlyMap<string, Person>;
  projects: ReadonlyMap<string, ProjectName>;
  /** Set when some names could not be loaded: their values then show by id. */
  problem: ApiError | null;
}

export const noNames = (): Names => ({ people: new Map(), projects: new Map(), problem: null });

const USER_IDS_PER_CALL = 200;
const PROJECT_IDS_PER_CALL = 50;

function storedIds(fields: readonly FieldDefinition[], values: ValueMap, types: readonly FieldDefinition['type'][]): string[] {
  const ids = fields.filter((field) => types.includes(field.type)).flatMap((field) => [values[String(field.id)] ?? []].flat().map(String));
  return [...new Set(ids)];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Loads the names of the people and projects the stored values hold, and nothing else: pickers search as the user
 * types. A failure does not stop the page; those values show by id and the problem is reported.
 */
export async function loadNames(fields: readonly FieldDefinition[], values: ValueMap): Promise<Names> {
  let problem: ApiError | null = null;
  const remember = (thrown: unknown): [] => {
    problem ??= toApiError(thrown);
    return [];
  };
  const accountIds = chunks(storedIds(fields, values, ['user', 'multiuser']), USER_IDS_PER_CALL);
  const projectIds = chunks(storedIds(fields, values, ['project', 'multiproject']), PROJECT_IDS_PER_CALL);
  const [people, projects] = await Promise.all([
    Promise.all(accountIds.map((ids) => call('lookup/users', { accountIds: ids }).then((answer) => answer.users, remember))),
    Promise.all(projectIds.map((ids) => call('lookup/projects', { ids }).then((answer) => answer.projects, remember))),
  ]);
  return {
    people: new Map(people.flat().map((person) => [person.accountId, person])),
    projects: new Map(projects.flat().map((project) => [project.id, project])),
    problem,
  };
}

/** People whose name or email starts with what was typed. */
export const searchPeople = async (query: string): Promise<Person[]> => (await call('lookup/users', { query })).users;

/** Projects whose key or name contains what was typed. */
export const searchProjects = async (query: string): Promise<ProjectName[]> => (await call('lookup/projects', { query })).projects;

/** The names with these people or projects added (as chosen in a picker), so saved values keep showing them. */
export function withNames(names: Names, added: { people?: readonly Person[]; projects?: readonly ProjectName[] }): Names {
  const people = new Map(names.people);
  for (const person of added.people ?? []) people.set(person.accountId, person);
  const projects = new Map(names.projects);
  for (const project of added.projects ?? []) projects.set(project.id, project);
  return { ...names, people, projects };
}
