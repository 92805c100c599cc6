import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { FieldDefinition, RawValue } from '../../../src/contract/fields';
import { isEmpty, plainValue } from './display-value';
import { NamedAvatar } from './initials-avatar';
import type { Names } from './names';
import { optionChoices } from './option-choices';
import { OptionLozenge } from './option-lozenge';
import { heldPick } from './picks';

const textStyles = xcss({ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' });

/** A stored value as people read it: lozenges for options, avatars for people and projects, text for the rest. */
export function ReadOnlyValue({ field, raw, names }: { field: FieldDefinition; raw: RawValue | null | undefined; names: Names }) {
  if (isEmpty(raw)) return <Text color="color.text.subtlest">Not set</Text>;
  const ids = (Array.isArray(raw) ? raw : [raw]).map(String);
  switch (field.type) {
    case 'status':
    case 'priority':
    case 'list':
    case 'multilist': {
      const choices = optionChoices(field, raw);
      return (
        <Inline space="space.100" shouldWrap>
          {ids.map((id) => (
            <OptionLozenge key={id} field={field} optionId={Number(id)} label={choices.find((choice) => choice.value === id)?.label ?? id} />
          ))}
        </Inline>
      );
    }
    case 'user':
    case 'multiuser':
    case 'project':
    case 'multiproject': {
      const people = field.type === 'user' || field.type === 'multiuser';
      return (
        <Stack space="space.075">
          {ids.map((id) => {
            const pick = heldPick(id, names, people);
            return <NamedAvatar key={id} id={id} name={pick.name} label={pick.label} square={!people} />;
          })}
        </Stack>
      );
    }
    default:
      return (
        <Box xcss={textStyles}>
          {field.type === 'date' && typeof raw === 'string' ? (
            <time dateTime={raw}>{plainValue(field, raw)}</time>
          ) : (
            <Text>{plainValue(field, raw)}</Text>
          )}
        </Box>
      );
  }
}
