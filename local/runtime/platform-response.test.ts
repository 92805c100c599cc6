import { describe, expect, it } from 'vitest';
import { JsonText, jsonAnswer, stringify, textAnswer } from './platform-response';

describe('a platform answer is a Response that reads as a fetched one does', () => {
  it('has the status, headers and JSON body, and is a Response', async () => {
    const answer = jsonAnswer(409, { code: 'CONFLICT', message: 'é' });
    expect(answer).toBeInstanceOf(Response);
    expect([answer.status, answer.ok, answer.headers.get('content-type')]).toEqual([409, false, 'application/json']);
    expect(answer.bodyUsed).toBe(false);
    expect(await answer.json()).toEqual({ code: 'CONFLICT', message: 'é' });
    expect(answer.bodyUsed).toBe(true);
  });

  it('reads once: a second read is refused with TypeError, as fetch refuses it', async () => {
    const answer = textAnswer(200, 'once', {});
    expect(await answer.text()).toBe('once');
    await expect(answer.text()).rejects.toThrow(TypeError);
    await expect(answer.json()).rejects.toThrow(TypeError);
    await expect(answer.arrayBuffer()).rejects.toThrow(TypeError);
  });

  it('answers bytes in UTF-8, and a body that is not JSON rejects json() with SyntaxError', async () => {
    expect(new Uint8Array(await textAnswer(200, 'é', {}).arrayBuffer())).toEqual(new Uint8Array([0xc3, 0xa9]));
    await expect(textAnswer(200, '{', {}).json()).rejects.toThrow(SyntaxError);
  });

  it('gives a real stream to whoever asks for the body, and a clone that reads on its own', async () => {
    const answer = jsonAnswer(200, { a: 1 });
    const copy = answer.clone();
    const chunks: Uint8Array[] = [];
    const reader = answer.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"a":1}');
    expect(answer.bodyUsed).toBe(true);
    await expect(answer.text()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual({ a: 1 });
  });

  it('a body read as text first is unusable as a stream too', async () => {
    const answer = textAnswer(200, 'x', {});
    await answer.text();
    expect(answer.bodyUsed).toBe(true);
    expect(() => answer.clone()).toThrow(TypeError);
  });

  it('writes stored JSON text into the answer as it is, and nothing else as a stand-in', async () => {
    const stored = '{"b":[1,"\\u0000x"],"c":"é"}';
    const body = {
      data: [
        { key: 'k1', value: new JsonText(stored) },
        { key: 'k2', value: new JsonText('7') },
      ],
      note: '\u00000:0\u0000',
    };
    expect(JSON.parse(stringify(body) ?? '')).toEqual({
      data: [
        { key: 'k1', value: { b: [1, '\u0000x'], c: 'é' } },
        { key: 'k2', value: 7 },
      ],
      note: '\u00000:0\u0000',
    });
    expect(await jsonAnswer(200, { value: new JsonText('[true]') }).json()).toEqual({ value: [true] });
    expect(stringify({ plain: 1 })).toBe('{"plain":1}');
    expect(JSON.stringify({ elsewhere: new JsonText('{"a":1}') })).toBe('{"elsewhere":{"a":1}}');
  });

  it('is made as fetch makes it where a kept text does not apply: no body allowed, or nothing to write', async () => {
    expect(() => textAnswer(204, 'x', {})).toThrow(TypeError);
    expect(textAnswer(204, undefined, {}).status).toBe(204);
    expect(await jsonAnswer(200, undefined).text()).toBe('');
  });
});
