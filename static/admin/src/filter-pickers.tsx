import { Fieldset } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import Select, { AsyncSelect } from '@atlaskit/select';
import type { FieldDefinition } from '../../../src/contract/fields';
import type { ResolverAnswer } from '../../../src/contract/resolvers';
import { call } from '../../shared/api';
import { FormField } from './form-field';

type Project = ResolverAnswer<'lookup/projects'>['projects'][number];
interface Option<V> {
  label: string;
  value: V;
}

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

export interface ChoiceProps<V> {
  all: boolean;
  chosen: V[];
  onChange: (all: boolean, chosen: V[]) => void;
  error: string | undefined;
}

function AllOrChosen({
  id,
  legend,
  allLabel,
  chosenLabel,
  all,
  onAll,
}: {
  id: string;
  legend: string;
  allLabel: string;
  chosenLabel: string;
  all: boolean;
  onAll: (all: boolean) => void;
}) {
  return (
    <Fieldset legend={legend}>
      <RadioGroup
        name={id}
        options={[
          { name: id, value: 'all', label: allLabel, testId: `${id}-all` },
          { name: id, value: 'chosen', label: chosenLabel, testId: `${id}-chosen` },
        ]}
        value={all ? 'all' : 'chosen'}
        onChange={(event) => onAll(event.currentTarget.value === 'all')}
      />
    </Fieldset>
  );
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

const fieldOption = (f: FieldDefinition): Option<number> => ({ label: f.archived ? `${f.name} (archived)` : f.name, value: f.id });

/** Which fields a change is sent with: all, or only those chosen (a change of none of them is not sent). */
export function FieldsFilter({
  all,
  chosen,
  onChange,
  error,
  fields,
  systemFields,
}: ChoiceProps<number> & { fields: FieldDefinition[]; systemFields: FieldDefinition[] }) {
  const every = [...fields, ...systemFields];
  const groups = [
    { label: 'Projectrak fields', options: fields.map(fieldOption) },
    { label: "Jira's project attributes", options: systemFields.map(fieldOption) },
  ];
  const value = chosen.map((id) => {
    const field = every.find((f) => f.id === id);
    return field ? fieldOption(field) : { label: `Field ${id} (deleted)`, value: id };
  });
  return (
    <Stack space="space.100">
      <AllOrChosen
        id="webhook-fields-mode"
        legend="Fields"
        allLabel="Every field"
        chosenLabel="Only these fields"
        all={all}
        onAll={(a) => onChange(a, chosen)}
      />
      {all ? null : (
        <FormField
          id="webhook-fields"
          label="Fields to send"
          error={error}
          help="A change is sent with only these fields, and not at all when it has none of them."
        >
          {(describedBy) => (
            <Select<Option<number>, true>
              inputId="webhook-fields"
              isMulti
              options={groups}
              value={value}
              onChange={(options) =>
                onChange(
                  false,
                  options.map((o) => o.value),
                )
              }
              isInvalid={error !== undefined}
              aria-describedby={describedBy}
              placeholder="Choose fields"
              testId="webhook-fields"
            />
          )}
        </FormField>
      )}
    </Stack>
  );
}
