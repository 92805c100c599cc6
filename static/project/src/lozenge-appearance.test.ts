import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { lozengeAppearance } from './lozenge-appearance';

const options = (names: string[]) => names.map((name, i) => ({ id: i + 1, name, disabled: false }));
const status: FieldDefinition = {
  id: 1001,
  name: 'Status',
  type: 'status',
  options: options(['On track', 'At risk', 'Off track', 'On hold', 'Done', 'Reviewing']),
};
const priority: FieldDefinition = { id: 1002, name: 'Priority', type: 'priority', options: options(['Highest', 'High', 'Medium', 'Low', 'Lowest']) };

describe('lozengeAppearance', () => {
  it('colours a status by what its name says, anything else as in progress', () => {
    expect([1, 2, 3, 4, 5, 6].map((id) => lozengeAppearance(status, id))).toEqual([
      'success',
      'moved',
      'removed',
      'default',
      'success',
      'inprogress',
    ]);
  });

  it('colours a priority by its rank and a list option plain', () => {
    expect([1, 2, 3, 4, 5, 99].map((id) => lozengeAppearance(priority, id))).toEqual([
      'removed',
      'removed',
      'moved',
      'default',
      'default',
      'default',
    ]);
    expect(lozengeAppearance({ ...status, type: 'list' }, 1)).toBe('default');
    expect(lozengeAppearance({ ...priority, options: options(['Only']) }, 1)).toBe('default');
  });
});
