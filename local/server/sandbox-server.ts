import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Host } from '../host';
import { answerChromePage } from './chrome-pages';
import { HttpError, redirect, refuse, send } from './http-util';
import { roleOf, sandboxOrigins } from './origins';
import { isModulePath } from './page-paths';
import type { OriginRole, SandboxOrigins } from './origins';
import { Receiver, RECEIVER_HOST } from './receiver';
import { answerReceiverRequest } from './receiver-answers';
import type { ReceiverOptions } from './receiver-answers';
import { startReceiverServer } from './receiver-server';
import { answerJiraRest, answerSandboxApi } from './sandbox-api';
import { segment } from './server-context';
import type { ServerContext } from './server-context';
import { serveResourceFile } from './static-files';
import { answerWebTrigger, webTriggerPath, webTriggerTarget } from './webtrigger-route';
import type { WebTriggerOptions } from './webtrigger-route';

export interface SandboxServer {
  /** The chrome's origin, `http://127.0.0.1:<port>`. */
  url: string;
  /** Where Custom UI resources are served, `http://localhost:<port>` (origins.ts). */
  framesUrl: string;
  receiver: Receiver;
  /** The loopback port the demo receiver listens on (https://receiver.sandbox.test is sent there). */
  receiverPort: number;
  /** A web trigger's URL, shaped as Forge's for its `urlFormat`. */
  webTriggerUrl(key: string): string | undefined;
  close(): Promise<void>;
}

export interface SandboxServerOptions {
  port: number;
  hostname?: string;
  webTriggers?: WebTriggerOptions;
  receiver?: ReceiverOptions;
  /**
   * Receivers of the sandbox's own that run elsewhere on this machine (a test's, which must outlive the sandbox):
   * https://<hostname> is sent to 127.0.0.1:<port>, and exempt from the private-address check like the demo receiver.
   */
  loopbackReceivers?: { hostname: string; port: number }[];
}

/** The sandbox's HTTP server: chrome pages, Custom UI resources, the bridge, web triggers, the Jira fake's REST API. */
export async function startSandboxServer(host: Host, options: SandboxServerOptions): Promise<SandboxServer> {
  const receiver = new Receiver(host.db);
  const receiverServer = await startReceiverServer(receiver, options.receiver);
  host.egress.forwardToLoopback(RECEIVER_HOST, receiverServer.port);
  for (const other of options.loopbackReceivers ?? []) host.egress.forwardToLoopback(other.hostname, other.port);
  // A Forge environment variable (`forge variables set`) only the sandbox sets: the app exempts its own receivers,
  // which live on loopback, from the private-address check, and labels them (src/services/webhooks/sandbox-receivers.ts).
  process.env.PROJECTRAK_SANDBOX_RECEIVERS = [RECEIVER_HOST, ...(options.loopbackReceivers ?? []).map((r) => r.hostname)].join(',');
  const ctx: ServerContext = { host, origins: sandboxOrigins(0), receiver, users: host.jira.users() };

  const server = http.createServer((req, res) => {
    route(ctx, req, res, options).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) return void res.end();
      // A request refused before its body was read: close the connection rather than read the rest.
      if (status === 413) res.setHeader('connection', 'close');
      refuse(res, status, message);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await receiverServer.close();
    throw error;
  });
  ctx.origins = sandboxOrigins((server.address() as AddressInfo).port);
  return {
    url: ctx.origins.chrome,
    framesUrl: ctx.origins.frames,
    receiver,
    receiverPort: receiverServer.port,
    webTriggerUrl: (key) => {
      const path = webTriggerPath(host, key);
      return path && `${ctx.origins.chrome}${path}`;
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      await receiverServer.close();
    },
  };
}

async function route(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, options: SandboxServerOptions): Promise<void> {
  const role = roleOf(req, ctx.origins);
  if (!role) {
    const message = `Host '${req.headers.host ?? ''}' is not this sandbox: it answers ${ctx.origins.chrome} and ${ctx.origins.frames} only (a loopback name, so that a page of another site cannot reach it through DNS rebinding)`;
    return refuse(res, 421, message);
  }
  const url = requestUrl(req, ctx.origins);
  const path = url.pathname;

  // Web triggers and the receiver take anyone's requests (Forge's web triggers are public), on either origin.
  const trigger = webTriggerTarget(ctx.host, path);
  if (trigger === 'unknown') return refuse(res, 404, `no webtrigger at ${path} in manifest.yml`);
  if (trigger) return answerWebTrigger(ctx.host, req, res, trigger, url.search, options.webTriggers ?? {});
  if (path.startsWith('/hooks/')) return answerReceiverRequest(req, res, ctx.receiver, options.receiver ?? {}, `http://${req.headers.host ?? ''}`);
  return role === 'frames' ? routeFrames(ctx, req, res, url) : routeChrome(ctx, req, res, url, role);
}

/** The URL of a request, its path checked to be a path whose percent-escapes all decode. */
function requestUrl(req: http.IncomingMessage, origins: SandboxOrigins): URL {
  const raw = req.url ?? '/';
  if (!raw.startsWith('/')) throw new HttpError(400, `request target '${raw}': a path starting with / is expected`);
  const url = new URL(`${origins.chrome}${raw}`);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    throw new HttpError(400, `path '${url.pathname}': malformed percent-encoding`);
  }
  return url;
}

/** The frames origin serves Custom UI resources and nothing of the chrome's: no pages, no API, no cookie. */
function routeFrames(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const resource = /^\/resources\/([^/]+)\/(.*)$/.exec(url.pathname);
  if ((req.method === 'GET' || req.method === 'HEAD') && resource) {
    const key = segment(resource[1]);
    if (!ctx.host.loaded.manifest.resources.some((r) => r.key === key)) return refuse(res, 404, `no resource '${key}' in manifest.yml`);
    const file = serveResourceFile(ctx.host.loaded.resourceDir(key), segment(resource[2]), ctx.origins.chrome);
    return send(res, file.status, file.type, file.body);
  }
  if (req.method === 'GET' && isChromePage(url.pathname)) return redirect(res, `${ctx.origins.chrome}${url.pathname}${url.search}`);
  return refuse(res, 403, `${ctx.origins.frames} serves Custom UI resources only (/resources/…); the sandbox is at ${ctx.origins.chrome}/`);
}

const isChromePage = (path: string): boolean => path === '/' || path === '/receiver' || path === '/manage-apps' || isModulePath(path);

async function routeChrome(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, url: URL, role: OriginRole): Promise<void> {
  const path = url.pathname;
  // Resources run only from the frames origin: a page opened here would have the chrome's origin, and its powers.
  if (path.startsWith('/resources/')) {
    if (req.method === 'GET') return redirect(res, `${ctx.origins.frames}${path}${url.search}`);
    return refuse(res, 405, 'resources are read with GET');
  }
  if (req.method === 'GET' && answerChromePage(ctx, req, res, path)) return undefined;
  if (path.startsWith('/rest/api/')) return answerJiraRest(ctx, req, res, `${path}${url.search}`);
  if (path.startsWith('/__sandbox/')) return answerSandboxApi(ctx, req, res, path);
  return refuse(res, 404, `not found: ${req.method ?? ''} ${path} (${role} origin)`);
}
