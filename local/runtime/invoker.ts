import type { Handler } from './bundle';
import type { LoadedManifest } from './manifest';
import type { Meter } from './meter';
import { newInvocation, runInInvocation } from './runtime';
import type { Invocation, Platform } from './runtime';
import { FunctionTimeoutError, timeLimitSeconds } from './time-limits';

export interface InvokeRequest {
  functionKey: string;
  moduleType: string;
  moduleKey: string;
  accountId: string | undefined;
  args: unknown[];
  /** The chain a consumer's event was pushed in; other invocations start a chain of their own. */
  chainId?: string | undefined;
}

/**
 * Calls one handler as Forge would: in its own invocation context, with its time limit, metered. Invocations
 * run concurrently: nothing here waits for another one to end.
 */
export class Invoker {
  constructor(
    private readonly handlers: Map<string, Handler>,
    private readonly loaded: LoadedManifest,
    private readonly meter: Meter,
    private readonly platform: Platform,
  ) {}

  private readonly running = new Set<Promise<unknown>>();

  /** Resolves when no invocation is running (the host waits on it before stopping). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  invoke(request: InvokeRequest): Promise<unknown> {
    const run = this.run(request);
    const tracked = run.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    return run;
  }

  private async run(request: InvokeRequest): Promise<unknown> {
    const handler = this.handlers.get(request.functionKey);
    if (!handler) throw new Error(`manifest.yml has no function '${request.functionKey}'`);
    const timeoutSeconds = timeLimitSeconds(this.loaded.manifest.modules, request.functionKey, request.moduleType);
    const { args: _args, ...fields } = request;
    const invocation = newInvocation(this.platform, { ...fields, timeoutSeconds });
    const startedAt = Date.now();
    const started = performance.now();
    let outcome: 'ok' | 'error' | 'timeout' = 'error';
    try {
      const result = await runInInvocation(invocation, () => withTimeout(Promise.resolve(handler(...request.args)), invocation, timeoutSeconds));
      outcome = 'ok';
      return result;
    } catch (error) {
      if (error instanceof FunctionTimeoutError) outcome = 'timeout';
      throw error;
    } finally {
      this.meter.record({
        invocationId: invocation.invocationId,
        chainId: invocation.chainId,
        functionKey: request.functionKey,
        moduleType: request.moduleType,
        startedAt,
        durationMs: performance.now() - started,
        outcome,
        ...invocation.counters,
      });
    }
  }
}

/** Forge stops a function at its limit: from then on its platform calls are refused (see runtime.ts). */
function withTimeout<T>(work: Promise<T>, invocation: Invocation, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      invocation.timedOut = true;
      reject(new FunctionTimeoutError(invocation.functionKey, seconds));
    }, seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
