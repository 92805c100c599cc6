import util from 'node:util';
import { expect, vi } from 'vitest';

/** One `it` of a jest file, with the beforeEach hooks of its describe blocks. */
export interface SdkCase {
  name: string;
  run(): Promise<void>;
}

export interface ShimHooks {
  /** What a mock told to resolve with a canned platform Response does instead: it asks the host. */
  answer(path: string, init: { body: string }): Promise<Response>;
  /** jest.mock(spec) of the file being loaded. */
  automock(spec: string): void;
}

type Hook = () => unknown;
interface Scope {
  name: string;
  beforeEach: Hook[];
}

/**
 * The part of jest the SDK's test files use (describe, it, it.each, beforeEach, jest.fn/spyOn/mock/clearAllMocks,
 * expect), on top of vitest: loading a file collects its cases instead of running them. The one substitution is in
 * jest.fn's mockResolvedValueOnce: a mock told to resolve with a Response (a canned answer of the platform)
 * forwards the call to the host instead, so the SDK parses what the host answers.
 */
export function jestShim(hooks: ShimHooks): { globals: Record<string, unknown>; cases: SdkCase[] } {
  const cases: SdkCase[] = [];
  const scopes: Scope[] = [];
  const describe = (name: string, body: () => void) => {
    scopes.push({ name, beforeEach: [] });
    body();
    scopes.pop();
  };
  const beforeEach = (hook: Hook) => scopes.at(-1)?.beforeEach.push(hook);
  const it = (name: string, body: () => unknown) => {
    const chain = [...scopes];
    cases.push({
      name: [...chain.map((scope) => scope.name), name].join(' › '),
      async run() {
        for (const hook of chain.flatMap((scope) => scope.beforeEach)) await hook();
        await body();
      },
    });
  };
  it.each = (table: unknown[]) => (name: string, body: (...args: unknown[]) => unknown) => {
    const rows = table.every(Array.isArray) ? (table as unknown[][]) : table.map((row) => [row]);
    for (const row of rows) it(title(name, row), () => body(...row));
  };
  const jest = {
    fn: (implementation?: (...args: unknown[]) => unknown) => platformMock(hooks, implementation),
    spyOn: (target: Record<string, (...args: unknown[]) => unknown>, method: string) => vi.spyOn(target, method),
    mock: (spec: string) => hooks.automock(spec),
    clearAllMocks: () => vi.clearAllMocks(),
  };
  return { globals: { describe, it, beforeEach, jest, expect }, cases };
}

function platformMock(hooks: ShimHooks, implementation?: (...args: unknown[]) => unknown) {
  const mock = vi.fn(implementation);
  const resolveOnce = mock.mockResolvedValueOnce.bind(mock) as (value: unknown) => unknown;
  (mock as unknown as { mockResolvedValueOnce: (value: unknown) => unknown }).mockResolvedValueOnce = (value) =>
    value instanceof Response
      ? mock.mockImplementationOnce((path, init) => hooks.answer(path as string, init as { body: string }))
      : resolveOnce(value);
  return mock;
}

/** jest's test titles: `$key` from an object row, printf placeholders from the row's values. */
function title(name: string, row: unknown[]): string {
  const [first] = row;
  const named =
    row.length === 1 && typeof first === 'object' && first !== null && !Array.isArray(first)
      ? name.replace(/\$(\w+)/g, (_, key: string) => String((first as Record<string, unknown>)[key]))
      : name;
  return /%[sdifjop]/.test(named) ? util.format(named, ...row) : named;
}

/** The SDK's tests compare errors with toMatchError; here: the same class, code, status and request. */
function shapeOf(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code, responseDetails } = error as { code?: unknown; responseDetails?: { status?: unknown; httpMethod?: unknown; httpPath?: unknown } };
  return {
    class: error.constructor.name,
    code,
    status: responseDetails?.status,
    httpMethod: responseDetails?.httpMethod,
    httpPath: responseDetails?.httpPath,
  };
}

expect.extend({
  toMatchError(received: unknown, expected: unknown) {
    const pass = this.equals(shapeOf(received), shapeOf(expected)) && (received as object | null)?.constructor === (expected as object).constructor;
    return {
      pass,
      message: () => `expected ${this.utils.printReceived(shapeOf(received))} to match the error ${this.utils.printExpected(shapeOf(expected))}`,
    };
  },
});
