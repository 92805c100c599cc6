import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../changes/diff';
import type { FieldType } from '../../contract/fields';
import { FIELD_TYPES } from '../../contract/fields';
import { formatValue } from '../payload/format-payload';
import { makeField } from '../../../test/support/factories';
import { KNOWN_PROJECTS, KNOWN_USERS } from '../../../test/support/invalid-inputs';
import { isCalendarDate } from './calendar-date';
import { checkValue, TEXT_MAX_CHARS } from './value-rules';

const refs = { userExists: (id: string) => KNOWN_USERS.has(id), projectExists: (id: string) => KNOWN_PROJECTS.has(id) };
const users = fc.constantFrom(...KNOWN_USERS);
const projects = fc.constantFrom(...KNOWN_PROJECTS);
const isoDate = fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const singleLine = fc.string({ minLength: 1, maxLength: TEXT_MAX_CHARS }).filter((s) => !/[\r\n]/.test(s));

/** Valid inputs per type, with the value that must be stored and the text receivers must get. */
const valid: Record<FieldType, fc.Arbitrary<{ input: unknown; stored: unknown; sent: string | string[] }>> = {
  text: singleLine.map((s) => ({ input: s, stored: s, sent: s })),
  textarea: fc.string({ minLength: 1, maxLength: 2000 }).map((s) => ({ input: s, stored: s, sent: s })),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ input: n, stored: n, sent: String(n) })),
  date: isoDate.map((d) => ({ input: d, stored: d, sent: d })),
  duration: fc.nat().map((n) => ({ input: n, stored: n, sent: String(n) })),
  priority: fc.constantFrom([1, 'Alpha'], [2, 'beta']).map(([id, name]) => ({ input: name, stored: id, sent: id === 1 ? 'Alpha' : 'Beta' })),
  status: fc.constantFrom(1, 2).map((id) => ({ input: id, stored: id, sent: id === 1 ? 'Alpha' : 'Beta' })),
  list: fc.constantFrom(1, 2).map((id) => ({ input: id, stored: id, sent: id === 1 ? 'Alpha' : 'Beta' })),
  multilist: fc
    .uniqueArray(fc.constantFrom(1, 2), { minLength: 1 })
    .map((ids) => ({ input: ids, stored: ids, sent: ids.map((id) => (id === 1 ? 'Alpha' : 'Beta')) })),
  user: users.map((u) => ({ input: u, stored: u, sent: u })),
  multiuser: fc.uniqueArray(users, { minLength: 1 }).map((u) => ({ input: u, stored: u, sent: u })),
  project: projects.map((p) => ({ input: Number(p), stored: p, sent: p })),
  multiproject: fc.uniqueArray(projects, { minLength: 1 }).map((p) => ({ input: p, stored: p, sent: p })),
};

/** Inputs no field of the type may accept. */
const notAScalar = fc.oneof(fc.boolean(), fc.object(), fc.array(fc.integer(), { minLength: 1 }));
const invalid: Record<FieldType, fc.Arbitrary<unknown>> = {
  text: fc.oneof(
    notAScalar,
    fc.integer(),
    fc.string({ minLength: TEXT_MAX_CHARS + 1, maxLength: 400 }),
    fc.string().map((s) => `${s}\n${s}`),
  ),
  textarea: fc.oneof(notAScalar, fc.double()),
  number: fc.oneof(notAScalar, fc.string({ minLength: 1 })),
  date: fc.oneof(
    notAScalar,
    fc.integer(),
    fc.string({ minLength: 1 }).filter((s) => !isCalendarDate(s)),
  ),
  duration: fc.oneof(
    notAScalar,
    fc.integer({ max: -1 }),
    fc.double({ noInteger: true, noNaN: true, min: 0.001, max: 1e6 }),
    fc.string({ minLength: 1 }),
  ),
  priority: fc.oneof(fc.boolean(), fc.object(), fc.integer({ min: 4 }), fc.constant('Retired')),
  status: fc.oneof(
    fc.boolean(),
    fc.integer({ min: 4 }),
    fc.string({ minLength: 1 }).filter((s) => !['alpha', 'beta', 'retired'].includes(s.toLowerCase())),
  ),
  list: fc.oneof(fc.object(), fc.constant(3), fc.constant('retired')),
  multilist: fc.oneof(fc.integer(), fc.constant([3]), fc.array(fc.integer({ min: 4 }), { minLength: 1 })),
  user: fc.oneof(
    notAScalar,
    fc.integer(),
    fc.string({ minLength: 1 }).filter((s) => !KNOWN_USERS.has(s)),
  ),
  multiuser: fc.oneof(
    fc.string(),
    fc.array(
      fc.string({ minLength: 1 }).filter((s) => !KNOWN_USERS.has(s)),
      { minLength: 1 },
    ),
  ),
  project: fc.oneof(
    notAScalar,
    fc.string({ minLength: 1 }).filter((s) => !KNOWN_PROJECTS.has(s)),
  ),
  multiproject: fc.oneof(
    fc.integer(),
    fc.array(
      fc.string({ minLength: 1 }).filter((s) => !KNOWN_PROJECTS.has(s)),
      { minLength: 1 },
    ),
  ),
};

describe('value rules (property tests)', () => {
  it.each(FIELD_TYPES)('%s: any valid value is stored as expected and reaches receivers in the documented format', (type) => {
    const field = makeField(type);
    fc.assert(
      fc.property(valid[type], ({ input, stored, sent }) => {
        const verdict = checkValue(field, input, refs);
        expect(verdict).toEqual({ ok: true, value: stored });
        if (verdict.ok) expect(formatValue(snapshotOf(field, [verdict.value]), verdict.value)).toEqual(sent);
      }),
    );
  });

  it.each(FIELD_TYPES)('%s: any invalid value is refused with a message naming the field', (type) => {
    const field = makeField(type);
    fc.assert(
      fc.property(invalid[type], (input) => {
        const verdict = checkValue(field, input, refs);
        expect(verdict).toMatchObject({
          ok: false,
          code: expect.any(String) as unknown,
          message: expect.stringMatching(new RegExp(`^My ${type}: .+`)) as unknown,
        });
      }),
    );
  });

  it('null and empty inputs clear a value', () => {
    for (const type of FIELD_TYPES) expect(checkValue(makeField(type), null, refs)).toEqual({ ok: true, value: null });
    expect(checkValue(makeField('multiuser'), [], refs)).toEqual({ ok: true, value: null });
    expect(checkValue(makeField('text'), '', refs)).toEqual({ ok: true, value: null });
  });

  it('keeps what a project already holds: a disabled option or a vanished user stays, but cannot be chosen anew', () => {
    const stored = new Map<number, unknown[]>([[2001, [3, 1]]]);
    const holding = { ...refs, alreadyStored: (fieldId: number, item: string | number) => stored.get(fieldId)?.includes(item) ?? false };
    expect(checkValue(makeField('multilist'), [3, 1, 2], holding)).toEqual({ ok: true, value: [3, 1, 2] });
    expect(checkValue(makeField('multilist'), [3, 2], refs)).toMatchObject({ ok: false, code: 'DISABLED_OPTION' });
    stored.set(2001, ['gone-user']);
    expect(checkValue(makeField('multiuser'), ['gone-user', [...KNOWN_USERS][0]], holding)).toMatchObject({ ok: true });
    expect(checkValue(makeField('multiuser'), ['other-gone-user'], holding)).toMatchObject({ ok: false, code: 'UNKNOWN_USER' });
  });
});
