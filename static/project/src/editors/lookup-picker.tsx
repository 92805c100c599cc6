import { Box } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useMemo, useState } from 'react';
import { toApiError } from '../../../shared/api-error';
import { debounceSearch } from '../debounce-search';
import { isMulti } from '../field-draft';
import { NamedAvatar } from '../initials-avatar';
import type { Names } from '../names';
import { searchPeople, searchProjects } from '../names';
import { heldPick, personPick, projectPick, type Pick } from '../picks';
import { editorTestId, listOf, textOf, type EditorProps } from './editor-props';

const SEARCH_PAUSE_MS = 250;

export interface LookupPickerProps extends EditorProps {
  names: Names;
  /** Called with the picks chosen, so their names are remembered once saved. */
  onPicked: (picks: readonly Pick[]) => void;
}

/**
 * Atlaskit's async select for user and project fields: it searches Jira (as the user) while they type and shows
 * each match with its avatar; multi fields hold removable tags. Escape closes the menu.
 */
export function LookupPicker({ field, inputId, draft, onChange, describedBy, invalid, names, onPicked }: LookupPickerProps) {
  const people = field.type === 'user' || field.type === 'multiuser';
  const [problem, setProblem] = useState<string | null>(null);
  const search = useMemo(
    () =>
      debounceSearch<Pick>(async (query) => {
        try {
          const found = people ? (await searchPeople(query)).map(personPick) : (await searchProjects(query)).map(projectPick);
          setProblem(null);
          return found;
        } catch (thrown) {
          setProblem(toApiError(thrown).message);
          return [];
        }
      }, SEARCH_PAUSE_MS),
    [people],
  );
  const loadOptions = (input: string): Promise<Pick[]> => (input.trim() === '' ? Promise.resolve([]) : search(input.trim()));
  const what = people ? 'people' : 'projects';
  const common = {
    inputId,
    loadOptions,
    cacheOptions: true,
    isInvalid: invalid,
    'aria-describedby': describedBy,
    placeholder: people ? 'Search people' : 'Search projects',
    menuPlacement: 'auto' as const,
    formatOptionLabel: (pick: Pick, meta: { context: 'menu' | 'value' }) => (
      <NamedAvatar
        id={pick.value}
        name={pick.name}
        label={pick.label}
        square={!people}
        size={meta.context === 'value' && isMulti(field) ? 'xsmall' : 'small'}
      />
    ),
    noOptionsMessage: ({ inputValue }: { inputValue: string }) =>
      problem
        ? `Could not search ${what}: ${problem}`
        : inputValue.trim() === ''
          ? `Type to search ${what}`
          : `No ${what} match "${inputValue.trim()}"`,
    loadingMessage: () => `Searching ${what}…`,
  };
  return (
    <Box testId={editorTestId(field)}>
      {isMulti(field) ? (
        <AsyncSelect<Pick, true>
          {...common}
          isMulti
          value={listOf(draft).map((id) => heldPick(id, names, people))}
          onChange={(picked) => {
            onPicked(picked);
            onChange(picked.map((pick) => pick.value));
          }}
        />
      ) : (
        <AsyncSelect<Pick, false>
          {...common}
          isClearable
          value={textOf(draft) === '' ? null : heldPick(textOf(draft), names, people)}
          onChange={(picked) => {
            if (picked) onPicked([picked]);
            onChange(picked?.value ?? '');
          }}
        />
      )}
    </Box>
  );
}
