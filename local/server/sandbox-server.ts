import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Host } from '../host';
import type { DemoUser } from '../jira';
import { UiCallError } from '../ui-calls';
import { framedBody, homeBody, layout, receiverBody } from './html';
import { cookie, headerLists, readBody, redirect, send, sendJson, sendResponse, toRequest } from './http-util';
import { Receiver, RECEIVER_HOST } from './receiver';
import { serveResourceFile } from './static-files';

const USER_COOKIE = 'sandbox_user';

export interface SandboxServer {
  url: string;
  receiver: Receiver;
  close(): Promise<void>;
}

/** The sandbox's one HTTP server: chrome pages, Custom UI resources, the bridge, web triggers, the Jira fake's REST API. */
export async function startSandboxServer(host: Host, options: { port: number; hostname?: string }): Promise<SandboxServer> {
  const receiver = new Receiver(host.db);
  host.egress.addVirtualHost(RECEIVER_HOST, (request) => receiver.record(request));
  const users = host.jira.users();
  const userOf = (req: http.IncomingMessage): DemoUser => users.find((u) => u.accountId === cookie(req, USER_COOKIE)) ?? (users[0] as DemoUser);
  let origin = '';

  const page = (req: http.IncomingMessage, res: http.ServerResponse, title: string, body: string) =>
    send(res, 200, 'text/html; charset=utf-8', layout({ title, users, currentUser: userOf(req), back: req.url ?? '/', body }));

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    const modules = host.loaded.uiModules;

    if (method === 'GET' && p === '/')
      return page(
        req,
        res,
        'Home',
        homeBody(host.jira.projects(), { admin: '/admin', receiver: '/receiver', receiverHook: `https://${RECEIVER_HOST}/hooks/demo` }),
      );
    if (method === 'GET' && p === '/admin') {
      const admin = modules.find((m) => m.type === 'jira:adminPage');
      if (!admin) return send(res, 404, 'text/plain', 'manifest.yml declares no jira:adminPage');
      return page(
        req,
        res,
        admin.title,
        framedBody(`/resources/${admin.resource}/index.html?moduleKey=${encodeURIComponent(admin.key)}&extension=%7B%7D`, admin.title),
      );
    }
    const projectMatch = /^\/project\/([^/]+)$/.exec(p);
    if (method === 'GET' && projectMatch) {
      const module = modules.find((m) => m.type === 'jira:projectPage');
      const project = host.jira.projects().find((pr) => pr.key === decodeURIComponent(projectMatch[1] ?? ''));
      if (!module || !project) return send(res, 404, 'text/plain', 'no such project page');
      const extension = JSON.stringify({ project: { id: project.id, key: project.key, type: project.projectTypeKey } });
      return page(
        req,
        res,
        `${project.name} · ${module.title}`,
        framedBody(
          `/resources/${module.resource}/index.html?moduleKey=${encodeURIComponent(module.key)}&extension=${encodeURIComponent(extension)}`,
          module.title,
        ),
      );
    }
    if (method === 'GET' && p === '/receiver')
      return page(req, res, 'Demo receiver', receiverBody(receiver.list(), `https://${RECEIVER_HOST}/hooks/demo`));
    const resourceMatch = /^\/resources\/([^/]+)\/(.*)$/.exec(p);
    if (method === 'GET' && resourceMatch) {
      const file = serveResourceFile(host.loaded.resourceDir(resourceMatch[1] ?? ''), decodeURIComponent(resourceMatch[2] ?? ''));
      return send(res, file.status, file.type, file.body);
    }
    const webMatch = /^\/webtrigger\/([^/]+)(\/.*)?$/.exec(p);
    if (webMatch) {
      const body = await readBody(req);
      const queryParameters: Record<string, string[]> = {};
      url.searchParams.forEach((v, k) => (queryParameters[k] = [...(queryParameters[k] ?? []), v]));
      const answer = await host.triggers.web(webMatch[1] ?? '', { method, path: p, headers: headerLists(req), queryParameters, body });
      if (!answer) return sendJson(res, 404, { message: `no webtrigger '${webMatch[1] ?? ''}' in manifest.yml` });
      return send(res, answer.statusCode, answer.headers['content-type']?.[0] ?? 'text/plain', answer.body, answer.headers);
    }
    if (p.startsWith('/rest/api/')) {
      const body = await readBody(req);
      const response = await host.jira.handle({
        method,
        path: p + url.search,
        ...(body ? { body } : {}),
        caller: { kind: 'user', accountId: userOf(req).accountId },
      });
      return sendResponse(res, response);
    }
    if (p.startsWith('/hooks/')) return sendResponse(res, await receiver.record(toRequest(req, await readBody(req), origin)));
    if (p.startsWith('/__sandbox/')) return sandboxApi(req, res, p);
    return send(res, 404, 'text/plain', `not found: ${p}`);
  }

  async function sandboxApi(req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<void> {
    if (req.method === 'GET' && p === '/__sandbox/meter') return sendJson(res, 200, host.meter.list());
    if (req.method === 'GET' && p === '/__sandbox/queue') return sendJson(res, 200, host.queueStore.list());
    if (req.method === 'GET' && p === '/__sandbox/received') return sendJson(res, 200, receiver.list());
    const body = await readBody(req);
    const form = new URLSearchParams(body);
    if (req.method === 'POST' && p === '/__sandbox/user') {
      const accountId = form.get('accountId') ?? '';
      return redirect(res, safeBack(form.get('back')), { 'set-cookie': `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax` });
    }
    if (req.method === 'POST' && p === '/__sandbox/rename') {
      const response = await host.jira.handle({
        method: 'PUT',
        path: `/rest/api/3/project/${encodeURIComponent(form.get('project') ?? '')}`,
        body: JSON.stringify({ name: form.get('name') }),
        caller: { kind: 'user', accountId: userOf(req).accountId },
      });
      if (!response.ok) return send(res, response.status, 'application/json', await response.text());
      return redirect(res, '/');
    }
    if (req.method === 'POST' && p === '/__sandbox/receiver/clear') {
      receiver.clear();
      return redirect(res, '/receiver');
    }
    if (req.method === 'POST' && p === '/__sandbox/bridge') return bridgeCall(req, res, body);
    return send(res, 404, 'text/plain', `not found: ${p}`);
  }

  async function bridgeCall(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const call = JSON.parse(body) as { name: string; payload: unknown; moduleKey: string; extension: Record<string, unknown> };
    const caller = { moduleKey: call.moduleKey, accountId: userOf(req).accountId, extension: call.extension ?? {} };
    try {
      if (call.name === 'invoke') {
        const { functionKey, payload } = call.payload as { functionKey: string; payload: unknown };
        return sendJson(res, 200, { result: await host.ui.invoke(caller, functionKey, payload) });
      }
      const answer = host.ui.bridge(caller, call.name, call.payload);
      if (!answer.known) return sendJson(res, 200, { result: null, warning: `bridge call '${call.name}' is not emulated by the sandbox` });
      return sendJson(res, 200, { result: answer.result });
    } catch (error) {
      const status = error instanceof UiCallError ? error.status : 500;
      return sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname ?? '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin,
    receiver,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Only same-site paths: the switcher must not become an open redirect. */
function safeBack(back: string | null): string {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
}
