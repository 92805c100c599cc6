import type { Handler } from './bundle';
import type { LoadedManifest } from './manifest';
import type { Meter } from './meter';
import { newInvocation, runInInvocation } from './runtime';
import type { Platform } from './runtime';

// Forge's default function time limits (docs/forge-platform.md, "Function time and size").
const DEFAULT_TIMEOUT_S: Record<string, number> = { webtrigger: 55 };
const FALLBACK_TIMEOUT_S = 25;

export interface InvokeRequest {
  functionKey: string;
  moduleType: string;
  moduleKey: string;
  accountId: string | undefined;
  args: unknown[];
}

export class FunctionTimeoutError extends Error {
  constructor(functionKey: string, seconds: number) {
    super(`function '${functionKey}' timed out after ${seconds} s`);
    this.name = 'FunctionTimeoutError';
  }
}

/** Calls one handler as Forge would: in its own invocation context, with a time limit, metered. */
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
    const declared = this.loaded.manifest.modules.function.find((f) => f.key === request.functionKey)?.timeoutSeconds;
    const timeoutSeconds = declared ?? DEFAULT_TIMEOUT_S[request.moduleType] ?? FALLBACK_TIMEOUT_S;
    const { args: _args, ...fields } = request;
    const invocation = newInvocation(this.platform, { ...fields, timeoutSeconds });
    const startedAt = Date.now();
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const result = await runInInvocation(invocation, () =>
        withTimeout(Promise.resolve(handler(...request.args)), timeoutSeconds, request.functionKey),
      );
      outcome = 'ok';
      return result;
    } finally {
      this.meter.record({
        invocationId: invocation.invocationId,
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

function withTimeout<T>(work: Promise<T>, seconds: number, functionKey: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(functionKey, seconds)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
