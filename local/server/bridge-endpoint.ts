import type http from 'node:http';
import { z } from 'zod';
import type { Host } from '../host';
import type { DemoUser } from '../services/jira';
import { UiCallError } from '../runtime/ui-calls';
import { sendJson } from './http-util';

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

/** Answers a call of the injected bridge script as Forge's bridge would, as the chosen user. */
export async function answerBridgeCall(host: Host, res: http.ServerResponse, user: DemoUser, body: string): Promise<void> {
  const parsed = bridgeRequest.safeParse(parseJson(body));
  if (!parsed.success) return sendJson(res, 400, { message: `Malformed bridge call: ${parsed.error.issues[0]?.message ?? ''}` });
  const call = parsed.data;
  const caller = { moduleKey: call.moduleKey, accountId: user.accountId, extension: call.extension };
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
    const status = error instanceof UiCallError ? error.status : 500;
    return sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
  }
}
