import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { AllOrChosen, type ChoiceProps, type Option } from './all-or-chosen';
import { FormField } from './form-field';

type Project = ResolverAnswer<'lookup/projects'>['projects'][number];
const projectOption = (p: Project): Option<string> => ({ label: `${p.name} (${p.key})`, value: p.id });

let projectList: Promise<Project[]> | undefined;
/** Projects as the admin can see them, asked once per page (the list is what Jira's project picker would offer). */
function projects(): Promise<Project[]> {
  projectList ??= call('lookup/projects', {}).then((a) => a.projects);
  // A failed look-up is asked again next time.
  projectList.catch(() => (projectList = undefined));
  return projectList;
}

async function searchProjects(input: string): Promise<Option<string>[]> {
  const words = input.trim().toLowerCase();
  return (await projects()).filter((p) => `${p.name} ${p.key}`.toLowerCase().includes(words)).map(projectOption);
}

/** Which projects' changes the webhook gets: all, or those chosen with a search over Jira's projects. */
export function ProjectsFilter({ all, chosen, onChange, error, known }: ChoiceProps<string> & { known: Project[] }) {
  const value = chosen.map((id) => {
    const project = known.find((p) => p.id === id);
    return project ? projectOption(project) : { label: `Project ${id}`, value: id };
  });
  return (
    <Stack space="space.100">
      <AllOrChosen
        id="webhook-projects-mode"
        legend="Projects"
        allLabel="Changes of every project"
        chosenLabel="Only these projects"
        all={all}
        onAll={(a) => onChange(a, chosen)}
      />
      {all ? null : (
        <FormField id="webhook-projects" label="Projects to send" error={error} help="Type to search Jira's projects.">
          {(describedBy) => (
            <AsyncSelect<Option<string>, true>
              inputId="webhook-projects"
              isMulti
              cacheOptions
              defaultOptions
              loadOptions={searchProjects}
              value={value}
              onChange={(options) =>
                onChange(
                  false,
                  options.map((o) => o.value),
                )
              }
              isInvalid={error !== undefined}
              aria-describedby={describedBy}
              placeholder="Search projects"
              testId="webhook-projects"
            />
          )}
        </FormField>
      )}
    </Stack>
  );
}
