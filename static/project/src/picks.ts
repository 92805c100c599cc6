import type { Names, Person, ProjectName } from './names';

/** A person or project as pickers offer it and pages show it: id, the name its initials come from, the text shown. */
export interface Pick {
  value: string;
  name: string;
  label: string;
  person?: Person;
  project?: ProjectName;
}

export const personPick = (person: Person): Pick => ({ value: person.accountId, name: person.displayName, label: person.displayName, person });

export const projectPick = (project: ProjectName): Pick => ({
  value: project.id,
  name: project.name,
  label: `${project.name} (${project.key})`,
  project,
});

/** A held id as a pick, named when its name is known; else said plainly, by id (the value is kept all the same). */
export function heldPick(id: string, names: Names, people: boolean): Pick {
  const person = people ? names.people.get(id) : undefined;
  const project = people ? undefined : names.projects.get(id);
  if (person) return personPick(person);
  if (project) return projectPick(project);
  return { value: id, name: '?', label: people ? `Unknown person (${id})` : `Unknown or hidden project (${id})` };
}
