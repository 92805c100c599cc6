import type { UiModule } from '../runtime/manifest';
import { escapeHtml } from './html';
import { ADMIN_BASE, moduleBasePath } from './page-paths';

/**
 * Jira's admin settings around an admin page: a sidebar whose Apps section lists "Manage apps" and the app, with the
 * module's subpages under its title (docs/forge-platform.md, "Pages and resolvers"). A Get started or Configure page
 * is not in the sidebar, as in Jira: it is reached from the app's entry in Manage apps.
 */
export const ADMIN_STYLE = `.admin{display:flex;min-height:calc(100vh - 48px)}
.admin nav{width:232px;flex:none;padding:16px 8px;background:#f7f8f9;border-right:1px solid #dfe1e6;box-sizing:border-box}
.admin nav p{margin:0 8px 12px;font-weight:700;font-size:16px}.admin nav h2,.admin nav h3{font-size:12px;text-transform:uppercase;color:#44546f;margin:16px 8px 4px}
.admin nav ul{list-style:none;margin:0;padding:0}.admin nav a{display:block;padding:6px 8px;border-radius:3px;color:#172b4d;text-decoration:none}
.admin nav a:hover{background:#ebecf0}.admin nav a[aria-current=page]{background:#e9f2ff;color:#0c66e4;font-weight:600}
.admin nav a:focus-visible{outline:2px solid #388bff}.admin .content{flex:1;min-width:0}.admin iframe{height:calc(100vh - 48px)}
a.button{display:inline-block;padding:6px 12px;border-radius:3px;background:#0c66e4;color:#fff;font-weight:600;text-decoration:none}`;

/** The sidebar; `current` is the module shown and the app's location in it. */
export function adminSidebar(modules: readonly UiModule[], current: { moduleKey: string; location: string }): string {
  const main = modules.find((m) => m.type === 'jira:adminPage' && m.usedAs === undefined);
  const items: string[] = [];
  if (main) {
    items.push(`<h3>${escapeHtml(main.title)}</h3>`);
    let section: string | undefined;
    const links = main.pages.length === 0 ? [{ title: main.title, route: '', section: undefined }] : main.pages;
    const isCurrent = (route: string, index: number) =>
      current.moduleKey === main.key &&
      (route === ''
        ? true
        : current.location === `/${route}` || current.location.startsWith(`/${route}/`) || (current.location === '/' && index === 0));
    const list = links.map((page, index) => {
      const heading = page.section !== undefined && page.section !== section ? `</ul><h3>${escapeHtml(page.section)}</h3><ul>` : '';
      section = page.section;
      const href = page.route === '' ? ADMIN_BASE : `${ADMIN_BASE}/${page.route}`;
      const attrs = `href="${escapeHtml(href)}" data-route="/${escapeHtml(page.route)}" data-module-key="${escapeHtml(main.key)}"`;
      return `${heading}<li><a ${attrs}${isCurrent(page.route, index) ? ' aria-current="page"' : ''}>${escapeHtml(page.title)}</a></li>`;
    });
    items.push(`<ul>${list.join('')}</ul>`);
  }
  const manage = `<li><a href="/manage-apps"${current.moduleKey === '' ? ' aria-current="page"' : ''}>Manage apps</a></li>`;
  return `<nav aria-label="Jira settings" data-testid="admin-sidebar"><p>Jira settings</p><h2>Apps</h2><ul>${manage}</ul>${items.join('')}</nav>`;
}

/** The sidebar beside the page's content (a framed module, or the Manage apps list). */
export const adminBody = (sidebar: string, content: string): string =>
  `<style>${ADMIN_STYLE}</style><div class="admin">${sidebar}<div class="content">${content}</div></div>`;

/** Manage apps: the app's entry, with the Get started and Configure buttons its admin pages declare. */
export function manageAppsBody(modules: readonly UiModule[], appTitle: string): string {
  const buttons = modules
    .filter((m) => m.type === 'jira:adminPage' && m.usedAs !== undefined)
    .map((m) => {
      const label = m.usedAs === 'get-started' ? 'Get started' : 'Configure';
      return `<a class="button" href="${escapeHtml(moduleBasePath(m) ?? ADMIN_BASE)}" data-testid="manage-apps-${m.usedAs ?? ''}">${label}</a>`;
    })
    .join(' ');
  return `<main><h1>Manage apps</h1><p>Apps installed on this site. The buttons are the ones the app's <code>jira:adminPage</code> entries with
<code>useAsGetStarted</code> or <code>useAsConfig</code> add to its entry.</p>
<table><tr><th>App</th><th></th></tr><tr><td><strong>${escapeHtml(appTitle)}</strong></td><td>${buttons || '—'}</td></tr></table></main>`;
}
