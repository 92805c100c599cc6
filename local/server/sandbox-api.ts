import type http from 'node:http';
import { answerBridgeCall } from './bridge-endpoint';
import { readBody, redirect, refuse, send, sendJson, sendResponse } from './http-util';
import { isCrossSite } from './origins';
import { safeBack, userCookie } from './sandbox-user';
import { actingUser } from './server-context';
import type { ServerContext } from './server-context';

/** The Jira fake's REST API, as the chosen user (for curl and the chrome). */
export async function answerJiraRest(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, pathAndQuery: string): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && isCrossSite(req)) return refuse(res, 403, 'cross-site request refused');
  const user = actingUser(ctx, req);
  const body = await readBody(req);
  const response = await ctx.host.jira.handle({
    method,
    path: pathAndQuery,
    ...(body ? { body } : {}),
    caller: { kind: 'user', accountId: user.accountId },
  });
  return sendResponse(res, response);
}

/** The chrome's own endpoints under `/__sandbox/`. */
export async function answerSandboxApi(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
  const { host, receiver, users } = ctx;
  if (req.method === 'GET' && path === '/__sandbox/meter') return sendJson(res, 200, host.meter.list());
  if (req.method === 'GET' && path === '/__sandbox/queue') return sendJson(res, 200, host.queueStore.list());
  if (req.method === 'GET' && path === '/__sandbox/received') return sendJson(res, 200, receiver.list());
  if (req.method !== 'POST') return refuse(res, 404, `not found: ${req.method ?? ''} ${path}`);
  if (isCrossSite(req)) return refuse(res, 403, 'cross-site request refused: the sandbox takes changes from its own pages only');
  const body = await readBody(req);
  const form = new URLSearchParams(body);
  if (path === '/__sandbox/user') {
    const chosen = users.find((u) => u.accountId === form.get('accountId'));
    if (!chosen) return refuse(res, 400, 'accountId: not a demo user');
    return redirect(res, safeBack(form.get('back')), { 'set-cookie': userCookie(chosen.accountId) });
  }
  if (path === '/__sandbox/rename') {
    const user = actingUser(ctx, req);
    const response = await host.jira.handle({
      method: 'PUT',
      path: `/rest/api/3/project/${encodeURIComponent(form.get('project') ?? '')}`,
      body: JSON.stringify({ name: form.get('name') }),
      caller: { kind: 'user', accountId: user.accountId },
    });
    if (!response.ok) return send(res, response.status, 'application/json', await response.text());
    return redirect(res, '/');
  }
  const scheduled = /^\/__sandbox\/scheduled\/([^/]+)$/.exec(path);
  if (scheduled) {
    // "Run now": the same run as the schedule's next one, only sooner (a script or test need not wait five minutes).
    const key = decodeURIComponent(scheduled[1] ?? '');
    if (!host.loaded.manifest.modules.scheduledTrigger.some((t) => t.key === key))
      return refuse(res, 404, `no scheduledTrigger '${key}' in manifest.yml`);
    await host.triggers.runScheduled(key);
    return sendJson(res, 200, { ran: key });
  }
  if (path === '/__sandbox/receiver/clear') {
    receiver.clear();
    return redirect(res, '/receiver');
  }
  if (path === '/__sandbox/bridge') {
    // JSON only: a form or text/plain post from another page could not have been sent by the chrome's relay.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'bridge calls are JSON');
    return answerBridgeCall(host, res, actingUser(ctx, req), body, ctx.origins.chrome);
  }
  return refuse(res, 404, `not found: POST ${path}`);
}
