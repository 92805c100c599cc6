import type { DemoProject, DemoUser } from '../services/jira';
import { CHROME_RELAY_SCRIPT } from './chrome-relay-script';
import type { ReceivedRequest } from './receiver';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;margin:0;color:#172b4d}
header{display:flex;gap:16px;align-items:center;padding:8px 16px;background:#0c66e4;color:#fff}
header a{color:#fff;font-weight:600;text-decoration:none}header .grow{flex:1}
main{padding:16px 24px}iframe{border:0;width:100%;height:calc(100vh - 48px)}
table{border-collapse:collapse}td,th{border:1px solid #dfe1e6;padding:4px 8px;text-align:left;vertical-align:top}
pre{white-space:pre-wrap;word-break:break-all;margin:0;max-width:900px}`;

/** The sandbox chrome: title bar, links and the "act as" user switcher, around any page. */
export function layout(options: { title: string; users: DemoUser[]; currentUser: DemoUser; back: string; body: string }): string {
  const choices = options.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.accountId)}"${u.accountId === options.currentUser.accountId ? ' selected' : ''}>${escapeHtml(u.displayName)}</option>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(options.title)} · Projectrak sandbox</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>
<header><a href="/">Projectrak sandbox</a><a href="/admin">Admin page</a><a href="/receiver">Demo receiver</a><span class="grow"></span>
<form method="post" action="/__sandbox/user" data-testid="user-switcher"><label>Act as <select name="accountId" onchange="this.form.submit()">${choices}</select></label>
<input type="hidden" name="back" value="${escapeHtml(options.back)}"><noscript><button>Switch</button></noscript></form></header>
${options.body}</body></html>`;
}

export function homeBody(projects: DemoProject[], urls: { admin: string; receiver: string; receiverHook: string }): string {
  const rows = projects
    .map(
      (
        p,
      ) => `<tr><td><a href="/project/${encodeURIComponent(p.key)}">${escapeHtml(p.name)}</a></td><td>${escapeHtml(p.key)}</td><td>${escapeHtml(p.id)}</td>
<td><form method="post" action="/__sandbox/rename"><input type="hidden" name="project" value="${escapeHtml(p.id)}"><input name="name" value="${escapeHtml(p.name)}" aria-label="New name for ${escapeHtml(p.key)}"><button>Rename in Jira</button></form></td></tr>`,
    )
    .join('');
  return `<main><h1>Projectrak sandbox</h1>
<p>The app's real handlers and the real Forge SDKs, running offline against a Jira Cloud fake. Use "Act as" to switch user.</p>
<ul><li><a href="${urls.admin}">Admin page</a> (Jira settings → Apps), and its <a href="/manage-apps">entry in Manage apps</a> (Get started)</li><li><a href="${urls.receiver}">Demo receiver</a>: point a webhook at <code>${escapeHtml(urls.receiverHook)}</code></li>
<li><a href="/__sandbox/meter">Invocation meter</a> · <a href="/__sandbox/queue">Queue</a></li></ul>
<h2>Projects</h2><table><tr><th>Project page</th><th>Key</th><th>Id</th><th>Jira project name (renaming emits avi:jira:updated:project)</th></tr>${rows}</table></main>`;
}

/**
 * A Custom UI page in its iframe: from the frames origin, sandboxed as Forge sandboxes it (no top navigation, no
 * popups: docs/forge-platform.md, "Egress"), with the module and context the chrome shows it for.
 */
export function framedBody(frame: {
  src: string;
  title: string;
  moduleKey: string;
  extension: Record<string, unknown>;
  framesOrigin: string;
  /** The chrome path the page's `view.createHistory()` locations are relative to. */
  historyBase: string;
}): string {
  const where = JSON.stringify({ moduleKey: frame.moduleKey, extension: frame.extension });
  return `<iframe title="${escapeHtml(frame.title)}" src="${escapeHtml(frame.src)}" data-testid="app-frame" sandbox="allow-scripts allow-same-origin allow-forms allow-modals allow-downloads"
data-frames-origin="${escapeHtml(frame.framesOrigin)}" data-module="${escapeHtml(where)}" data-history-base="${escapeHtml(frame.historyBase)}"></iframe>${CHROME_RELAY_SCRIPT}`;
}

export function receiverBody(requests: ReceivedRequest[], hook: string): string {
  const rows = requests
    .map((r) => {
      const headers = r.rawHeaders.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('\n');
      return `<tr data-testid="received"><td>${escapeHtml(r.receivedAt)}</td><td>${escapeHtml(r.method)}</td><td>${escapeHtml(r.url)}</td><td>${escapeHtml(r.answer)}</td><td><pre>${headers}</pre></td><td><pre>${escapeHtml(prettyJson(r.body))}</pre></td></tr>`;
    })
    .join('');
  return `<main><h1>Demo receiver</h1><p>Keeps every request sent to <code>${escapeHtml(hook)}</code> (any path), newest first, and answers by the
path's end: <code>/status/503</code>, <code>/retry-after/30</code>, <code>/hang</code>, <code>/slow-body</code>, <code>/huge</code>, <code>/redirect</code>,
<code>/reset</code>, <code>/flaky/30</code>; anything else gets 200. As JSON: <a href="/__sandbox/received">/__sandbox/received</a>.</p>
<form method="post" action="/__sandbox/receiver/clear"><button>Clear</button></form>
<table><tr><th>Received</th><th>Method</th><th>URL</th><th>Answer</th><th>Headers</th><th>Body</th></tr>${rows || '<tr><td colspan="6">Nothing received yet.</td></tr>'}</table></main>`;
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
