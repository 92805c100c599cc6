import { describe, expect, it } from 'vitest';
import { addOption, checkOptions, draftOptions, moveOption, optionsInput, removeNewOption } from './options-draft';

const saved = draftOptions([
  { id: 1, name: 'On track', disabled: false },
  { id: 2, name: 'At risk', disabled: false },
  { id: 3, name: 'Done', disabled: true },
]);

describe('options being edited', () => {
  it('keep the ids of saved options and send new ones without, in the order shown', () => {
    const edited = moveOption(addOption(saved, ' Paused '), 3, -1);
    expect(optionsInput(edited)).toEqual([
      { id: 1, name: 'On track', disabled: false },
      { id: 2, name: 'At risk', disabled: false },
      { name: 'Paused', disabled: false },
      { id: 3, name: 'Done', disabled: true },
    ]);
  });

  it('do not move past either end', () => {
    expect(moveOption(saved, 0, -1)).toBe(saved);
    expect(moveOption(saved, 2, 1)).toBe(saved);
    expect(moveOption(saved, 0, 1).map((o) => o.id)).toEqual([2, 1, 3]);
  });

  it('lose a new option when it is removed, never a saved one', () => {
    const withNew = addOption(saved, 'Paused');
    const added = withNew[3]!;
    expect(removeNewOption(withNew, added.key)).toEqual(saved);
    expect(removeNewOption(saved, saved[0]!.key)).toEqual(saved);
  });

  it('are checked for empty and repeated names, ignoring case', () => {
    const edited = addOption(addOption(saved, 'at RISK'), ' ');
    expect(checkOptions(edited)).toEqual({ [edited[3]!.key]: '“at RISK” is there already.', [edited[4]!.key]: 'Give the option a name.' });
  });
});
