/** What the proxy needs of a `fetch(input, init)` call, read once: a 307/308 redirect sends the same body again. */
export interface AppRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
  follow: boolean;
  /**
   * The app's own signal, not a Request's: a Request's signal follows its parent through a weak reference only, so a
   * chain of them stops aborting once a Request in the middle is garbage-collected.
   */
  signal: AbortSignal | undefined;
}

// The methods fetch writes in upper case whatever case they come in (the Fetch standard's "normalize").
const NORMALISED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const SIMPLE_INIT = new Set(['method', 'headers', 'body', 'redirect', 'signal']);
const UTF8 = new TextEncoder();

/**
 * The common call — a URL, a string body or none, a method, headers, a redirect mode and a signal — read directly;
 * any other (a Request, a stream or form body, an odd option, anything fetch would refuse) is read through Node's own
 * `Request`, which checks it and throws what fetch throws. Both read the same: the headers through `Headers` (which
 * refuses what fetch refuses), a string body as UTF-8 with fetch's default content type.
 */
export async function readAppRequest(input: string | URL | Request, init: RequestInit | undefined): Promise<AppRequest> {
  return directly(input, init) ?? throughRequest(input, init);
}

function directly(input: string | URL | Request, init: RequestInit | undefined): AppRequest | undefined {
  if (typeof input !== 'string' && !(input instanceof URL)) return undefined;
  if (init !== undefined && (typeof init !== 'object' || init === null || Object.keys(init).some((k) => !SIMPLE_INIT.has(k)))) return undefined;
  const { body, redirect = 'follow', signal } = init ?? {};
  if (body !== undefined && body !== null && typeof body !== 'string') return undefined;
  if (redirect !== 'follow' && redirect !== 'manual') return undefined;
  if (signal !== undefined && signal !== null && !(signal instanceof AbortSignal)) return undefined;
  const given = init?.method ?? 'GET';
  if (typeof given !== 'string' || !TOKEN.test(given)) return undefined;
  const upper = given.toUpperCase();
  // Refused in any case, as fetch refuses them.
  if (upper === 'CONNECT' || upper === 'TRACE' || upper === 'TRACK') return undefined;
  const method = NORMALISED.has(upper) ? upper : given;
  if (typeof body === 'string' && (method === 'GET' || method === 'HEAD')) return undefined;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return undefined;
  }
  if (url.username !== '' || url.password !== '') return undefined;
  let headers: Headers;
  try {
    headers = new Headers(init?.headers);
  } catch {
    return undefined;
  }
  if (typeof body === 'string' && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  const bytes = typeof body === 'string' ? UTF8.encode(body) : undefined;
  return { url, method, headers, body: bytes, follow: redirect === 'follow', signal: signal ?? undefined };
}

async function throughRequest(input: string | URL | Request, init: RequestInit | undefined): Promise<AppRequest> {
  const request = new Request(input, init);
  return {
    url: new URL(request.url),
    method: request.method,
    headers: request.headers,
    body: request.body ? new Uint8Array(await request.arrayBuffer()) : undefined,
    follow: request.redirect === 'follow',
    signal: init?.signal ?? (input instanceof Request ? input.signal : undefined) ?? undefined,
  };
}
