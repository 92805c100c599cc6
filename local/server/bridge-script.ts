/**
 * The bridge between a Custom UI page and the sandbox, over postMessage as on Forge: the page runs in an iframe
 * of another origin (origins.ts) and only asks its parent, the chrome page; the chrome, which knows which module
 * and context it shows and whose cookie says who acts, calls the sandbox. A page therefore cannot choose the user,
 * the module or the context its calls run with.
 */

const CALL = 'sandbox-bridge-call';
const ANSWER = 'sandbox-bridge-answer';

/**
 * The classic script injected first in each Custom UI page's <head>: it defines `window.__bridge.callBridge`,
 * which the unmodified @forge/bridge looks up when its modules load (node_modules/@forge/bridge/out/bridge.js).
 */
export function frameBridgeScript(chromeOrigin: string): string {
  return `<script>
(function () {
  var CHROME = ${JSON.stringify(chromeOrigin)};
  var pending = {};
  var next = 0;
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== CHROME) return;
    var answer = event.data;
    if (!answer || answer.type !== '${ANSWER}' || !pending[answer.id]) return;
    var call = pending[answer.id];
    delete pending[answer.id];
    if (answer.warning) console.warn('[sandbox bridge] ' + answer.warning);
    if (answer.ok) call.resolve(answer.result);
    else call.reject(new Error(answer.message || 'bridge call failed'));
  });
  window.__bridge = {
    callBridge: function (name, payload) {
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

/**
 * The chrome's side, on a page that shows a frame: it answers only its own frame, from the frames origin, and
 * sends the call with the module and context it rendered the frame for (the `data-` attributes of the iframe).
 */
export const CHROME_RELAY_SCRIPT = `<script>
(function () {
  var frame = document.querySelector('[data-testid="app-frame"]');
  if (!frame) return;
  var FRAMES = frame.getAttribute('data-frames-origin');
  var where = JSON.parse(frame.getAttribute('data-module') || '{}');
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== FRAMES) return;
    var call = event.data;
    if (!call || call.type !== '${CALL}') return;
    var reply = function (answer) {
      answer.type = '${ANSWER}';
      answer.id = call.id;
      event.source.postMessage(answer, FRAMES);
    };
    fetch('/__sandbox/bridge', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: call.name, payload: call.payload, moduleKey: where.moduleKey, extension: where.extension })
    })
      .then(function (res) {
        return res.json().then(function (data) {
          reply({ ok: res.ok, result: data.result, warning: data.warning, message: data.message });
        });
      })
      .catch(function (error) {
        reply({ ok: false, message: 'the sandbox did not answer the bridge call: ' + error });
      });
  });
})();
</script>`;
