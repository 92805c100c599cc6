import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { Host } from '../host';
import type { WebTriggerRequest, WebTriggerResponse } from '../runtime/triggers';
import { headerLists, HttpError, readBody, refuse } from './http-util';
import { queryParameters } from './query-parameters';

export interface WebTriggerOptions {
  /** Forge's limit on a web trigger request, body, headers and query included: 5 MB (docs/forge-platform.md, "Web triggers"). */
  maxRequestBytes?: number;
  /** Split `%2C` in query values too (Forge does not document it either way). */
  splitEncodedCommas?: boolean;
}

const DEFAULT_MAX_REQUEST_BYTES = 5_000_000;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A trigger's URL id, stable for the installation and the module key, as Forge's are (25 base-62 characters). */
export function webTriggerId(installationId: string, key: string): string {
  let n = BigInt(`0x${createHash('sha256').update(`${installationId}:${key}`).digest('hex')}`);
  let id = '';
  for (let i = 0; i < 25; i++) {
    id += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return id;
}

/** `urlFormat: v2` → `/public/<id>`; v1, the default, → `/x1/<id>` (docs/forge-platform.md, "Web triggers"). */
export function webTriggerPath(host: Host, key: string): string | undefined {
  const module = host.loaded.manifest.modules.webtrigger.find((w) => w.key === key);
  if (!module) return undefined;
  return `${module.urlFormat === 'v2' ? '/public' : '/x1'}/${webTriggerId(host.app.installationId, key)}`;
}

export interface WebTriggerTarget {
  key: string;
  /** The path as Forge's URL would carry it, and what follows the id. */
  path: string;
  userPath: string;
}

/**
 * A request to a web trigger: at its Forge-shaped path (`/public/<id>/…` or `/x1/<id>/…`), or at the sandbox's
 * shortcut `/webtrigger/<key>/…`, which the handler sees as if sent to the Forge-shaped path.
 */
export function webTriggerTarget(host: Host, rawPath: string): WebTriggerTarget | 'unknown' | undefined {
  const shortcut = /^\/webtrigger\/([^/]+)(\/.*)?$/.exec(rawPath);
  if (shortcut) {
    const key = decodeURIComponent(shortcut[1] ?? '');
    const base = webTriggerPath(host, key);
    const userPath = shortcut[2] ?? '';
    return base ? { key, path: `${base}${userPath}`, userPath } : 'unknown';
  }
  const forge = /^\/(public|x1)\/([^/]+)(\/.*)?$/.exec(rawPath);
  if (!forge) return undefined;
  const module = host.loaded.manifest.modules.webtrigger.find((w) => webTriggerPath(host, w.key) === `/${forge[1]}/${forge[2]}`);
  if (!module) return 'unknown';
  const userPath = forge[3] ?? '';
  return { key: module.key, path: rawPath, userPath };
}

/** Builds Forge's request from the HTTP one, calls the trigger and sends what it answered. */
export async function answerWebTrigger(
  host: Host,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: WebTriggerTarget,
  search: string,
  options: WebTriggerOptions,
): Promise<void> {
  const limit = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const body = await readBody(req, limit);
  const request: WebTriggerRequest = {
    method: req.method ?? 'GET',
    path: target.path,
    userPath: target.userPath,
    headers: headerLists(req),
    queryParameters: queryParameters(search, options),
    body,
  };
  const size = Buffer.byteLength(JSON.stringify(request));
  if (size > limit) throw new HttpError(413, `web trigger request of ${size} bytes (body, headers and query) is over Forge's limit of ${limit}`);
  const answer = await host.triggers.web(target.key, request);
  if (!answer) return refuse(res, 404, `no webtrigger '${target.key}' in manifest.yml`);
  sendWebTriggerResponse(res, answer);
}

function sendWebTriggerResponse(res: http.ServerResponse, answer: WebTriggerResponse): void {
  try {
    if (answer.statusText === undefined) res.writeHead(answer.statusCode, answer.headers);
    else res.writeHead(answer.statusCode, answer.statusText, answer.headers);
  } catch (error) {
    // A header name or value HTTP cannot carry: the handler's result does not fit, which Forge answers 500.
    res.removeHeader('content-type');
    return refuse(res, 500, `the web trigger's response headers cannot be sent: ${error instanceof Error ? error.message : String(error)}`);
  }
  res.end(answer.body);
}
