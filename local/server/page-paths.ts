import type { UiModule } from '../runtime/manifest';

/**
 * Where the sandbox shows each full-page module, standing in for Jira's URLs (docs/forge-platform.md, "Pages and
 * resolvers"): the admin page at `/admin` (Jira: `/jira/settings/apps/{appId}/{envId}`), its subpage routes after it,
 * the Get started and Configure pages at `/admin/get-started` and `/admin/configure` (Jira:
 * `/jira/settings/apps/get-started/{appId}/{envId}`, `…/configure/…`), a project page at `/project/<key>`.
 * A subpage whose route is `get-started` or `configure` is hidden behind those pages in the sandbox.
 */
export const ADMIN_BASE = '/admin';
const USED_AS_SEGMENT = { 'get-started': 'get-started', config: 'configure' } as const;

export interface ShownModule {
  module: UiModule;
  /** The chrome path the app's own locations are relative to (`view.createHistory()`). */
  base: string;
  /** The app's location within it, always starting with `/`. */
  location: string;
}

export function moduleBasePath(module: UiModule, projectKey?: string): string | undefined {
  if (module.type === 'jira:adminPage') return module.usedAs ? `${ADMIN_BASE}/${USED_AS_SEGMENT[module.usedAs]}` : ADMIN_BASE;
  if (module.type === 'jira:projectPage' && projectKey) return `/project/${encodeURIComponent(projectKey)}`;
  return undefined;
}

/** The admin module a path under `/admin` shows, with the app's location in it; undefined for other paths. */
export function resolveAdminPath(modules: readonly UiModule[], path: string): ShownModule | undefined {
  if (path !== ADMIN_BASE && !path.startsWith(`${ADMIN_BASE}/`)) return undefined;
  const rest = path.slice(ADMIN_BASE.length);
  const first = rest.split('/')[1] ?? '';
  const usedAs = modules.find((m) => m.type === 'jira:adminPage' && m.usedAs !== undefined && USED_AS_SEGMENT[m.usedAs] === first);
  if (usedAs) return { module: usedAs, base: `${ADMIN_BASE}/${first}`, location: rest.slice(first.length + 1) || '/' };
  const main = modules.find((m) => m.type === 'jira:adminPage' && m.usedAs === undefined);
  return main && { module: main, base: ADMIN_BASE, location: rest || '/' };
}

/** `/project/<key>` and anything under it: the project key and the app's location. */
export function resolveProjectPath(path: string): { key: string; location: string } | undefined {
  const match = /^\/project\/([^/]+)(\/.*)?$/.exec(path);
  return match?.[1] ? { key: match[1], location: match[2] ?? '/' } : undefined;
}

export const isModulePath = (path: string): boolean =>
  path === ADMIN_BASE || path.startsWith(`${ADMIN_BASE}/`) || resolveProjectPath(path) !== undefined;

/**
 * Where `router.navigate` / `open` / `getUrl` of @forge/bridge lead, for what the sandbox can show: a module of the
 * app (`{ target: 'module', moduleKey, projectKey?, path? }`) or a relative path of one of its pages. Anything else
 * (another Atlassian page, another site, for which Forge asks the user first) is answered with why not.
 */
export function navigationPath(modules: readonly UiModule[], location: unknown): { path: string } | { problem: string } {
  const where = typeof location === 'object' && location !== null ? (location as Record<string, unknown>) : {};
  const url = typeof location === 'string' ? location : where.url;
  if (typeof url === 'string') {
    if (!url.startsWith('/') || url.startsWith('//')) return { problem: `navigating to another site (${url}) is not emulated by the sandbox` };
    const pathname = new URL(url, 'http://sandbox.invalid').pathname;
    return isModulePath(pathname) ? { path: url } : { problem: `${url} is a Jira page the sandbox does not have` };
  }
  if (where.target !== 'module') return { problem: `navigation target '${String(where.target)}' is not emulated by the sandbox` };
  const module = modules.find((m) => m.key === where.moduleKey);
  if (!module) return { problem: `manifest.yml has no UI module '${String(where.moduleKey)}'` };
  const base = moduleBasePath(module, typeof where.projectKey === 'string' ? where.projectKey : undefined);
  if (!base)
    return {
      problem: `module '${module.key}' (${module.type}) has no page the sandbox can open${module.type === 'jira:projectPage' ? ' without a projectKey' : ''}`,
    };
  const path = typeof where.path === 'string' ? where.path : '';
  if (path !== '' && !/^[/?#]/.test(path)) return { problem: `path '${path}' must start with /, ? or #` };
  return { path: `${base}${path === '/' ? '' : path}` };
}
