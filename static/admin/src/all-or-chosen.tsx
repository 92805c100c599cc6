import { Fieldset } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';

export interface Option<V> {
  label: string;
  value: V;
}

export interface ChoiceProps<V> {
  all: boolean;
  chosen: V[];
  onChange: (all: boolean, chosen: V[]) => void;
  error: string | undefined;
}

/** All of them, or only those chosen: the two ways a webhook filter goes. */
export function AllOrChosen({
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
