import { describe, expect, it } from 'vitest';
import type { FieldDefinition, FieldType } from '../../contract/fields';
import { makeField } from '../../../test/support/factories';
import { KNOWN_PROJECTS, KNOWN_USERS } from '../../../test/support/invalid-inputs';
import { checkValue, TEXT_MAX_CHARS, TEXTAREA_MAX_BYTES } from './value-rules';

const refs = { userExists: (id: string) => KNOWN_USERS.has(id), projectExists: (id: string) => KNOWN_PROJECTS.has(id) };
const check = (type: FieldType, input: unknown) => checkValue(makeField(type), input, refs);
const refused = (code: string, message: string) => ({ ok: false, code, message });

describe('value refusals: each names the field, the rule and what was given', () => {
  it('says what each type wants', () => {
    expect([
      check('text', 42),
      check('textarea', 42),
      check('number', '42'),
      check('date', '2026-02-30'),
      check('duration', -1),
      check('status', true),
      check('user', 42),
      check('project', 'DEMO'),
    ]).toEqual([
      refused('INVALID_TEXT', 'My text: must be a single line of at most 255 characters (got 42)'),
      refused('INVALID_TEXT', 'My textarea: must be text of at most 32768 bytes (got 42)'),
      refused('INVALID_NUMBER', 'My number: must be a finite number (got "42")'),
      refused('INVALID_DATE', 'My date: must be a calendar date written yyyy-mm-dd (got "2026-02-30")'),
      refused('INVALID_DURATION', 'My duration: must be a whole, non-negative number of milliseconds (got -1)'),
      refused('INVALID_OPTION', "My status: must be one of the field's option ids or names (got true)"),
      refused('INVALID_USER', 'My user: must be an Atlassian account id (got 42)'),
      refused('INVALID_PROJECT', 'My project: must be a Jira project id (got "DEMO")'),
    ]);
  });

  it('describes what was given: nothing, null, a list, an object, a short or a long text, a number, a flag, other kinds', () => {
    const got = (input: unknown) => {
      const verdict = check('number', input);
      return verdict.ok ? 'accepted' : /\(got (.*)\)$/.exec(verdict.message)?.[1];
    };
    expect([undefined, ['1'], { n: 1 }, 'x'.repeat(40), 'x'.repeat(41), false, 10n, Symbol('s'), () => 1].map(got)).toEqual([
      'nothing',
      'a list',
      'an object',
      JSON.stringify('x'.repeat(40)),
      'a text of 41 characters',
      'false',
      'bigint',
      'symbol',
      'function',
    ]);
    expect(checkValue(makeField('multiuser'), [null], refs)).toEqual(
      refused('INVALID_USER', 'My multiuser: must be an Atlassian account id (got null)'),
    );
    expect(check('date', 20261130)).toEqual(refused('INVALID_DATE', 'My date: must be a calendar date written yyyy-mm-dd (got 20261130)'));
    expect(check('multilist', 1)).toEqual(refused('NOT_A_LIST', 'My multilist: must be a list (got 1)'));
  });

  it('names the option, user or project that is not there', () => {
    expect(check('list', 'Gamma')).toEqual(refused('UNKNOWN_OPTION', 'My list: has no option "Gamma"'));
    expect(check('list', 9)).toEqual(refused('UNKNOWN_OPTION', 'My list: has no option 9'));
    expect(check('list', 'retired')).toEqual(refused('DISABLED_OPTION', 'My list: option "Retired" is disabled'));
    expect(check('multiuser', ['ghost'])).toEqual(refused('UNKNOWN_USER', 'My multiuser: no user has account id ghost'));
    expect(check('project', 99999)).toEqual(refused('UNKNOWN_PROJECT', 'My project: no project has id 99999'));
  });

  it('finds no option in an option field that has none', () => {
    const bare: FieldDefinition = { id: 2001, name: 'Bare', type: 'list' };
    expect(checkValue(bare, 'Alpha', refs)).toEqual(refused('UNKNOWN_OPTION', 'Bare: has no option "Alpha"'));
    expect(checkValue(bare, 1, refs)).toEqual(refused('UNKNOWN_OPTION', 'Bare: has no option 1'));
  });
});

describe('text limits', () => {
  it('takes a single line of 255 characters and refuses 256', () => {
    expect(TEXT_MAX_CHARS).toBe(255);
    expect(check('text', 'é'.repeat(255))).toEqual({ ok: true, value: 'é'.repeat(255) });
    expect(check('text', 'x'.repeat(256))).toEqual(
      refused('INVALID_TEXT', 'My text: must be a single line of at most 255 characters (got a text of 256 characters)'),
    );
    for (const input of ['a\rb', 'a\nb', '\n']) expect(check('text', input)).toMatchObject({ ok: false, code: 'INVALID_TEXT' });
  });

  it('takes a textarea of 32 KiB of UTF-8 and refuses one byte more, counting bytes, not characters', () => {
    expect(TEXTAREA_MAX_BYTES).toBe(32 * 1024);
    const atLimit = 'é'.repeat(16 * 1024);
    expect(check('textarea', atLimit)).toEqual({ ok: true, value: atLimit });
    expect(check('textarea', `${atLimit}x`)).toEqual(
      refused('INVALID_TEXT', 'My textarea: must be text of at most 32768 bytes (got a text of 16385 characters)'),
    );
    expect(check('textarea', 'x'.repeat(32 * 1024))).toEqual({ ok: true, value: 'x'.repeat(32 * 1024) });
    expect(check('textarea', 'line 1\r\nline 2')).toEqual({ ok: true, value: 'line 1\r\nline 2' });
  });
});
