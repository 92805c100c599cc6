/**
 * The bridge between a Custom UI page and the sandbox, over postMessage as on Forge: the page runs in an iframe
 * of another origin (origins.ts) and only asks its parent, the chrome page; the chrome, which knows which module
 * and context it shows and whose cookie says who acts, calls the sandbox. A page therefore cannot choose the user,
 * the module or the context its calls run with.
 */

export const CALL = 'sandbox-bridge-call';
export const ANSWER = 'sandbox-bridge-answer';
/** The chrome telling its frame that the page's URL changed (a push, a replace, back, forward, the sidebar). */
export const HISTORY_CHANGE = 'sandbox-history-change';
/** The frame asking the chrome to change the page's URL: `{ op: 'push' | 'replace', location }` or `{ op: 'go', delta }`. */
export const HISTORY_CALL = '__sandboxHistory';

/**
 * The classic script injected first in each Custom UI page's <head>: it defines `window.__bridge.callBridge`,
 * which the unmodified @forge/bridge looks up when its modules load (node_modules/@forge/bridge/out/bridge.js).
 * `createHistory` answers a history object (its methods cannot cross postMessage): it asks the chrome, which owns
 * the URL, for every change, and calls its listeners when the chrome says the URL changed
 * (docs/forge-platform.md, "Pages and resolvers").
 */
export function frameBridgeScript(chromeOrigin: string): string {
  return `<script>
(function () {
  var CHROME = ${JSON.stringify(chromeOrigin)};
  var pending = {};
  var histories = [];
  var next = 0;
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== CHROME) return;
    var answer = event.data;
    if (answer && answer.type === '${HISTORY_CHANGE}') {
      histories.forEach(function (update) { update(answer.location, answer.action); });
      return;
    }
    if (!answer || answer.type !== '${ANSWER}' || !pending[answer.id]) return;
    var call = pending[answer.id];
    delete pending[answer.id];
    if (answer.warning) console.warn('[sandbox bridge] ' + answer.warning);
    if (answer.ok) call.resolve(answer.result);
    else call.reject(new Error(answer.message || 'bridge call failed'));
  });
  function send(name, payload) {
    if (window.parent === window) {
      return Promise.reject(new Error('This page answers bridge calls only inside the sandbox: open it from ' + CHROME + '/'));
    }
    var id = ++next;
    var message;
    try {
      message = { type: '${CALL}', id: id, name: String(name), payload: payload === undefined ? null : JSON.parse(JSON.stringify(payload)) };
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject };
      window.parent.postMessage(message, CHROME);
    });
  }
  function toLocation(to, state) {
    if (typeof to === 'string') {
      var url = new URL(to, 'http://app.invalid/');
      return { pathname: url.pathname, search: url.search, hash: url.hash, state: state };
    }
    var given = to || {};
    return { pathname: String(given.pathname || '/'), search: String(given.search || ''), hash: String(given.hash || ''), state: given.state };
  }
  function ask(payload) {
    send('${HISTORY_CALL}', payload).catch(function (error) { console.warn('[sandbox bridge] history: ' + error.message); });
  }
  function makeHistory(initial) {
    var listeners = [];
    var history = {
      action: initial.action,
      location: initial.location,
      push: function (to, state) { ask({ op: 'push', location: toLocation(to, state) }); },
      replace: function (to, state) { ask({ op: 'replace', location: toLocation(to, state) }); },
      go: function (delta) { ask({ op: 'go', delta: Number(delta) || 0 }); },
      goBack: function () { history.go(-1); },
      goForward: function () { history.go(1); },
      listen: function (listener) {
        listeners.push(listener);
        return function () {
          var at = listeners.indexOf(listener);
          if (at >= 0) listeners.splice(at, 1);
        };
      }
    };
    histories.push(function (location, action) {
      history.action = action;
      history.location = location;
      listeners.slice().forEach(function (listener) { listener(location, action); });
    });
    return history;
  }
  window.__bridge = {
    callBridge: function (name, payload) {
      if (name === 'createHistory') return send('createHistory', null).then(makeHistory);
      return send(name, payload);
    }
  };
})();
</script>`;
}

export function injectBridge(html: string, chromeOrigin: string): string {
  const script = frameBridgeScript(chromeOrigin);
  const head = html.match(/<head[^>]*>/i);
  if (!head || head.index === undefined) return script + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + script + html.slice(at);
}
