import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../contract/fields';
import type { CatalogueRecord } from './catalogue';
import { changeField } from './catalogue-rules';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';

const record = (): CatalogueRecord => ({ nextFieldId: FIRST_FREE_FIELD_ID, nextOptionId: FIRST_FREE_OPTION_ID, fields: PREDEFINED_FIELDS });
const refusal = (field: string, code: string, message: string) => ({ ok: false, errors: [{ field, code, message }] });
/** The predefined catalogue with one field replaced. */
const withField = (field: FieldDefinition, nextOptionId = FIRST_FREE_OPTION_ID): CatalogueRecord => ({
  nextFieldId: FIRST_FREE_FIELD_ID,
  nextOptionId,
  fields: PREDEFINED_FIELDS.map((f) => (f.id === field.id ? field : f)),
});
/** Status's options as a change sends them (ids 1–5: On track, At risk, Off track, On hold, Done). */
const statusOptions = () => (PREDEFINED_FIELDS[0]?.options ?? []).map((o) => ({ id: o.id, name: o.name, disabled: o.disabled }));

describe('changeField', () => {
  it('refuses a field that does not exist', () => {
    expect(changeField(record(), { id: 4242, name: 'X' })).toEqual(refusal('id', 'UNKNOWN_FIELD', 'id: there is no field 4242'));
  });

  it('renames the field it is given, trimmed, and touches nothing else', () => {
    const renamed = { id: 1004, name: 'Go-live', type: 'date' } as const;
    expect(changeField(record(), { id: 1004, name: ' Go-live ' })).toStrictEqual({ ok: true, field: renamed, record: withField(renamed) });
  });

  it('lets a field keep its own name in another case, but not take another field’s', () => {
    expect(changeField(record(), { id: 1001, name: 'STATUS' })).toMatchObject({ ok: true, field: { id: 1001, name: 'STATUS' } });
    expect(changeField(record(), { id: 1003, name: 'end date' })).toEqual(
      refusal('name', 'DUPLICATE_NAME', 'name: a field named "End date" already exists'),
    );
    expect(changeField(record(), { id: 1003, name: ' ' })).toEqual(refusal('name', 'INVALID_NAME', 'name: must be 1 to 255 characters'));
  });

  it('sets or clears the description, and refuses one over 1000 characters', () => {
    const described = { id: 1003, name: 'Start date', type: 'date', description: 'When work starts' } as const;
    expect(changeField(record(), { id: 1003, description: 'When work starts' })).toStrictEqual({
      ok: true,
      field: described,
      record: withField(described),
    });
    expect(changeField(withField(described), { id: 1003, description: '' })).toMatchObject({ ok: true, field: { description: '' } });
    expect(changeField(record(), { id: 1003, description: 'x'.repeat(1001) })).toEqual(
      refusal('description', 'INVALID_DESCRIPTION', 'description: must be at most 1000 characters'),
    );
  });

  it('renames and disables options in place and gives new ones the next ids, names trimmed', () => {
    const options = statusOptions().map((o) => (o.id === 4 ? { ...o, name: ' Paused ', disabled: true } : o));
    const verdict = changeField(record(), {
      id: 1001,
      options: [...options, { name: ' Cancelled ', disabled: false }, { name: 'Merged', disabled: true }],
    });
    const status: FieldDefinition = {
      id: 1001,
      name: 'Status',
      type: 'status',
      options: [
        { id: 1, name: 'On track', disabled: false },
        { id: 2, name: 'At risk', disabled: false },
        { id: 3, name: 'Off track', disabled: false },
        { id: 4, name: 'Paused', disabled: true },
        { id: 5, name: 'Done', disabled: false },
        { id: 11, name: 'Cancelled', disabled: false },
        { id: 12, name: 'Merged', disabled: true },
      ],
    };
    expect(verdict).toStrictEqual({ ok: true, field: status, record: withField(status, 13) });
  });

  it('never removes an option, naming the first one missing', () => {
    expect(changeField(record(), { id: 1001, options: statusOptions().slice(2) })).toEqual(
      refusal('options', 'OPTION_REMOVED', 'options: "On track" cannot be removed; disable it instead'),
    );
  });

  it("refuses an option id the field does not have, another field's included", () => {
    expect(changeField(record(), { id: 1001, options: [...statusOptions(), { id: 99, name: 'Lost', disabled: false }] })).toEqual(
      refusal('options', 'UNKNOWN_OPTION', 'options: this field has no option 99'),
    );
    expect(changeField(record(), { id: 1001, options: [...statusOptions(), { id: 6, name: 'Highest', disabled: false }] })).toEqual(
      refusal('options', 'UNKNOWN_OPTION', 'options: this field has no option 6'),
    );
  });

  it('refuses an option id given twice, and invalid or duplicate option names', () => {
    const twice = [...statusOptions(), { id: 1, name: 'Again', disabled: false }];
    expect(changeField(record(), { id: 1001, options: twice })).toEqual(
      refusal('options', 'DUPLICATE_OPTION', 'options: an option id is given more than once'),
    );
    const blank = statusOptions().map((o) => (o.id === 2 ? { ...o, name: ' ' } : o));
    expect(changeField(record(), { id: 1001, options: blank })).toEqual(
      refusal('options', 'INVALID_OPTION', 'options: each option needs a name of 1 to 255 characters'),
    );
    expect(changeField(record(), { id: 1001, options: [...statusOptions(), { name: 'done', disabled: false }] })).toEqual(
      refusal('options', 'DUPLICATE_OPTION', 'options: option names must be distinct'),
    );
  });

  it('gives no options to a field of a type without them', () => {
    expect(changeField(record(), { id: 1003, options: [{ name: 'Soon', disabled: false }] })).toEqual(
      refusal('options', 'OPTIONS_NOT_ALLOWED', 'options: a date field has no options'),
    );
  });

  it('reports every refusal together, in a fixed order', () => {
    const verdict = changeField(record(), {
      id: 1002,
      name: 'Status',
      description: 'x'.repeat(1001),
      options: [
        { id: 6, name: '', disabled: false },
        { id: 6, name: 'Top', disabled: false },
        { id: 1, name: 'On track', disabled: false },
      ],
    });
    expect(verdict).toEqual({
      ok: false,
      errors: [
        { field: 'description', code: 'INVALID_DESCRIPTION', message: 'description: must be at most 1000 characters' },
        { field: 'name', code: 'DUPLICATE_NAME', message: 'name: a field named "Status" already exists' },
        { field: 'options', code: 'DUPLICATE_OPTION', message: 'options: an option id is given more than once' },
        { field: 'options', code: 'INVALID_OPTION', message: 'options: each option needs a name of 1 to 255 characters' },
        { field: 'options', code: 'OPTION_REMOVED', message: 'options: "High" cannot be removed; disable it instead' },
        { field: 'options', code: 'UNKNOWN_OPTION', message: 'options: this field has no option 1' },
      ],
    });
  });
});
