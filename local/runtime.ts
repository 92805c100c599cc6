import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { CostCounters } from './meter';
import { emptyCounters } from './meter';

/** Identity of the app and site the host plays; fixed so stored data keeps making sense across restarts. */
export interface AppIdentity {
  appId: string;
  appVersion: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT';
  installationId: string;
  cloudId: string;
}

/** What the platform knows about one running invocation. */
export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleType: string;
  moduleKey: string;
  accountId: string | undefined;
  deadline: number;
  counters: CostCounters;
}

export type ForgeFetchRoute = (typeInfo: Record<string, unknown>, path: string, init: RequestInit | undefined) => Promise<Response>;

const invocations = new AsyncLocalStorage<Invocation>();
/** Node's own fetch, kept before any host replaces the global (a test may start several hosts in one process). */
const nativeFetch = globalThis.fetch;

export function currentInvocation(): Invocation | undefined {
  return invocations.getStore();
}

export function newInvocation(fields: Omit<Invocation, 'invocationId' | 'counters' | 'deadline'> & { timeoutSeconds: number }): Invocation {
  const { timeoutSeconds, ...rest } = fields;
  return { ...rest, invocationId: randomUUID(), deadline: Date.now() + timeoutSeconds * 1000, counters: emptyCounters() };
}

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  return invocations.run(invocation, fn);
}

const noopMetric = { incr: () => undefined, decr: () => undefined, set: () => undefined, measure: () => ({ stop: () => undefined }) };

function runtimeFor(app: AppIdentity, invocation: Invocation, appCodeDir: string): Record<string, unknown> {
  return {
    appContext: {
      appId: app.appId,
      appVersion: app.appVersion,
      environmentId: app.environmentId,
      environmentType: app.environmentType,
      invocationId: invocation.invocationId,
      installationId: app.installationId,
      functionKey: invocation.functionKey,
      moduleType: invocation.moduleType,
      moduleKey: invocation.moduleKey,
    },
    contextAri: `ari:cloud:jira::site/${app.cloudId}`,
    aaid: invocation.accountId,
    lambdaContext: { getRemainingTimeInMillis: () => Math.max(0, invocation.deadline - Date.now()) },
    metrics: { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric },
    tracing: { traceId: invocation.invocationId.replace(/-/g, ''), spanId: invocation.invocationId.slice(0, 16) },
    container: { appCodeDir },
    // `kvs` is deliberately absent: @forge/kvs then sends every call through __forge_fetch__ as type 'kvs'.
  };
}

/**
 * Installs the two globals the Forge SDKs talk to the platform through (see FORGE-NOTES.md,
 * "How the real SDKs reach the platform"), and wraps the global fetch for egress rules.
 * Must run before the app's bundle loads: @forge/api captures `fetch` at load time.
 */
export function installRuntime(options: {
  app: AppIdentity;
  appCodeDir: string;
  route: ForgeFetchRoute;
  /** Builds the app's egress-checked fetch around Node's own. */
  egress: (native: typeof fetch) => (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
}): void {
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const invocation = invocations.getStore();
      return invocation ? runtimeFor(options.app, invocation, options.appCodeDir) : undefined;
    },
  });
  g.__forge_fetch__ = options.route;
  const appFetch = options.egress(nativeFetch);
  // Only the app's invocations go through the egress rules; the host's and the tests' own requests do not.
  g.fetch = (input: string | URL | Request, init?: RequestInit) => (invocations.getStore() ? appFetch(input, init) : nativeFetch(input, init));
}
