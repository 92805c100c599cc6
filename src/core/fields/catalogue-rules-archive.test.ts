import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../contract/fields';
import type { CatalogueRecord } from './catalogue';
import { archiveField, deleteField } from './catalogue-rules';
import { FIRST_FREE_FIELD_ID, FIRST_FREE_OPTION_ID, PREDEFINED_FIELDS } from './predefined';

const record = (fields: FieldDefinition[] = PREDEFINED_FIELDS): CatalogueRecord => ({
  nextFieldId: FIRST_FREE_FIELD_ID,
  nextOptionId: FIRST_FREE_OPTION_ID,
  fields,
});
const refusal = (code: string, message: string) => ({ ok: false, errors: [{ field: 'id', code, message }] });
const startDate = { id: 1003, name: 'Start date', type: 'date' } as const;
const replaced = (field: FieldDefinition) => PREDEFINED_FIELDS.map((f) => (f.id === field.id ? field : f));

describe('archiveField', () => {
  it('marks the field archived and keeps everything else of it and of the catalogue', () => {
    const archived = { ...startDate, archived: true };
    expect(archiveField(record(), 1003, true)).toStrictEqual({ ok: true, field: archived, record: record(replaced(archived)) });
  });

  it('restores an archived field to exactly what it was before', () => {
    const archived = archiveField(record(), 1001, true);
    if (!archived.ok) throw new Error('archiving refused');
    expect(archiveField(archived.record, 1001, false)).toStrictEqual({ ok: true, field: PREDEFINED_FIELDS[0], record: record() });
  });

  it('refuses an unknown id, and Jira’s own attributes, naming why', () => {
    expect(archiveField(record(), 4242, true)).toEqual(refusal('UNKNOWN_FIELD', 'id: there is no field 4242'));
    expect(archiveField(record(), 3, true)).toEqual(
      refusal('READ_ONLY_FIELD', "id: 3 is one of Jira's own project attributes, which Projectrak only reads"),
    );
  });
});

describe('deleteField', () => {
  it('removes the field and keeps the id counters, so its id is never given to another field', () => {
    expect(deleteField(record(), 1003, [])).toStrictEqual({
      ok: true,
      field: startDate,
      record: record(PREDEFINED_FIELDS.filter((f) => f.id !== 1003)),
    });
  });

  it('refuses while webhooks filter on the field, naming them', () => {
    expect(deleteField(record(), 1003, ['CRM'])).toEqual(
      refusal('FIELD_IN_USE', 'id: Start date is in the field filter of webhook "CRM"; remove it there first, or archive the field instead'),
    );
    expect(deleteField(record(), 1003, ['CRM', 'Data lake'])).toEqual(
      refusal(
        'FIELD_IN_USE',
        'id: Start date is in the field filter of webhooks "CRM", "Data lake"; remove it there first, or archive the field instead',
      ),
    );
  });

  it('refuses an unknown id, and Jira’s own attributes', () => {
    expect(deleteField(record(), 4242, [])).toEqual(refusal('UNKNOWN_FIELD', 'id: there is no field 4242'));
    expect(deleteField(record(), 1, [])).toEqual(
      refusal('READ_ONLY_FIELD', "id: 1 is one of Jira's own project attributes, which Projectrak only reads"),
    );
  });
});
