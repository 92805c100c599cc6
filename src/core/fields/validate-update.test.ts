import { describe, expect, it } from 'vitest';
import { testCatalogue } from '../../../test/support/catalogue';
import { INVALID_VALUES, KNOWN_PROJECTS, KNOWN_USERS } from '../../../test/support/invalid-inputs';
import { findField, referencedIds, validateUpdate } from './validate-update';

const refs = { userExists: (id: string) => KNOWN_USERS.has(id), projectExists: (id: string) => KNOWN_PROJECTS.has(id) };
const catalogue = testCatalogue();

describe('validateUpdate', () => {
  it(`refuses each of ${INVALID_VALUES.length} distinct invalid values, naming the field and the reason`, () => {
    expect(INVALID_VALUES.length).toBeGreaterThanOrEqual(30);
    for (const bad of INVALID_VALUES) {
      const verdict = validateUpdate(catalogue, { [bad.field]: bad.value }, refs);
      expect(verdict, `${bad.field} = ${JSON.stringify(bad.value).slice(0, 40)}`).toEqual({
        ok: false,
        errors: [
          { field: bad.field, code: bad.code, message: expect.stringMatching(new RegExp(`^${bad.names.replace(/[?]/g, '\\?')}: `)) as unknown },
        ],
      });
    }
  });

  it('reports every refused value of one update together', () => {
    const verdict = validateUpdate(catalogue, { Budget: 'x', Status: 'Done', 'Start date': '2026-02-30' }, refs);
    expect(verdict.ok ? [] : verdict.errors.map((e) => e.code)).toEqual(['INVALID_NUMBER', 'INVALID_DATE']);
  });

  it('refuses a value for an archived field, by id or by name, and accepts the same field once restored', () => {
    const archived = catalogue.map((f) => (f.id === 1003 ? { ...f, archived: true } : f));
    const refused = { code: 'ARCHIVED_FIELD', message: "Start date: is archived; a Jira admin can restore it on Projectrak's admin page" };
    expect(validateUpdate(archived, { '1003': '2026-12-01', Status: 'Done' }, refs)).toEqual({ ok: false, errors: [{ field: '1003', ...refused }] });
    expect(validateUpdate(archived, { 'start date': null }, refs)).toEqual({ ok: false, errors: [{ field: 'start date', ...refused }] });
    expect(validateUpdate(catalogue, { '1003': '2026-12-01' }, refs)).toEqual({ ok: true, values: new Map([[1003, '2026-12-01']]) });
  });

  it('refuses the same field named twice, by id and by name', () => {
    expect(validateUpdate(catalogue, { '1001': 'Done', status: 'At risk' }, refs)).toEqual({
      ok: false,
      errors: [{ field: 'status', code: 'DUPLICATE_FIELD', message: 'Status: is given more than once' }],
    });
  });

  it('normalises accepted values: options to ids, empty to null, duplicates in lists removed', () => {
    const verdict = validateUpdate(catalogue, { Status: 'done', '1002': 7, Tags: ['Green', 15, 'Red'], 'Code name': '', Stakeholders: [] }, refs);
    expect(verdict).toEqual({
      ok: true,
      values: new Map<number, unknown>([
        [1001, 5],
        [1002, 7],
        [1014, [15, 14]],
        [1011, null],
        [1010, null],
      ]),
    });
  });

  it('lists the users and projects an update mentions, for one lookup each', () => {
    expect(
      referencedIds(catalogue, { Stakeholders: ['a', 'b'], Sponsor: 'a', 'Related projects': ['10001'], 'Parent project': 10002, Budget: 3 }),
    ).toEqual({
      accountIds: ['a', 'b'],
      projectIds: ['10001', '10002'],
    });
  });

  it('refuses reserved names as keys, whatever their case, before looking for a field', () => {
    expect(validateUpdate(catalogue, JSON.parse('{"__proto__": 1, " Constructor": 2, "Budget": 3}') as Record<string, unknown>, refs)).toEqual({
      ok: false,
      errors: [
        { field: '__proto__', code: 'RESERVED_NAME', message: '__proto__: is a reserved name, not a field' },
        { field: ' Constructor', code: 'RESERVED_NAME', message: ' Constructor: is a reserved name, not a field' },
      ],
    });
  });

  it('looks up the users and projects of known fields only, item by item for multi-value fields', () => {
    expect(referencedIds(catalogue, { Sponsor: 'a' })).toEqual({ accountIds: ['a'], projectIds: [] });
    expect(referencedIds(catalogue, { 'Parent project': '10002' })).toEqual({ accountIds: [], projectIds: ['10002'] });
    expect(referencedIds(catalogue, { Nobody: 'a', Sponsor: ['b', 'c'], Stakeholders: [null, 'd', ['e']], 'Related projects': '10001' })).toEqual({
      accountIds: ['d'],
      projectIds: ['10001'],
    });
    expect(referencedIds(catalogue, { Sponsor: null, 'Parent project': { id: 1 } })).toEqual({ accountIds: [], projectIds: [] });
  });
});

describe('findField', () => {
  it('finds a field by its id or its name, ignoring case and surrounding spaces', () => {
    expect([' 1001 ', '1001', ' status ', 'STATUS'].map((ref) => findField(catalogue, ref)?.id)).toEqual([1001, 1001, 1001, 1001]);
  });

  it('reads only plain digits as an id', () => {
    expect(['1.001e3', '1001.0', '0x3E9', '+1001', '1001x', 'x1001'].map((ref) => findField(catalogue, ref))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('finds a field named with digits by its name when no field has that id', () => {
    const year = { id: 2001, name: '2024', type: 'text' } as const;
    expect(findField([year], '2024')).toEqual(year);
    expect(findField([year], '2001')).toEqual(year);
  });
});
