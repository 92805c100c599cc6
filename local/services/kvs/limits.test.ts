import { describe, expect, it } from 'vitest';
import { KvsError } from './errors';
import { checkKey, checkPayload, checkValue, MAX_OBJECT_DEPTH, ttlToMs } from './limits';

/** What a check answers: 'ok' (or its result), or the refusal as Forge's JSON carries it. */
function outcome<T>(check: () => T): T | { status: number; code: string; message: string } {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof KvsError)) throw error;
    return { status: error.status, code: error.code, message: error.message };
  }
}
/** `depth` nested objects (or arrays) around `leaf`. */
const nested = (depth: number, leaf: unknown = 1, array = false): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => (array ? [inner] : { a: inner }), leaf);

describe('keys', () => {
  it('refuse an empty key as too short, before the pattern', () => {
    expect(outcome(() => checkKey(''))).toEqual({ status: 400, code: 'KEY_TOO_SHORT', message: 'The provided key must not be empty' });
  });

  it('take 500 characters and refuse 501', () => {
    expect([outcome(() => checkKey('k'.repeat(500))), outcome(() => checkKey('k'.repeat(501)))]).toEqual([
      undefined,
      { status: 400, code: 'KEY_TOO_LONG', message: 'The provided key has exceeded the maximum 500 characters' },
    ]);
  });

  it('take letters, digits, : . _ - # and spaces, but not spaces alone', () => {
    const invalid = {
      status: 400,
      code: 'INVALID_KEY',
      message: 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
    };
    expect(['a-b_c.d:e#f g', ' x', '   ', 'a/b', 'é'].map((key) => outcome(() => checkKey(key)))).toEqual([
      undefined,
      undefined,
      invalid,
      invalid,
      invalid,
    ]);
  });
});

describe('values', () => {
  it('are strings, numbers, booleans, arrays or objects, stored as their JSON', () => {
    expect(['text', 0, false, [1], { a: null }].map((value) => outcome(() => checkValue(value)))).toEqual([
      '"text"',
      '0',
      'false',
      '[1]',
      '{"a":null}',
    ]);
  });

  it('are never null, undefined or a function', () => {
    const refused = { status: 400, code: 'BAD_REQUEST', message: 'value must be a string, number, boolean, array or object' };
    expect([null, undefined, () => 1].map((value) => outcome(() => checkValue(value)))).toEqual([refused, refused, refused]);
  });

  it(`nest at most ${MAX_OBJECT_DEPTH} objects or arrays deep, whatever the leaf and wherever the deep branch`, () => {
    const tooDeep = {
      status: 400,
      code: 'MAX_DEPTH',
      message: `The provided value has exceeded the maximum object depth (${MAX_OBJECT_DEPTH}) limit`,
    };
    const depthOf = (value: unknown) => {
      const answer = outcome(() => checkValue(value));
      return typeof answer === 'string' ? 'ok' : answer;
    };
    expect([nested(31), nested(31, null), nested(31, 'x', true), { first: 1, deep: nested(30) }].map(depthOf)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect([nested(32), nested(32, null), nested(32, 'x', true), { first: 1, deep: nested(31) }].map(depthOf)).toEqual([
      tooDeep,
      tooDeep,
      tooDeep,
      tooDeep,
    ]);
  });

  it('hold at most the given number of UTF-8 bytes of JSON', () => {
    // "é" is two bytes: the JSON "éé" is 6.
    expect([outcome(() => checkValue('éé', 6)), outcome(() => checkValue('éé', 5))]).toEqual([
      '"éé"',
      { status: 400, code: 'MAX_SIZE', message: 'The provided value has exceeded the maximum size limit of 5 bytes' },
    ]);
  });
});

describe('a transaction or batch payload', () => {
  it('is at most 4,000,000 UTF-8 bytes of JSON, refused with the code it is given', () => {
    const body = (bytes: number) => ({ v: 'é'.repeat(Math.floor((bytes - 8) / 2)) + 'x'.repeat((bytes - 8) % 2) });
    expect([
      outcome(() => checkPayload(body(4_000_000), 'BATCH_LIMIT_EXCEEDED')),
      outcome(() => checkPayload(body(4_000_001), 'BATCH_LIMIT_EXCEEDED')),
    ]).toEqual([
      undefined,
      { status: 400, code: 'BATCH_LIMIT_EXCEEDED', message: 'The payload of 4000001 bytes exceeds the limit of 4000000 bytes (4 MB)' },
    ]);
  });
});

describe('a TTL', () => {
  it('is a whole number of at least 1 of its unit, in milliseconds', () => {
    expect([
      ttlToMs({ value: 1, unit: 'SECONDS' }),
      ttlToMs({ value: 2, unit: 'MINUTES' }),
      ttlToMs({ value: 3, unit: 'HOURS' }),
      ttlToMs({ value: 365, unit: 'DAYS' }),
    ]).toEqual([1000, 120_000, 10_800_000, 31_536_000_000]);
  });

  it('is refused when not whole, below 1 or over a year, naming its unit', () => {
    const refused = (unit: string) => ({
      status: 400,
      code: 'INVALID_TTL',
      message: `ttl must be a whole number of at least 1 ${unit} and at most 31536000 seconds`,
    });
    expect([
      outcome(() => ttlToMs({ value: 1.5, unit: 'SECONDS' })),
      outcome(() => ttlToMs({ value: 0, unit: 'MINUTES' })),
      outcome(() => ttlToMs({ value: 366, unit: 'DAYS' })),
      outcome(() => ttlToMs({ value: 31_536_001, unit: 'SECONDS' })),
    ]).toEqual([refused('SECONDS'), refused('MINUTES'), refused('DAYS'), refused('SECONDS')]);
  });
});
