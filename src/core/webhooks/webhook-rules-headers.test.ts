import { describe, expect, it } from 'vitest';
import type { WebhookInput } from '../../contract/webhooks';
import { checkWebhookInput, HEADER_NAME_MAX_CHARS, HEADER_VALUE_MAX_CHARS } from './webhook-rules';

const errorsOf = (headers: WebhookInput['headers'], savedHeaderNames: string[] = []) => {
  const result = checkWebhookInput({ name: 'Ops', url: 'https://hooks.example.com/x', headers }, { savedHeaderNames });
  return result.ok ? [] : result.errors;
};
const codesOf = (names: string[]) => names.map((name) => errorsOf([{ name, value: 'v' }])[0]?.code ?? 'ok');
const badName = (i: number, name: string) => ({
  field: `headers.${i}`,
  code: 'INVALID_HEADER',
  message: `headers.${i}: "${name}" is not a header name (letters, digits and - _ . ! # $ % & ' * + ^ \` | ~, at most 64)`,
});

describe('custom headers: how many', () => {
  it('takes up to 5 and refuses 6 with one error', () => {
    const headers = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `X-H${i}`, value: 'v' }));
    expect(errorsOf(headers(5))).toEqual([]);
    expect(errorsOf(headers(6))).toEqual([{ field: 'headers', code: 'TOO_MANY_HEADERS', message: 'headers: at most 5 custom headers (got 6)' }]);
  });
});

describe('custom headers: names', () => {
  it(`takes RFC 9110 token characters, up to ${HEADER_NAME_MAX_CHARS}, trimmed`, () => {
    expect(HEADER_NAME_MAX_CHARS).toEqual(64);
    expect(codesOf(["X!#$%&'*+.^_`|~-09azAZ", 'a'.repeat(64), ' X-Token '])).toEqual(['ok', 'ok', 'ok']);
  });
  it('refuses an empty, too long or non-token name, saying what a name may hold', () => {
    expect(errorsOf([{ name: ' ', value: 'v' }])).toEqual([badName(0, '')]);
    expect(errorsOf([{ name: 'a'.repeat(65), value: 'v' }])).toEqual([badName(0, 'a'.repeat(65))]);
    expect(codesOf(['a b', ':a', 'a:', 'X(1)', 'Ä', 'a/b'])).toEqual(Array(6).fill('INVALID_HEADER'));
  });
});

describe('custom headers: reserved names', () => {
  it('refuses the headers the app or the transport sets, in any case', () => {
    const reserved = [
      'Content-Type',
      'content-length',
      'Content-Encoding',
      'Host',
      'User-Agent',
      'Connection',
      'Transfer-Encoding',
      'TE',
      'Trailer',
      'Upgrade',
      'Expect',
      'Keep-Alive',
      'Forwarded',
      'Via',
      'Cookie',
      'Webhook-Signature',
      'Projectrak-Event',
      'Proxy-Authorization',
      'Sec-Fetch-Mode',
      'X-Forwarded-For',
      'FORGE-Proxy-Error',
    ];
    expect(codesOf(reserved)).toEqual(Array(reserved.length).fill('RESERVED_HEADER'));
    expect(errorsOf([{ name: 'Host', value: 'v' }])).toEqual([
      { field: 'headers.0', code: 'RESERVED_HEADER', message: 'headers.0: Host is set by Projectrak or the transport and cannot be replaced' },
    ]);
  });
  it('allows Authorization and names that only contain a reserved word', () => {
    expect(codesOf(['Authorization', 'X-Webhook-Token', 'X-Host', 'Tee', 'X-Forwarded'])).toEqual(Array(5).fill('ok'));
  });
});

describe('custom headers: repeats', () => {
  it('refuses a name given twice, whatever its case, at the second place', () => {
    expect(
      errorsOf([
        { name: 'X-A', value: '1' },
        { name: 'X-B', value: '2' },
        { name: 'x-a', value: '3' },
      ]),
    ).toEqual([{ field: 'headers.2', code: 'DUPLICATE_HEADER', message: 'headers.2: x-a is given more than once' }]);
  });
});

describe('custom headers: values', () => {
  it('keeps the saved value when none is given, for a name already saved in any case', () => {
    const result = checkWebhookInput(
      { name: 'Ops', url: 'https://hooks.example.com/x', headers: [{ name: 'X-Token' }] },
      { savedHeaderNames: ['x-token'] },
    );
    expect(result).toMatchObject({ ok: true, webhook: { headers: [{ name: 'X-Token', value: undefined }] } });
  });
  it('needs a value for a header not saved before', () => {
    const required = { field: 'headers.0', code: 'HEADER_VALUE_REQUIRED', message: 'headers.0: X-Token needs a value' };
    expect(errorsOf([{ name: 'X-Token' }])).toEqual([required]);
    expect(errorsOf([{ name: 'X-Token' }], ['X-Other'])).toEqual([required]);
  });
  it(`takes one line of up to ${HEADER_VALUE_MAX_CHARS} characters`, () => {
    expect(HEADER_VALUE_MAX_CHARS).toEqual(4096);
    const tooLong = {
      field: 'headers.0',
      code: 'INVALID_HEADER',
      message: 'headers.0: the value of X-T must be one line of at most 4096 characters',
    };
    expect(errorsOf([{ name: 'X-T', value: 'a'.repeat(4096) }])).toEqual([]);
    expect(errorsOf([{ name: 'X-T', value: '' }])).toEqual([]);
    expect(errorsOf([{ name: 'X-T', value: 'a'.repeat(4097) }])).toEqual([tooLong]);
    expect(['a\rb', 'a\nb', 'a\0b'].map((value) => errorsOf([{ name: 'X-T', value }]))).toEqual([[tooLong], [tooLong], [tooLong]]);
  });
  it('checks the value of a header whose name is refused too', () => {
    expect(errorsOf([{ name: 'a b' }]).map((e) => e.code)).toEqual(['INVALID_HEADER', 'HEADER_VALUE_REQUIRED']);
  });
});
