import type http from 'node:http';
import type { UiModule } from '../runtime/manifest';
import { framedBody, homeBody, layout, receiverBody } from './html';
import { send } from './http-util';
import { RECEIVER_HOST } from './receiver';
import { pageUser } from './sandbox-user';
import { segment } from './server-context';
import type { ServerContext } from './server-context';

const RECEIVER_HOOK = `https://${RECEIVER_HOST}/hooks/demo`;

/** The chrome's pages: home, admin page, project pages, demo receiver. Returns false for any other path. */
export function answerChromePage(ctx: ServerContext, req: http.IncomingMessage, res: http.ServerResponse, path: string): boolean {
  const page = (title: string, body: string) => {
    const { user, setCookie } = pageUser(req, ctx.users);
    const html = layout({ title, users: ctx.users, currentUser: user, back: req.url ?? '/', body });
    send(res, 200, 'text/html; charset=utf-8', html, setCookie ? { 'set-cookie': setCookie } : {});
  };
  const modules = ctx.host.loaded.uiModules;

  if (path === '/') {
    page('Home', homeBody(ctx.host.jira.projects(), { admin: '/admin', receiver: '/receiver', receiverHook: RECEIVER_HOOK }));
    return true;
  }
  if (path === '/admin') {
    const admin = modules.find((m) => m.type === 'jira:adminPage');
    if (!admin) send(res, 404, 'text/plain', 'manifest.yml declares no jira:adminPage');
    else page(admin.title, frame(ctx, admin, {}));
    return true;
  }
  const projectMatch = /^\/project\/([^/]+)$/.exec(path);
  if (projectMatch) {
    const module = modules.find((m) => m.type === 'jira:projectPage');
    const key = segment(projectMatch[1]);
    const project = ctx.host.jira.projects().find((p) => p.key === key);
    if (!module) send(res, 404, 'text/plain', 'manifest.yml declares no jira:projectPage');
    else if (!project) send(res, 404, 'text/plain', `no project with key '${key}' in the Jira fake`);
    else
      page(`${project.name} · ${module.title}`, frame(ctx, module, { project: { id: project.id, key: project.key, type: project.projectTypeKey } }));
    return true;
  }
  if (path === '/receiver') {
    page('Demo receiver', receiverBody(ctx.receiver.list(), RECEIVER_HOOK));
    return true;
  }
  return false;
}

/** The module's page from the frames origin; the chrome keeps which module and context it is shown for. */
function frame(ctx: ServerContext, module: UiModule, extension: Record<string, unknown>): string {
  return framedBody({
    src: `${ctx.origins.frames}/resources/${encodeURIComponent(module.resource)}/index.html`,
    title: module.title,
    moduleKey: module.key,
    extension,
    framesOrigin: ctx.origins.frames,
  });
}
