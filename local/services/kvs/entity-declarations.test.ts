import { describe, expect, it } from 'vitest';
import { readEntityDeclarations } from './entity-declarations';

const employee = (overrides: Record<string, unknown> = {}) => ({
  name: 'employee',
  attributes: { surname: { type: 'string' }, age: { type: 'integer' }, gender: { type: 'string' }, notes: { type: 'any' } },
  indexes: ['surname', { name: 'by-age-per-gender', partition: ['gender'], range: ['age'] }],
  ...overrides,
});
const refusal = (raw: unknown) => {
  try {
    readEntityDeclarations(raw);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('reading app.storage.entities', () => {
  it('reads attributes, simple and named indexes, and adds the by-key index', () => {
    const entity = readEntityDeclarations([employee()]).get('employee');
    expect(entity?.attributes).toEqual(
      new Map([
        ['surname', 'string'],
        ['age', 'integer'],
        ['gender', 'string'],
        ['notes', 'any'],
      ]),
    );
    expect([...(entity?.indexes.values() ?? [])]).toEqual([
      { name: 'by-key', partition: [], range: 'key' },
      { name: 'surname', partition: [], range: { name: 'surname', type: 'string' } },
      { name: 'by-age-per-gender', partition: [{ name: 'gender', type: 'string' }], range: { name: 'age', type: 'integer' } },
    ]);
  });

  it('treats a missing list as no entities, and an entity without indexes as having by-key only', () => {
    expect(readEntityDeclarations(undefined).size).toBe(0);
    const bare = readEntityDeclarations([{ name: 'record-head', attributes: { version: { type: 'integer' } } }]).get('record-head');
    expect([...(bare?.indexes.keys() ?? [])]).toEqual(['by-key']);
  });

  it('accepts underscores inside entity names, as the manifest reference does', () => {
    expect(readEntityDeclarations([employee({ name: 'delivery_log' })]).has('delivery_log')).toBe(true);
    expect(readEntityDeclarations([employee({ name: 'a:b-c.d_e' })]).has('a:b-c.d_e')).toBe(true);
  });

  it.each([
    ['ab', 'must be at least 3 characters'],
    ['e'.repeat(61), 'must be at most 60 characters'],
    ['_log', 'must use only'],
    ['-log', 'must use only'],
    ['.log', 'must use only'],
    ['log.', 'must use only'],
    ['lo..g', 'must use only'],
    ['Log', 'must use only'],
  ])('refuses the entity name %j', (name, reason) => {
    expect(refusal([employee({ name })])).toContain(`app.storage.entities[0].name: "${name}" ${reason}`);
  });

  it('accepts entity names of exactly 3 and 60 characters', () => {
    expect(readEntityDeclarations([employee({ name: 'abc' }), employee({ name: 'e'.repeat(60) })]).size).toBe(2);
  });

  it('refuses a duplicate entity, an unknown type and a bad attribute name', () => {
    expect(refusal([employee(), employee()])).toBe('manifest.yml app.storage.entities[1].name: "employee" is declared twice');
    expect(refusal([employee({ attributes: { age: { type: 'number' } } })])).toContain('app.storage.entities[0].attributes.age.type:');
    expect(refusal([employee({ attributes: { _age: { type: 'integer' } }, indexes: [] })])).toContain('attributes._age: the name must match');
    expect(refusal([employee({ attributes: { ['a'.repeat(31)]: { type: 'integer' } }, indexes: [] })])).toContain('at most 30 characters');
    expect(refusal([employee({ attributes: { ['a'.repeat(30)]: { type: 'integer' } }, indexes: [] })])).toBeUndefined();
  });

  it('refuses indexes on undeclared or any-typed attributes, and ranges of other than one attribute', () => {
    expect(refusal([employee({ indexes: ['salary'] })])).toBe(
      'manifest.yml app.storage.entities[0].indexes[0].range: "salary" is not a declared attribute',
    );
    expect(refusal([employee({ indexes: [{ name: 'by-notes', range: ['notes'] }] })])).toContain('"notes" is of type any');
    expect(refusal([employee({ indexes: [{ name: 'by-two', range: ['age', 'surname'] }] })])).toContain(
      'indexes[0].range: must name exactly one attribute',
    );
    expect(refusal([employee({ indexes: [{ name: 'by-x', partition: ['nope'], range: ['age'] }] })])).toContain('indexes[0].partition[0]: "nope"');
  });

  it('names the field and zod’s reason for a declaration of the wrong shape, as an EntityDeclarationError', () => {
    const error = (() => {
      try {
        readEntityDeclarations([employee({ attributes: { age: { type: 'number' } } })]);
        return undefined;
      } catch (thrown) {
        return thrown as Error;
      }
    })();
    expect({ name: error?.name, message: error?.message }).toEqual({
      name: 'EntityDeclarationError',
      message: 'manifest.yml app.storage.entities[0].attributes.age.type: Invalid option: expected one of "string"|"integer"|"float"|"boolean"|"any"',
    });
  });

  it('takes index names of 50 characters and refuses 51', () => {
    const named = (name: string) => refusal([employee({ indexes: [{ name, range: ['age'] }] })]);
    expect([named('i'.repeat(50)), named('i'.repeat(51))]).toEqual([
      undefined,
      `manifest.yml app.storage.entities[0].indexes[0]: index name "${'i'.repeat(51)}" must be at most 50 characters`,
    ]);
  });

  it('refuses reserved, duplicate and malformed index names', () => {
    expect(refusal([employee({ indexes: [{ name: 'by-key', range: ['age'] }] })])).toContain('is reserved');
    expect(refusal([employee({ indexes: ['surname', 'surname'] })])).toContain('index "surname" is declared twice');
    expect(refusal([employee({ indexes: [{ name: 'ab', range: ['age'] }] })])).toContain('must be at least 3 characters');
    expect(refusal([employee({ indexes: [{ name: 'by..age', range: ['age'] }] })])).toContain('must use only');
  });

  it('holds an app to 20 entities, 7 indexes and 50 attributes', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => employee({ name: `entity-${i}` }));
    expect(refusal(many(20))).toBeUndefined();
    expect(refusal(many(21))).toBe('manifest.yml app.storage.entities: an app can declare at most 20 entities');
    const indexes = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `by-age-${i}`, range: ['age'] }));
    expect(refusal([employee({ indexes: indexes(7) })])).toBeUndefined();
    expect(refusal([employee({ indexes: indexes(8) })])).toContain('indexes: at most 7 indexes');
    const attributes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, { type: 'string' }]));
    expect(refusal([employee({ attributes: attributes(50), indexes: [] })])).toBeUndefined();
    expect(refusal([employee({ attributes: attributes(51), indexes: [] })])).toContain('attributes: at most 50 attributes');
  });
});
