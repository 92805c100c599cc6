import type http from 'node:http';
import { z } from 'zod';
import type { Host } from '../host';
import type { DemoUser } from '../services/jira';
import { UiCallError } from '../runtime/ui-calls';
import { sendJson } from './http-util';
import { navigationPath } from './page-paths';

// What the chrome's relay posts for its frame (bridge-script.ts): the frame's call, with the module and context the chrome shows.
const bridgeRequest = z.object({
  name: z.string(),
  payload: z.unknown(),
  moduleKey: z.string(),
  extension: z.record(z.string(), z.unknown()).default({}),
});
const invokeCall = z.object({ functionKey: z.string(), payload: z.unknown() });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `router.navigate` / `open` / `getUrl` (@forge/bridge `out/router/router.js`): where they lead in the sandbox. The
 * chrome navigates itself, told by `navigate` in the answer; what the sandbox cannot show is answered with a warning.
 */
function answerNavigation(host: Host, res: http.ServerResponse, chromeOrigin: string, name: string, payload: unknown): void {
  const to = navigationPath(host.loaded.uiModules, payload);
  if ('problem' in to) return sendJson(res, 200, { result: null, warning: `router ${name}: ${to.problem}` });
  if (name === 'getUrl') return sendJson(res, 200, { result: `${chromeOrigin}${to.path}` });
  const newTab = (payload as { type?: unknown }).type === 'new-tab';
  return sendJson(res, 200, { result: null, navigate: { path: to.path, newTab } });
}

/** Answers a call of the injected bridge script as Forge's bridge would, as the chosen user. */
export async function answerBridgeCall(host: Host, res: http.ServerResponse, user: DemoUser, body: string, chromeOrigin: string): Promise<void> {
  const parsed = bridgeRequest.safeParse(parseJson(body));
  if (!parsed.success) return sendJson(res, 400, { message: `Malformed bridge call: ${parsed.error.issues[0]?.message ?? ''}` });
  const call = parsed.data;
  const caller = { moduleKey: call.moduleKey, accountId: user.accountId, extension: call.extension };
  if (call.name === 'navigate' || call.name === 'getUrl') return answerNavigation(host, res, chromeOrigin, call.name, call.payload);
  try {
    if (call.name === 'invoke') {
      const invoke = invokeCall.safeParse(call.payload);
      if (!invoke.success) return sendJson(res, 400, { message: 'invoke needs a functionKey' });
      return sendJson(res, 200, { result: await host.ui.invoke(caller, invoke.data.functionKey, invoke.data.payload) });
    }
    const answer = host.ui.bridge(caller, call.name, call.payload);
    if (!answer.known) return sendJson(res, 200, { result: null, warning: `bridge call '${call.name}' is not emulated by the sandbox` });
    return sendJson(res, 200, { result: answer.result });
  } catch (error) {
    // A call the platform refuses (the admin declined egress, a payload over the limit) rejects the page's promise,
    // as on Forge; the request itself succeeded, so it is no network error in the browser's console.
    if (error instanceof UiCallError) return sendJson(res, 200, { rejected: { status: error.status, message: error.message } });
    return sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
  }
}
