import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../../src/contract/fields';
import { matchFieldErrors } from './field-errors';

const fields: FieldDefinition[] = [
  { id: 1001, name: 'Status', type: 'status', options: [] },
  { id: 1011, name: 'Code name', type: 'text' },
];

describe('matchFieldErrors', () => {
  it('places errors by field id or name, without the field name the app puts first', () => {
    const matched = matchFieldErrors(fields, [
      { field: '1001', code: 'DISABLED_OPTION', message: 'Status: option "Done" is disabled' },
      { field: 'code NAME', code: 'INVALID_TEXT', message: 'must be a single line' },
      { field: 'Budget', code: 'UNKNOWN_FIELD', message: 'Budget: no such field' },
    ]);
    expect(matched).toEqual({
      byId: { '1001': 'Option "Done" is disabled', '1011': 'Must be a single line' },
      unmatched: [{ field: 'Budget', code: 'UNKNOWN_FIELD', message: 'Budget: no such field' }],
    });
  });
});
