import type http from 'node:http';
import type { Receiver } from './receiver';

/** The receiver keeps bodies up to this size; a larger one is answered 413 (and kept cut short). */
const MAX_KEPT_BODY = 20 * 1024 * 1024;
export const HUGE_BODY_BYTES = 10 * 1024 * 1024;
export const SLOW_BODY = { chunks: 20, everyMs: 250 };

export interface ReceiverOptions {
  /** For `/flaky/<percent>`: a number in [0, 1), Math.random by default. */
  random?: () => number;
}

/** For `/fail/<n>/<code>`: how many requests each such path has had (per receiver, in memory). */
const failCounts = new WeakMap<Receiver, Map<string, number>>();

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/**
 * How the demo receiver answers, by the end of the path (any prefix: `/hooks/demo/status/503`), so a webhook
 * sender can meet each failure it must survive. Each request is kept before it is answered.
 */
export async function answerReceiverRequest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  receiver: Receiver,
  options: ReceiverOptions,
  origin: string,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_KEPT_BODY) chunks.push(chunk);
  }
  const url = new URL(`${origin}${req.url ?? '/'}`);
  const path = url.pathname;
  const keep = (answer: string) =>
    receiver.record({ method: req.method ?? 'GET', url: url.href, rawHeaders: pairs(req.rawHeaders), body: Buffer.concat(chunks), answer });
  const reply = (answer: { status: number; headers: Record<string, string>; body: string | Buffer }, label = String(answer.status)) => {
    keep(label);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  if (size > MAX_KEPT_BODY) return reply(json(413, { message: `the demo receiver keeps bodies up to ${MAX_KEPT_BODY} bytes` }));
  const status = /\/status\/(\d+)$/.exec(path);
  if (status) {
    const code = Number(status[1]);
    if (code < 200 || code > 599) return reply(json(400, { message: `status/${status[1]}: a status from 200 to 599` }));
    const empty = code === 204 || code === 304;
    return reply({
      status: code,
      headers: empty ? {} : { 'content-type': 'application/json' },
      body: empty ? '' : JSON.stringify({ received: true, status: code }),
    });
  }
  const retryAfter = /\/retry-after\/(\d+)$/.exec(path);
  if (retryAfter) return reply(json(429, { received: true }, { 'retry-after': retryAfter[1] ?? '0' }), `429 Retry-After: ${retryAfter[1]}`);
  if (/\/hang$/.test(path)) return keep('hang (never answered)');
  if (/\/slow-body$/.test(path)) {
    keep(`200 slow body (${SLOW_BODY.chunks} chunks, ${SLOW_BODY.everyMs} ms apart)`);
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(SLOW_BODY.chunks) });
    res.flushHeaders();
    return dribble(res, SLOW_BODY.chunks, SLOW_BODY.everyMs);
  }
  if (/\/huge$/.test(path))
    return reply(
      { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.alloc(HUGE_BODY_BYTES, 'x') },
      `200 huge (${HUGE_BODY_BYTES} bytes)`,
    );
  if (/\/redirect$/.test(path)) return reply({ status: 301, headers: { location: path.replace(/\/redirect$/, '/redirected') }, body: '' });
  if (/\/reset$/.test(path)) {
    keep('reset (socket destroyed mid-response)');
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    res.write('x'.repeat(100), () => res.socket?.destroy());
    return undefined;
  }
  const failFirst = /\/fail\/(\d+)\/(\d+)$/.exec(path);
  if (failFirst) {
    const [times, code] = [Number(failFirst[1]), Number(failFirst[2])];
    if (code < 400 || code > 599) return reply(json(400, { message: `fail/${failFirst[1]}/${failFirst[2]}: a status from 400 to 599` }));
    const counts = failCounts.get(receiver) ?? new Map<string, number>();
    failCounts.set(receiver, counts);
    const seen = (counts.get(path) ?? 0) + 1;
    counts.set(path, seen);
    const retryAfter = url.searchParams.get('retry-after');
    const failing = seen <= times;
    return reply(json(failing ? code : 200, { received: true, request: seen }, failing && retryAfter ? { 'retry-after': retryAfter } : {}));
  }
  const flaky = /\/flaky\/(\d+)$/.exec(path);
  if (flaky) {
    const percent = Number(flaky[1]);
    if (percent > 100) return reply(json(400, { message: `flaky/${flaky[1]}: a percentage from 0 to 100` }));
    const fails = (options.random ?? Math.random)() * 100 < percent;
    return reply(json(fails ? 500 : 200, { received: true, flaky: percent }));
  }
  return reply(json(200, { received: true }));
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

/** One byte every `everyMs`, so the body arrives in as many separate reads. */
function dribble(res: http.ServerResponse, chunks: number, everyMs: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    sent++;
    res.write(String(sent % 10));
    if (sent >= chunks) {
      clearInterval(timer);
      res.end();
    }
  }, everyMs);
  timer.unref();
}
