import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { format } from 'node:util';
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

export type ForgeFetchRoute = (typeInfo: Record<string, unknown>, path: string, init: RequestInit | undefined) => Promise<Response>;
export type AppFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** One host's platform, as its invocations see it: several hosts may share a process (tests do). */
export interface Platform {
  app: AppIdentity;
  appCodeDir: string;
  route: ForgeFetchRoute;
  /** Builds the app's egress-checked fetch around Node's own. */
  egress: (native: typeof fetch) => AppFetch;
  appLog: (line: string) => void;
}

/** What the platform knows about one running invocation. */
export interface Invocation {
  invocationId: string;
  functionKey: string;
  moduleType: string;
  moduleKey: string;
  accountId: string | undefined;
  /**
   * The invocation that started the chain this one belongs to: its own id, or for a consumer the chain of the
   * push that queued its event (Forge caps the pushes of one chain, see docs/forge-platform.md, "Async events").
   */
  chainId: string;
  deadline: number;
  /** Set once the time limit passed: Forge stops the function there, so its later platform calls are refused. */
  timedOut: boolean;
  counters: CostCounters;
  platform: Platform;
  fetch: AppFetch;
}

const invocations = new AsyncLocalStorage<Invocation>();
/** Node's own fetch and console, kept before the globals are replaced. */
const nativeFetch = globalThis.fetch;
const LOG_LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const nativeConsole = Object.fromEntries(LOG_LEVELS.map((level) => [level, console[level].bind(console)])) as Record<
  (typeof LOG_LEVELS)[number],
  (...args: unknown[]) => void
>;

export function currentInvocation(): Invocation | undefined {
  return invocations.getStore();
}

export function newInvocation(
  platform: Platform,
  fields: Omit<Invocation, 'invocationId' | 'chainId' | 'counters' | 'deadline' | 'timedOut' | 'platform' | 'fetch'> & {
    timeoutSeconds: number;
    chainId?: string | undefined;
  },
): Invocation {
  const { timeoutSeconds, chainId, ...rest } = fields;
  const invocationId = randomUUID();
  return {
    ...rest,
    platform,
    fetch: platform.egress(nativeFetch),
    invocationId,
    chainId: chainId ?? invocationId,
    deadline: Date.now() + timeoutSeconds * 1000,
    timedOut: false,
    counters: emptyCounters(),
  };
}

const stoppedError = (invocation: Invocation, what: string) =>
  new Error(`${what} after function '${invocation.functionKey}' timed out: Forge stopped this invocation`);

export function runInInvocation<T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> {
  installGlobals();
  return invocations.run(invocation, fn);
}

const noopMetric = { incr: () => undefined, decr: () => undefined, set: () => undefined, measure: () => ({ stop: () => undefined }) };

function runtimeFor(invocation: Invocation): Record<string, unknown> {
  const { app, appCodeDir } = invocation.platform;
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

let installed = false;

/**
 * Installs, once per process, the globals the Forge SDKs talk to the platform through (see docs/forge-platform.md,
 * "How the real SDKs reach the platform"): each call is answered by the platform of the invocation it runs in.
 * `fetch` and `console` are replaced too: inside an invocation, fetch goes through the egress rules and logs go
 * to the host's app log; outside one (the host's and the tests' own code) both behave as Node's.
 * Must run before an app's bundle loads: @forge/api captures `fetch` at load time.
 */
export function installGlobals(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__forge_runtime__', {
    configurable: true,
    get: () => {
      const invocation = invocations.getStore();
      return invocation ? runtimeFor(invocation) : undefined;
    },
  });
  g.__forge_fetch__ = (typeInfo: Record<string, unknown>, path: string, init: RequestInit | undefined) => {
    const invocation = invocations.getStore();
    if (!invocation) return Promise.reject(new Error(`Forge platform call outside an invocation: ${path}`));
    if (invocation.timedOut) return Promise.reject(stoppedError(invocation, `platform call ${path}`));
    return invocation.platform.route(typeInfo, path, init);
  };
  g.fetch = (input: string | URL | Request, init?: RequestInit) => {
    const invocation = invocations.getStore();
    if (invocation?.timedOut) return Promise.reject(stoppedError(invocation, 'fetch'));
    return invocation ? invocation.fetch(input, init) : nativeFetch(input, init);
  };
  for (const level of LOG_LEVELS) {
    console[level] = (...args: unknown[]) => {
      const invocation = invocations.getStore();
      if (!invocation) return nativeConsole[level](...args);
      invocation.platform.appLog(`[${invocation.functionKey}] ${level.toUpperCase()} ${format(...args)}`);
    };
  }
}
