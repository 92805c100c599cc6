import http from 'node:http';
import { Readable } from 'node:stream';

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** What Node's fetch rejects with when the connection fails before or while the body arrives. */
const fetchFailed = (message: string, cause: unknown): TypeError => new TypeError(message, { cause });

/**
 * Sends a request for a sandbox name (the demo receiver) to a real HTTP server on 127.0.0.1, over a real socket,
 * so what needs one happens for real: a server that never answers, a body that trickles, a connection reset in the
 * middle of a response. The `Host` header keeps the name the app asked for. The request's signal aborts the
 * exchange, as it aborts Node's fetch: the promise, or the body being read, fails with the signal's reason.
 */
export async function forwardToLoopback(request: Request, port: number): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  headers.host = url.host;
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  if (body) headers['content-length'] = String(body.length);
  const signal = request.signal;
  signal.throwIfAborted();

  return new Promise<Response>((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method: request.method, path: `${url.pathname}${url.search}`, headers });
    const onAbort = () => outgoing.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(signal.aborted ? (signal.reason as Error) : fetchFailed('fetch failed', error));
    });
    outgoing.on('response', (incoming) => {
      const responseHeaders = new Headers();
      for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2)
        responseHeaders.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
      const status = incoming.statusCode ?? 502;
      const stream = NULL_BODY_STATUSES.has(status) ? null : bodyStream(incoming, signal);
      if (!stream) incoming.resume();
      incoming.on('close', () => signal.removeEventListener('abort', onAbort));
      resolve(new Response(stream, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }));
    });
    outgoing.end(body);
  });
}

/** The body as a web stream that fails like fetch's when the socket closes before the announced end. */
function bodyStream(incoming: http.IncomingMessage, signal: AbortSignal): ReadableStream<Uint8Array> {
  incoming.on('aborted', () => incoming.destroy(fetchFailed('terminated', new Error('other side closed'))));
  incoming.on('close', () => {
    if (!incoming.complete && !incoming.destroyed) incoming.destroy(fetchFailed('terminated', new Error('other side closed')));
  });
  const readable = Readable.toWeb(incoming) as ReadableStream<Uint8Array>;
  signal.addEventListener('abort', () => incoming.destroy(signal.reason as Error), { once: true });
  return readable;
}
