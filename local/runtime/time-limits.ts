import type { Manifest } from './manifest';

// Forge's function time limits (docs/forge-platform.md, "Function time and size"; /platform/forge/limits-invocation/).
export const INTERACTIVE_LIMIT_S = 25;
export const WEB_TRIGGER_LIMIT_S = 55;
export const ASYNC_DEFAULT_LIMIT_S = 55;
export const ASYNC_MAX_LIMIT_S = 900;

/** Module types that may run for up to 900 s when their function declares `timeoutSeconds`. */
const ASYNC_MODULES = new Set(['consumer', 'scheduledTrigger']);
/** "web-trigger, action and rovo:agentConnector modules": 55 s. */
const FIFTY_FIVE_SECOND_MODULES = new Set(['webtrigger', 'action', 'rovo:agentConnector']);

export class FunctionTimeoutError extends Error {
  constructor(functionKey: string, seconds: number) {
    super(`function '${functionKey}' timed out after ${seconds} s`);
    this.name = 'FunctionTimeoutError';
  }
}

/** The module types whose entries name the function, directly (`function:`) or as their resolver. */
export function moduleTypesUsing(modules: Manifest['modules'], functionKey: string): string[] {
  const types = new Set<string>();
  for (const [type, entries] of Object.entries(modules)) {
    if (type === 'function' || !Array.isArray(entries)) continue;
    for (const entry of entries as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const named = entry as { function?: unknown; resolver?: { function?: unknown } };
      if (named.function === functionKey || named.resolver?.function === functionKey) types.add(type);
    }
  }
  return [...types];
}

/**
 * How long one invocation of `functionKey` by a module of `moduleType` may run. `timeoutSeconds` applies only to
 * a function that consumers or scheduled triggers alone use; a function shared with a resolver, a product trigger
 * or a web trigger keeps the limit of the module invoking it (for its async uses: the 55 s default — Forge does
 * not say more about shared functions).
 */
export function timeLimitSeconds(modules: Manifest['modules'], functionKey: string, moduleType: string): number {
  if (ASYNC_MODULES.has(moduleType)) {
    const declared = modules.function.find((f) => f.key === functionKey)?.timeoutSeconds;
    const solelyAsync = moduleTypesUsing(modules, functionKey).every((type) => ASYNC_MODULES.has(type));
    return declared !== undefined && solelyAsync ? Math.min(ASYNC_MAX_LIMIT_S, declared) : ASYNC_DEFAULT_LIMIT_S;
  }
  return FIFTY_FIVE_SECOND_MODULES.has(moduleType) ? WEB_TRIGGER_LIMIT_S : INTERACTIVE_LIMIT_S;
}

/** The 100 KB per-event limit applies to "functions specifying a timeout greater than 55 seconds" (Async events limits). */
export function declaresLongTimeout(modules: Manifest['modules'], functionKey: string): boolean {
  return (modules.function.find((f) => f.key === functionKey)?.timeoutSeconds ?? 0) > ASYNC_DEFAULT_LIMIT_S;
}
