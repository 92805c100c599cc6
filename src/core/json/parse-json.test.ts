import { describe, expect, it } from 'vitest';
import { parseJson } from './parse-json';

describe('parseJson', () => {
  it('parses JSON as JSON.parse does, __proto__ kept as a plain key', () => {
    const verdict = parseJson('{"updates":[{"project":"DEMO","values":{"Status":1,"__proto__":2}}],"n":null}');
    expect(verdict).toEqual({ ok: true, value: JSON.parse('{"updates":[{"project":"DEMO","values":{"Status":1,"__proto__":2}}],"n":null}') });
    expect(verdict.ok && Object.getPrototypeOf(verdict.value)).toBe(Object.prototype);
  });

  it('refuses a key given twice in one object, naming where', () => {
    expect(parseJson('{"updates":[{"project":"A","values":{}},{"project":"B","values":{"Status":1,"Status":2}}]}')).toEqual({
      ok: false,
      where: 'updates.1.values.Status',
      message: 'is given more than once',
    });
    expect(parseJson('{"a":1,"a":1}')).toMatchObject({ ok: false, where: 'a' });
  });

  it('accepts the same key in different objects', () => {
    expect(parseJson('[{"a":1},{"a":2}]')).toEqual({ ok: true, value: [{ a: 1 }, { a: 2 }] });
  });

  it('refuses what strict JSON refuses: comments, trailing commas, bare keys, empty text', () => {
    for (const text of ['{"a":1,}', '{a:1}', '{"a":1} // c', '', "{'a':1}", 'NaN'])
      expect(parseJson(text)).toMatchObject({ ok: false, where: 'body', message: expect.stringMatching(/^is not JSON/) as unknown });
  });

  it('sees a duplicate key however it is spelt, and inside nested lists', () => {
    expect(parseJson('{"a":1,"\\u0061":2}')).toEqual({ ok: false, where: 'a', message: 'is given more than once' });
    expect(parseJson('[[0,{"x":{"k":1,"k":2}}]]')).toEqual({ ok: false, where: '0.1.x.k', message: 'is given more than once' });
  });

  it('says why a text is not JSON', () => {
    expect(parseJson('{"a":}')).toEqual({ ok: false, where: 'body', message: expect.stringMatching(/^is not JSON \(.+\)$/) as unknown });
  });
});
