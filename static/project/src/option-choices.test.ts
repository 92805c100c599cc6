import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { chosen, optionChoices } from './option-choices';

const phase: FieldDefinition = {
  id: 1013,
  name: 'Phase',
  type: 'list',
  options: [
    { id: 11, name: 'Discovery', disabled: false },
    { id: 12, name: 'Build', disabled: false },
    { id: 13, name: 'Launch', disabled: true },
  ],
};

describe('optionChoices', () => {
  it('offers the enabled options only, while nothing disabled is held', () => {
    expect(optionChoices(phase, null).map((c) => c.label)).toEqual(['Discovery', 'Build']);
  });

  it('keeps a held disabled option, marked, and a held id the field does not know', () => {
    expect(optionChoices(phase, 13).map((c) => c.label)).toEqual(['Discovery', 'Build', 'Launch (disabled)']);
    expect(optionChoices({ ...phase, type: 'multilist' }, [12, 99]).map((c) => [c.value, c.label])).toEqual([
      ['11', 'Discovery'],
      ['12', 'Build'],
      ['99', 'Unknown option (99)'],
    ]);
  });

  it('picks the chosen ones in the order given', () => {
    expect(chosen(optionChoices(phase, null), ['12', '11']).map((c) => c.optionId)).toEqual([12, 11]);
  });
});
