import { ANSWER, CALL, HISTORY_CALL, HISTORY_CHANGE } from './bridge-script';

/**
 * The chrome's side, on a page that shows a frame: it answers only its own frame, from the frames origin, and
 * sends the call with the module and context it rendered the frame for (the `data-` attributes of the iframe).
 * It owns the page's URL, as Jira does: `createHistory` and history changes are answered here, kept under the
 * module's path (`data-history-base`), and the frame is told of every change, back and forward and the sidebar's
 * links included. `router.navigate` is answered by the sandbox with where to go, and the chrome goes there.
 */
export const CHROME_RELAY_SCRIPT = `<script>
(function () {
  var frame = document.querySelector('[data-testid="app-frame"]');
  if (!frame) return;
  var FRAMES = frame.getAttribute('data-frames-origin');
  var BASE = frame.getAttribute('data-history-base') || '/';
  var where = JSON.parse(frame.getAttribute('data-module') || '{}');
  var sidebarLinks = Array.prototype.slice.call(document.querySelectorAll('[data-testid="admin-sidebar"] a[data-route]'));
  function appLocation() {
    var path = window.location.pathname;
    var rest = path.length > BASE.length ? path.slice(BASE.length) : '/';
    var state = window.history.state && window.history.state.sandboxAppState;
    var location = { pathname: rest, search: window.location.search, hash: window.location.hash };
    if (state !== undefined && state !== null) location.state = state;
    return location;
  }
  function markSidebar() {
    var at = appLocation().pathname;
    var mine = sidebarLinks.filter(function (a) { return a.getAttribute('data-module-key') === where.moduleKey; });
    mine.forEach(function (a, index) {
      var route = a.getAttribute('data-route');
      var current = at === route || at.indexOf(route + '/') === 0 || (at === '/' && index === 0) || route === '/';
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
  }
  function tellFrame(action) {
    markSidebar();
    frame.contentWindow.postMessage({ type: '${HISTORY_CHANGE}', action: action, location: appLocation() }, FRAMES);
  }
  function target(location) {
    var pathname = String((location && location.pathname) || '/');
    if (pathname.charAt(0) !== '/' || pathname.charAt(1) === '/') return undefined;
    var url = new URL((BASE === '/' ? '' : BASE) + (pathname === '/' ? '' : pathname) + String(location.search || '') + String(location.hash || ''), window.location.origin);
    var inside = url.origin === window.location.origin && (url.pathname === BASE || url.pathname.indexOf(BASE + '/') === 0);
    return inside ? url.pathname + url.search + url.hash : undefined;
  }
  function changeHistory(request) {
    if (request && request.op === 'go') {
      if (request.delta) window.history.go(request.delta);
      return undefined;
    }
    if (!request || (request.op !== 'push' && request.op !== 'replace')) return 'history: unknown operation';
    var to = target(request.location);
    if (!to) return 'history: ' + JSON.stringify(request.location && request.location.pathname) + ' is not a path of this page';
    var state = { sandboxAppState: request.location.state === undefined ? null : request.location.state };
    if (request.op === 'push') window.history.pushState(state, '', to);
    else window.history.replaceState(state, '', to);
    tellFrame(request.op === 'push' ? 'PUSH' : 'REPLACE');
    return undefined;
  }
  window.addEventListener('popstate', function () { tellFrame('POP'); });
  sidebarLinks.forEach(function (a) {
    if (a.getAttribute('data-module-key') !== where.moduleKey) return;
    a.addEventListener('click', function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      window.history.pushState({ sandboxAppState: null }, '', a.getAttribute('href'));
      tellFrame('PUSH');
    });
  });
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== FRAMES) return;
    var call = event.data;
    if (!call || call.type !== '${CALL}') return;
    var reply = function (answer) {
      answer.type = '${ANSWER}';
      answer.id = call.id;
      event.source.postMessage(answer, FRAMES);
    };
    if (call.name === 'createHistory') return reply({ ok: true, result: { action: 'POP', location: appLocation() } });
    if (call.name === '${HISTORY_CALL}') {
      var problem = changeHistory(call.payload);
      return reply(problem ? { ok: false, message: problem } : { ok: true, result: null });
    }
    fetch('/__sandbox/bridge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: call.name, payload: call.payload, moduleKey: where.moduleKey, extension: where.extension })
    })
      .then(function (res) {
        return res.json().then(function (data) {
          if (data.rejected) return reply({ ok: false, message: data.rejected.message });
          reply({ ok: res.ok, result: data.result, warning: data.warning, message: data.message });
          if (res.ok && data.navigate) {
            if (data.navigate.newTab) window.open(data.navigate.path, '_blank', 'noopener');
            else window.location.assign(data.navigate.path);
          }
        });
      })
      .catch(function (error) {
        reply({ ok: false, message: 'the sandbox did not answer the bridge call: ' + error });
      });
  });
})();
</script>`;
