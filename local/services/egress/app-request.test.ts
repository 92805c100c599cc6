import { describe, expect, it } from 'vitest';
import { readAppRequest } from './app-request';

/** What Node's own Request makes of the same call: the reading the proxy must agree with. */
async function asNodeReads(input: string | URL | Request, init?: RequestInit) {
  const request = new Request(input, init);
  const body = request.body ? Buffer.from(await request.arrayBuffer()).toString('utf8') : undefined;
  return { url: request.url, method: request.method, headers: [...request.headers], body, follow: request.redirect === 'follow' };
}

async function asProxyReads(input: string | URL | Request, init?: RequestInit) {
  const read = await readAppRequest(input, init);
  const body = read.body ? Buffer.from(read.body).toString('utf8') : undefined;
  return { url: read.url.href, method: read.method, headers: [...read.headers], body, follow: read.follow };
}

const calls: [string, string | URL | (() => Request), RequestInit | undefined][] = [
  ['a bare URL', 'https://a.example.com/x?y=1#frag', undefined],
  ['a JSON POST', 'https://a.example.com/hook', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-A': ' b ' }, body: '{"é":1}' }],
  ['a string body without a content type', 'https://a.example.com/', { method: 'put', body: 'text' }],
  ['methods in lower case', 'https://a.example.com/', { method: 'delete' }],
  ['a method fetch keeps as given', 'https://a.example.com/', { method: 'patch', body: 'x' }],
  [
    'headers as pairs, repeated',
    new URL('https://a.example.com/'),
    {
      headers: [
        ['x-b', '1'],
        ['x-b', '2'],
      ],
      redirect: 'manual',
    },
  ],
  ['a Headers object', 'https://a.example.com/', { headers: new Headers({ accept: 'text/plain' }) }],
  ['a byte body', 'https://a.example.com/', { method: 'POST', body: new Uint8Array([104, 105]) }],
  ['a search-params body', 'https://a.example.com/', { method: 'POST', body: new URLSearchParams({ a: 'b c' }) }],
  ['a Request', () => new Request('https://a.example.com/r', { method: 'POST', body: 'from a request' }), undefined],
  ['a redirect mode of error', 'https://a.example.com/', { redirect: 'error' }],
];

const refused: [string, string, RequestInit | undefined][] = [
  ['a relative URL', '/relative', undefined],
  ['credentials in the URL', 'https://user:pw@a.example.com/', undefined],
  ['a body on GET', 'https://a.example.com/', { body: 'x' }],
  ['a header name fetch refuses', 'https://a.example.com/', { headers: { 'bad name': 'x' } }],
  ['a header value fetch refuses', 'https://a.example.com/', { headers: { 'x-a': 'line\nbreak' } }],
  ['a method that is no token', 'https://a.example.com/', { method: 'P OST' }],
  ['a forbidden method', 'https://a.example.com/', { method: 'TRACE' }],
  ['a forbidden method in lower case', 'https://a.example.com/', { method: 'trace' }],
  ['an unknown redirect mode', 'https://a.example.com/', { redirect: 'sometimes' as RequestRedirect }],
];

describe('the proxy reads an app request as fetch would', () => {
  it.each(calls)('%s', async (_, input, init) => {
    const made = () => (typeof input === 'function' ? input() : input);
    expect(await asProxyReads(made(), init)).toEqual(await asNodeReads(made(), init));
  });

  it.each(refused)('refuses %s with the TypeError fetch throws', async (_, input, init) => {
    const thrown = (() => {
      try {
        new Request(input, init);
      } catch (error) {
        return error as Error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(TypeError);
    await expect(readAppRequest(input, init)).rejects.toThrow(thrown!.message);
  });

  it('keeps the app signal itself, whatever the call', async () => {
    const controller = new AbortController();
    expect((await readAppRequest('https://a.example.com/', { signal: controller.signal })).signal).toBe(controller.signal);
    const request = new Request('https://a.example.com/', { signal: controller.signal });
    expect((await readAppRequest(request, undefined)).signal).toBe(request.signal);
  });
});
