import type { FieldDefinition } from '../../src/contract/fields';
import { PREDEFINED_FIELDS } from '../../src/core/fields/predefined';

/** Fields the tests add to the predefined ones, in this order (so they get ids 1011–1016 and options 11–15). */
export const EXTRA_FIELDS = [
  { name: 'Code name', type: 'text' },
  { name: 'Budget', type: 'number' },
  { name: 'Phase', type: 'list', options: ['Discovery', 'Build', 'Launch'] },
  { name: 'Tags', type: 'multilist', options: ['Red', 'Green'] },
  { name: 'Sponsor', type: 'user' },
  { name: 'Parent project', type: 'project' },
] as const;

/** The catalogue after EXTRA_FIELDS were created and Phase's "Launch" option disabled. */
export function testCatalogue(): FieldDefinition[] {
  let optionId = 11;
  const extra = EXTRA_FIELDS.map((f, i): FieldDefinition => ({
    id: 1011 + i,
    name: f.name,
    type: f.type,
    ...('options' in f ? { options: f.options.map((name) => ({ id: optionId++, name, disabled: name === 'Launch' })) } : {}),
  }));
  return [...PREDEFINED_FIELDS, ...extra];
}
