/**
 * The classic script injected first in each Custom UI page's <head>: it defines
 * `window.__bridge.callBridge`, which the unmodified @forge/bridge looks up when its modules load
 * (node_modules/@forge/bridge/out/bridge.js). Calls go to the sandbox, which answers as Forge would.
 */
export const BRIDGE_SCRIPT = `<script>
(function () {
  var params = new URLSearchParams(window.location.search);
  var frame = { moduleKey: params.get('moduleKey'), extension: JSON.parse(params.get('extension') || '{}') };
  window.__bridge = {
    callBridge: function (name, payload) {
      return fetch('/__sandbox/bridge', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: name, payload: payload === undefined ? null : payload, moduleKey: frame.moduleKey, extension: frame.extension })
      }).then(function (res) {
        return res.json().then(function (data) {
          if (data.warning) console.warn('[sandbox bridge] ' + data.warning);
          if (!res.ok) throw new Error(data.message || ('bridge call ' + name + ' failed'));
          return data.result;
        });
      });
    }
  };
})();
</script>`;

export function injectBridge(html: string): string {
  const head = html.match(/<head[^>]*>/i);
  if (!head || head.index === undefined) return BRIDGE_SCRIPT + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + BRIDGE_SCRIPT + html.slice(at);
}
