import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Host } from '../host';
import type { DemoUser } from '../services/jira';
import { framedBody, homeBody, layout, receiverBody } from './html';
import { headerLists, readBody, redirect, send, sendJson, sendResponse, toRequest } from './http-util';
import { Receiver, RECEIVER_HOST } from './receiver';
import { chosenUser, isCrossSite, pageUser, safeBack, userCookie } from './sandbox-user';
import { serveResourceFile } from './static-files';
import { answerBridgeCall } from './bridge-endpoint';

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
  let origin = '';

  const page = (req: http.IncomingMessage, res: http.ServerResponse, title: string, body: string) => {
    const { user, setCookie } = pageUser(req, users);
    send(
      res,
      200,
      'text/html; charset=utf-8',
      layout({ title, users, currentUser: user, back: req.url ?? '/', body }),
      setCookie ? { 'set-cookie': setCookie } : {},
    );
  };
  /** Calls into Jira or the app act as the chosen user; without one they are refused. */
  const actingUser = (req: http.IncomingMessage, res: http.ServerResponse): DemoUser | undefined => {
    const user = chosenUser(req, users);
    if (!user) sendJson(res, 403, { message: 'Choose who to act as first (open a sandbox page, or set the sandbox_user cookie)' });
    return user;
  };

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
      if (method !== 'GET' && isCrossSite(req)) return sendJson(res, 403, { message: 'cross-site request refused' });
      const user = actingUser(req, res);
      if (!user) return;
      const body = await readBody(req);
      const response = await host.jira.handle({
        method,
        path: p + url.search,
        ...(body ? { body } : {}),
        caller: { kind: 'user', accountId: user.accountId },
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
    if (isCrossSite(req)) return sendJson(res, 403, { message: 'cross-site request refused' });
    const body = await readBody(req);
    const form = new URLSearchParams(body);
    if (req.method === 'POST' && p === '/__sandbox/user') {
      const chosen = users.find((u) => u.accountId === form.get('accountId'));
      if (!chosen) return sendJson(res, 400, { message: 'accountId: not a demo user' });
      return redirect(res, safeBack(form.get('back'), origin), { 'set-cookie': userCookie(chosen.accountId) });
    }
    if (req.method === 'POST' && p === '/__sandbox/rename') {
      const user = actingUser(req, res);
      if (!user) return;
      const response = await host.jira.handle({
        method: 'PUT',
        path: `/rest/api/3/project/${encodeURIComponent(form.get('project') ?? '')}`,
        body: JSON.stringify({ name: form.get('name') }),
        caller: { kind: 'user', accountId: user.accountId },
      });
      if (!response.ok) return send(res, response.status, 'application/json', await response.text());
      return redirect(res, '/');
    }
    if (req.method === 'POST' && p === '/__sandbox/receiver/clear') {
      receiver.clear();
      return redirect(res, '/receiver');
    }
    if (req.method === 'POST' && p === '/__sandbox/bridge') {
      // JSON only: a form or text/plain post from another page could not have been sent by the bridge script.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendJson(res, 415, { message: 'bridge calls are JSON' });
      const user = actingUser(req, res);
      return user ? answerBridgeCall(host, res, user, body) : undefined;
    }
    return send(res, 404, 'text/plain', `not found: ${p}`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.hostname ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
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
