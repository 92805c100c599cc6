import { describe, expect, it } from 'vitest';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';
import { addField, changeField } from './catalogue-rules';

const record = () => ({ nextFieldId: FIRST_FREE_FIELD_ID, nextOptionId: FIRST_FREE_OPTION_ID, fields: PREDEFINED_FIELDS });

describe('field catalogue rules', () => {
  it('adds a field with the next ids, options included', () => {
    const verdict = addField(record(), { name: ' Phase ', type: 'list', options: ['Build', 'Run'] });
    expect(verdict).toMatchObject({
      ok: true,
      field: {
        id: 1011,
        name: 'Phase',
        type: 'list',
        options: [
          { id: 11, name: 'Build', disabled: false },
          { id: 12, name: 'Run', disabled: false },
        ],
      },
      record: { nextFieldId: 1012, nextOptionId: 13 },
    });
  });

  it('refuses duplicate or numeric names, missing or stray options', () => {
    const codes = (v: ReturnType<typeof addField>) => (v.ok ? [] : v.errors.map((e) => e.code));
    expect(codes(addField(record(), { name: 'status', type: 'text' }))).toEqual(['DUPLICATE_NAME']);
    expect(codes(addField(record(), { name: '123', type: 'text' }))).toEqual(['INVALID_NAME']);
    expect(codes(addField(record(), { name: 'Phase', type: 'list' }))).toEqual(['OPTIONS_REQUIRED']);
    expect(codes(addField(record(), { name: 'Notes', type: 'text', options: ['a'] }))).toEqual(['OPTIONS_NOT_ALLOWED']);
    expect(codes(addField(record(), { name: 'Phase', type: 'list', options: ['a', 'A'] }))).toEqual(['DUPLICATE_OPTION']);
    expect(codes(addField(record(), { name: 'project name', type: 'text' }))).toEqual(['DUPLICATE_NAME']);
    expect(codes(addField(record(), { name: 'Notes', type: 'text', description: 'x'.repeat(1001) }))).toEqual(['INVALID_DESCRIPTION']);
    expect(
      codes(
        changeField(record(), {
          id: 1002,
          options: [
            { id: 6, name: 'A', disabled: false },
            { id: 6, name: 'B', disabled: false },
          ],
        }),
      ),
    ).toEqual(expect.arrayContaining(['DUPLICATE_OPTION']));
  });

  it('renames and disables options but never removes them', () => {
    const status = PREDEFINED_FIELDS[0]!;
    const options = (status.options ?? []).map((o) => ({ id: o.id, name: o.name, disabled: o.name === 'On hold' }));
    const changed = changeField(record(), { id: status.id, options: [...options, { name: 'Cancelled', disabled: false }] });
    expect(changed.ok && changed.field.options?.map((o) => [o.id, o.name, o.disabled])).toEqual([
      [1, 'On track', false],
      [2, 'At risk', false],
      [3, 'Off track', false],
      [4, 'On hold', true],
      [5, 'Done', false],
      [11, 'Cancelled', false],
    ]);
    const removed = changeField(record(), { id: status.id, options: options.slice(1) });
    expect(removed).toEqual({
      ok: false,
      errors: [{ field: 'options', code: 'OPTION_REMOVED', message: 'options: "On track" cannot be removed; disable it instead' }],
    });
  });
});
