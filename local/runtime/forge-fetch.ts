import type { JiraCaller, JiraFake } from '../services/jira';
import type { KvsService } from '../services/kvs';
import type { QueueRoutes } from '../services/queue/routes';
import type { WithLatency } from './latency';
import type { ForgeFetchRoute } from './runtime';
import { jsonAnswer } from './platform-response';
import { currentInvocation } from './runtime';

export const notEmulated = (what: string): Response => jsonAnswer(501, { code: 'NOT_EMULATED', message: `The local host does not emulate ${what}` });

async function bodyText(init: RequestInit | undefined): Promise<string | undefined> {
  if (init?.body === undefined || init.body === null) return undefined;
  return typeof init.body === 'string' ? init.body : await new Response(init.body).text();
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ForgeFetchServices {
  kvs: KvsService;
  jira: JiraFake;
  queue: QueueRoutes;
  /** Per-call platform latency (HostOptions.platformLatencyMs); none by default. */
  latency: WithLatency;
}

/**
 * `__forge_fetch__`: every SDK call to the platform lands here, tagged by the SDK with its type
 * (`kvs`, or `fpp` with a provider and a remote). Each call is added to the running invocation's meter,
 * and reaches its service after part of the platform latency and answers after the rest.
 */
export function createForgeFetch(services: ForgeFetchServices): ForgeFetchRoute {
  return async (typeInfo, path, init) => {
    const text = await bodyText(init);
    return services.latency(() => answer(services, typeInfo, path, init?.method ?? 'GET', text));
  };
}

async function answer(services: ForgeFetchServices, typeInfo: Record<string, unknown>, path: string, method: string, text: string | undefined) {
  const invocation = currentInvocation();
  const counters = invocation?.counters;
  if (typeInfo.type === 'kvs') {
    const { response, usage } = services.kvs.handle(path, parseJson(text), text === undefined ? undefined : Buffer.byteLength(text, 'utf8'));
    if (counters) {
      counters.kvsReads += usage.reads;
      counters.kvsReadBytes += usage.readBytes;
      counters.kvsWrites += usage.writes;
      counters.kvsWriteBytes += usage.writeBytes;
    }
    return response;
  }
  if (typeInfo.type === 'fpp' && typeInfo.remote === 'jira') {
    if (counters) counters.productRequests++;
    return services.jira.handle({ method, path, ...(text === undefined ? {} : { body: text }), caller: callerOf(typeInfo) });
  }
  if (typeInfo.type === 'fpp' && typeInfo.remote === 'stargate') {
    if (path.startsWith('/webhook/queue/publish/')) {
      const { response, events } = services.queue.publish(parseJson(text), invocation?.chainId);
      if (counters && events > 0) {
        counters.queuePushes++;
        counters.queueEvents += events;
      }
      return response;
    }
    if (path.startsWith('/webhook/queue/stats/')) return services.queue.stats(parseJson(text));
    if (path.startsWith('/webhook/queue/cancel/')) return services.queue.cancel(parseJson(text));
  }
  const kind = [typeInfo.type, typeInfo.remote].filter((part) => typeof part === 'string').join(' ');
  return notEmulated(`${kind} ${method} ${path}`);
}

/** asApp (and the provider-less legacy requestJira) acts as the app; asUser as the given or current user. */
function callerOf(typeInfo: Record<string, unknown>): JiraCaller {
  if (typeInfo.provider !== 'user') return { kind: 'app' };
  const accountId = typeof typeInfo.accountId === 'string' ? typeInfo.accountId : currentInvocation()?.accountId;
  return accountId ? { kind: 'user', accountId } : { kind: 'anonymous' };
}
