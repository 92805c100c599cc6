import type http from 'node:http';
import type { UiModule } from '../runtime/manifest';
import { adminBody, adminSidebar, manageAppsBody } from './admin-chrome';
import { framedBody, homeBody, layout, receiverBody } from './html';
import { send } from './http-util';
import { moduleBasePath, resolveAdminPath, resolveProjectPath } from './page-paths';
import { RECEIVER_HOST } from './receiver';
import { pageUser } from './sandbox-user';
import { segment } from './server-context';
import type { ServerContext } from './server-context';

const RECEIVER_HOOK = `https://${RECEIVER_HOST}/hooks/demo`;

/** The chrome's pages: home, admin pages, Manage apps, project pages, demo receiver. Returns false for any other path. */
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
  if (path === '/admin' || path.startsWith('/admin/')) {
    const shown = resolveAdminPath(modules, path);
    if (!shown) send(res, 404, 'text/plain', 'manifest.yml declares no jira:adminPage');
    else {
      const sidebar = adminSidebar(modules, { moduleKey: shown.module.key, location: shown.location });
      page(shown.module.title, adminBody(sidebar, frame(ctx, shown.module, {}, shown.base)));
    }
    return true;
  }
  if (path === '/manage-apps') {
    const main = modules.find((m) => m.type === 'jira:adminPage' && m.usedAs === undefined);
    page('Manage apps', adminBody(adminSidebar(modules, { moduleKey: '', location: '/' }), manageAppsBody(modules, main?.title ?? 'The app')));
    return true;
  }
  const projectPath = resolveProjectPath(path);
  if (projectPath) {
    const module = modules.find((m) => m.type === 'jira:projectPage');
    const key = segment(projectPath.key);
    const project = ctx.host.jira.projects().find((p) => p.key === key);
    if (!module) send(res, 404, 'text/plain', 'manifest.yml declares no jira:projectPage');
    else if (!project) send(res, 404, 'text/plain', `no project with key '${key}' in the Jira fake`);
    else {
      const extension = { project: { id: project.id, key: project.key, type: project.projectTypeKey } };
      page(`${project.name} · ${module.title}`, frame(ctx, module, extension, moduleBasePath(module, project.key) ?? path));
    }
    return true;
  }
  if (path === '/receiver') {
    page('Demo receiver', receiverBody(ctx.receiver.list(), RECEIVER_HOOK));
    return true;
  }
  return false;
}

/** The module's page from the frames origin; the chrome keeps which module and context it is shown for. */
function frame(ctx: ServerContext, module: UiModule, extension: Record<string, unknown>, historyBase: string): string {
  return framedBody({
    src: `${ctx.origins.frames}/resources/${encodeURIComponent(module.resource)}/index.html`,
    title: module.title,
    moduleKey: module.key,
    extension,
    framesOrigin: ctx.origins.frames,
    historyBase,
  });
}
