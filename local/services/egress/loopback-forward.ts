import http from 'node:http';
import { NULL_BODY_STATUSES } from '../../runtime/platform-response';

/** What Node's fetch rejects with when the connection fails before or while the body arrives. */
const fetchFailed = (message: string, cause: unknown): TypeError => new TypeError(message, { cause });

/** One request as the proxy sends it on: redirects are the proxy's business, so a hop is never followed. */
export interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Sends a request for a sandbox name (the demo receiver) to a real HTTP server on 127.0.0.1, over a real socket,
 * so what needs one happens for real: a server that never answers, a body that trickles, a connection reset in the
 * middle of a response. The `Host` header keeps the name the app asked for. The app's signal aborts the exchange,
 * as it aborts Node's fetch: the promise, or the body being read, fails with the signal's reason.
 */
export async function forwardToLoopback(hop: Hop, port: number): Promise<Response> {
  const { url, body } = hop;
  const headers: Record<string, string> = {};
  hop.headers.forEach((value, name) => (headers[name] = value));
  headers.host = url.host;
  if (body) headers['content-length'] = String(body.byteLength);
  // Listened to directly, which also keeps it alive while the exchange lasts; without one, nothing aborts.
  const signal = hop.signal ?? new AbortController().signal;
  signal.throwIfAborted();

  return new Promise<Response>((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, method: hop.method, path: `${url.pathname}${url.search}`, headers });
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

/**
 * The body as a web stream that fails as fetch's does: `TypeError: terminated` when the socket closes before the
 * body's end, the signal's reason when the signal fires.
 */
function bodyStream(incoming: http.IncomingMessage, signal: AbortSignal): ReadableStream<Uint8Array> {
  // Set once the stream is closed, failed or cancelled by its reader: data still buffered in the socket is dropped.
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const fail = (reason: unknown) => {
        if (settled) return;
        settled = true;
        controller.error(reason);
        incoming.destroy();
      };
      incoming.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk));
        if ((controller.desiredSize ?? 1) <= 0) incoming.pause();
      });
      incoming.on('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      incoming.on('error', (error) => fail(signal.aborted ? signal.reason : fetchFailed('terminated', error)));
      incoming.on('close', () => {
        if (!incoming.complete) fail(signal.aborted ? signal.reason : fetchFailed('terminated', new Error('other side closed')));
      });
      signal.addEventListener('abort', () => fail(signal.reason), { once: true });
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      settled = true;
      incoming.destroy();
    },
  });
}
