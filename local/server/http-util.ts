import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bad input at a sandbox edge: answered with its status and reason, never as a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The sandbox's own endpoints take small forms and JSON; web triggers have their own, larger limit. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The raw body, refused with 413 beyond `limit` bytes (announced or sent). */
export async function readBodyBytes(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `request body over the limit of ${limit} bytes`);
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  return (await readBodyBytes(req, limit)).toString('utf8');
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => send(res, status, 'application/json', JSON.stringify(body));

/** A refusal with its reason, as JSON `{ message }`. */
export const refuse = (res: ServerResponse, status: number, message: string): void => sendJson(res, status, { message });

export function redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}, status = 303): void {
  res.writeHead(status, { location: to, ...headers });
  res.end();
}

export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Headers as Forge passes them to web triggers: each name as the caller wrote it (`Content-Type`, not
 * `content-type`), with the list of its values in the order sent (docs/forge-platform.md, "Web triggers").
 */
export function headerLists(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    out[name] = [...(out[name] ?? []), req.rawHeaders[i + 1] ?? ''];
  }
  return out;
}

export async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((v, k) => (headers[k] = v));
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}
