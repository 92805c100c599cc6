import { describe, expect, it } from 'vitest';
import { classifyThrown } from './attempt-outcome';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
const fetchFailed = (cause: unknown) => Object.assign(new TypeError('fetch failed'), { cause });
const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('classifyThrown: codes and names', () => {
  it('knows every code of each class', () => {
    const codes = {
      UND_ERR_HEADERS_TIMEOUT: 'timeout',
      UND_ERR_BODY_TIMEOUT: 'timeout',
      EAI_NONAME: 'dns',
      EAI_FAIL: 'dns',
      ERR_SSL_WRONG_VERSION_NUMBER: 'tls',
      UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
      EPIPE: 'reset',
      ECONNABORTED: 'reset',
      EHOSTUNREACH: 'network',
    };
    expect(Object.fromEntries(Object.keys(codes).map((c) => [c, classifyThrown(fetchFailed(withCode(c))).errorClass]))).toEqual(codes);
  });

  it('reads an abort or time-out from the name, in any case of the code', () => {
    expect([named('AbortError'), named('TimeoutError'), withCode('etimedout')].map((e) => classifyThrown(e).errorClass)).toEqual([
      'timeout',
      'timeout',
      'timeout',
    ]);
  });

  it('takes a time-out before the others, then DNS, TLS, refused, reset', () => {
    const pairs = [
      ['ENOTFOUND', 'ETIMEDOUT'],
      ['CERT_HAS_EXPIRED', 'ENOTFOUND'],
      ['ECONNREFUSED', 'CERT_HAS_EXPIRED'],
      ['ECONNRESET', 'ECONNREFUSED'],
    ];
    expect(pairs.map(([outer, inner]) => classifyThrown(Object.assign(withCode(outer!), { cause: withCode(inner!) })).errorClass)).toEqual([
      'timeout',
      'dns',
      'tls',
      'refused',
    ]);
  });
});

describe('classifyThrown: the message', () => {
  it('takes the deepest message that is not empty', () => {
    expect(classifyThrown(fetchFailed(withCode('ECONNREFUSED', '')))).toEqual({ errorClass: 'refused', message: 'fetch failed' });
    expect(classifyThrown(fetchFailed(fetchFailed(new Error('connect ECONNREFUSED 10.0.0.1:443'))))).toEqual({
      errorClass: 'network',
      message: 'connect ECONNREFUSED 10.0.0.1:443',
    });
  });

  it('says "unknown error" for nothing thrown', () => {
    expect([classifyThrown(undefined), classifyThrown(null)]).toEqual([
      { errorClass: 'network', message: 'unknown error' },
      { errorClass: 'network', message: 'unknown error' },
    ]);
  });

  it('follows at most 5 causes, so a loop of causes ends', () => {
    const deep = (depth: number) => {
      let error: unknown = withCode('ECONNRESET', `level ${depth}`);
      for (let i = depth - 1; i >= 1; i--) error = Object.assign(new Error(`level ${i}`), { cause: error });
      return classifyThrown(error);
    };
    expect([deep(5), deep(6)]).toEqual([
      { errorClass: 'reset', message: 'level 5' },
      { errorClass: 'network', message: 'level 5' },
    ]);
    const loop: Error & { cause?: unknown } = new Error('again');
    loop.cause = loop;
    expect(classifyThrown(loop)).toEqual({ errorClass: 'network', message: 'again' });
  });
});
