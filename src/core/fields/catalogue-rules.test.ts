import { describe, expect, it } from 'vitest';
import type { FieldType } from '../../contract/fields';
import type { CatalogueRecord } from './catalogue';
import { addField } from './catalogue-rules';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';

const record = (): CatalogueRecord => ({ nextFieldId: FIRST_FREE_FIELD_ID, nextOptionId: FIRST_FREE_OPTION_ID, fields: PREDEFINED_FIELDS });
const refusal = (field: string, code: string, message: string) => ({ ok: false, errors: [{ field, code, message }] });
const add = (name: string, type: FieldType = 'text', more: { description?: string; options?: string[] } = {}) =>
  addField(record(), { name, type, ...more });

describe('addField', () => {
  it('adds a field with the next ids, its name and options trimmed, its description kept', () => {
    const field = {
      id: 1011,
      name: 'Phase',
      type: 'list',
      description: ' Where the project is ',
      options: [
        { id: 11, name: 'Build', disabled: false },
        { id: 12, name: 'Run', disabled: false },
      ],
    };
    expect(add(' Phase ', 'list', { description: ' Where the project is ', options: [' Build ', 'Run'] })).toEqual({
      ok: true,
      field,
      record: { nextFieldId: 1012, nextOptionId: 13, fields: [...PREDEFINED_FIELDS, field] },
    });
  });

  it('adds a field without options or description as just its id, name and type', () => {
    expect(add('Code name')).toStrictEqual({
      ok: true,
      field: { id: 1011, name: 'Code name', type: 'text' },
      record: { nextFieldId: 1012, nextOptionId: 11, fields: [...PREDEFINED_FIELDS, { id: 1011, name: 'Code name', type: 'text' }] },
    });
  });

  it('takes names of 1 to 255 characters, however they start or end', () => {
    for (const name of ['x', 'x'.repeat(255), '12a', 'a12', 'Phase 2']) expect(add(name), name).toMatchObject({ ok: true, field: { name } });
    for (const name of ['', '   ', 'x'.repeat(256)])
      expect(add(name), name).toEqual(refusal('name', 'INVALID_NAME', 'name: must be 1 to 255 characters'));
  });

  it('refuses names of digits only, since values can be set by field id', () => {
    for (const name of ['123', ' 1011 '])
      expect(add(name)).toEqual(refusal('name', 'INVALID_NAME', 'name: must not be only digits (values can be set by field id or name)'));
  });

  it('refuses reserved names, whatever their case', () => {
    expect(add('constructor')).toEqual(refusal('name', 'RESERVED_NAME', 'name: "constructor" is reserved; choose another name'));
    expect(add(' Prototype ')).toEqual(refusal('name', 'RESERVED_NAME', 'name: "Prototype" is reserved; choose another name'));
    expect(add('__proto__')).toEqual(refusal('name', 'RESERVED_NAME', 'name: "__proto__" is reserved; choose another name'));
  });

  it("refuses the name of another field or of a Jira attribute, ignoring case, naming the field's own spelling", () => {
    expect(add(' status ')).toEqual(refusal('name', 'DUPLICATE_NAME', 'name: a field named "Status" already exists'));
    expect(add('PROJECT KEY')).toEqual(refusal('name', 'DUPLICATE_NAME', 'name: a field named "Project key" already exists'));
  });

  it('takes a description of at most 1000 characters', () => {
    expect(add('Notes', 'text', { description: 'x'.repeat(1000) })).toMatchObject({ ok: true, field: { description: 'x'.repeat(1000) } });
    expect(add('Notes', 'text', { description: 'x'.repeat(1001) })).toEqual(
      refusal('description', 'INVALID_DESCRIPTION', 'description: must be at most 1000 characters'),
    );
  });

  it('wants options for option types only', () => {
    expect(add('Phase', 'list')).toEqual(refusal('options', 'OPTIONS_REQUIRED', 'options: a list field needs at least one option'));
    expect(add('Phase', 'multilist', { options: [] })).toEqual(
      refusal('options', 'OPTIONS_REQUIRED', 'options: a multilist field needs at least one option'),
    );
    expect(add('Notes', 'textarea', { options: ['a'] })).toEqual(
      refusal('options', 'OPTIONS_NOT_ALLOWED', 'options: a textarea field has no options'),
    );
    expect(add('Notes', 'textarea', { options: [] })).toStrictEqual({
      ok: true,
      field: { id: 1011, name: 'Notes', type: 'textarea' },
      record: { nextFieldId: 1012, nextOptionId: 11, fields: [...PREDEFINED_FIELDS, { id: 1011, name: 'Notes', type: 'textarea' }] },
    });
  });

  it('takes option names of 1 to 255 characters', () => {
    expect(add('Phase', 'list', { options: ['x'.repeat(255)] })).toMatchObject({ ok: true, field: { options: [{ name: 'x'.repeat(255) }] } });
    for (const options of [[''], ['  '], ['ok', ''], ['x'.repeat(256)]])
      expect(add('Phase', 'list', { options }), JSON.stringify(options).slice(0, 20)).toEqual(
        refusal('options', 'INVALID_OPTION', 'options: each option needs a name of 1 to 255 characters'),
      );
  });

  it('wants distinct option names, compared trimmed and ignoring case as lower case', () => {
    for (const options of [
      ['a', 'A'],
      [' Build', 'build '],
      ['Run', 'Walk', 'RUN'],
    ])
      expect(add('Phase', 'list', { options }), options.join()).toEqual(
        refusal('options', 'DUPLICATE_OPTION', 'options: option names must be distinct'),
      );
    expect(add('Phase', 'list', { options: ['Maße', 'MASSE'] })).toMatchObject({
      ok: true,
      field: { options: [{ name: 'Maße' }, { name: 'MASSE' }] },
    });
  });

  it('reports every refusal together: name, description, options', () => {
    expect(add('', 'text', { description: 'x'.repeat(1001), options: ['a'] })).toEqual({
      ok: false,
      errors: [
        { field: 'name', code: 'INVALID_NAME', message: 'name: must be 1 to 255 characters' },
        { field: 'description', code: 'INVALID_DESCRIPTION', message: 'description: must be at most 1000 characters' },
        { field: 'options', code: 'OPTIONS_NOT_ALLOWED', message: 'options: a text field has no options' },
      ],
    });
  });
});
