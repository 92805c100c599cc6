import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { vi } from 'vitest';
import { PROJECT_ROOT } from './fixture-host';

/** The compiled @forge/kvs in node_modules (out/), whose own tests ship in out/__test__/. */
export const KVS_OUT = path.dirname(createRequire(path.join(PROJECT_ROOT, 'package.json')).resolve('@forge/kvs'));

/**
 * A private copy of @forge/kvs: its out/*.js files evaluated as CommonJS into a registry of their own, so that
 * what its test files do to modules (jest.mock replaces a module's functions) stays inside, away from the SDK the
 * rest of the process uses. `stubs` answer a require by its exact specifier (for packages the SDK's tests need
 * but npm does not ship, such as @atlassian/xen-test-util); other packages are required normally.
 */
export class SdkSandbox {
  private readonly modules = new Map<string, { exports: Record<string, unknown> }>();
  private readonly originals = new Map<string, Record<string, unknown>>();

  constructor(private readonly stubs: Record<string, unknown> = {}) {}

  /** Evaluates a file (once) with `globals` as extra free variables, the way jest provides describe, it, expect. */
  load(file: string, globals: Record<string, unknown> = {}): Record<string, unknown> {
    const known = this.modules.get(file);
    if (known !== undefined) return known.exports;
    const module = { exports: {} as Record<string, unknown> };
    this.modules.set(file, module);
    const names = ['exports', 'require', 'module', '__filename', '__dirname', ...Object.keys(globals)];
    const run = vm.compileFunction(fs.readFileSync(file, 'utf8'), names, { filename: file }) as (...args: unknown[]) => void;
    run(module.exports, (spec: string) => this.require(file, spec), module, file, path.dirname(file), ...Object.values(globals));
    return module.exports;
  }

  /** An SDK module by its path under out/ ('storage-api'). */
  sdk(name: string): Record<string, unknown> {
    return this.load(path.join(KVS_OUT, `${name}.js`));
  }

  /** jest.mock(spec) without a factory: every function the module exports becomes a mock returning undefined. */
  automock(from: string, spec: string): void {
    const exports = this.require(from, spec) as Record<string, unknown>;
    this.originals.set(this.resolve(from, spec), { ...exports });
    for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') exports[name] = vi.fn();
  }

  /** Runs `fn` with every automocked module's own functions back in place, then puts the mocks back. */
  async withOriginals<T>(fn: () => Promise<T>): Promise<T> {
    const current = [...this.originals.keys()].map((file) => [file, { ...this.modules.get(file)?.exports }] as const);
    for (const [file, original] of this.originals) Object.assign(this.modules.get(file)?.exports ?? {}, original);
    try {
      return await fn();
    } finally {
      for (const [file, mocked] of current) Object.assign(this.modules.get(file)?.exports ?? {}, mocked);
    }
  }

  private require(from: string, spec: string): unknown {
    if (Object.hasOwn(this.stubs, spec)) return this.stubs[spec];
    if (spec.startsWith('.') && !spec.endsWith('.json')) return this.load(this.resolve(from, spec));
    return createRequire(from)(spec);
  }

  private resolve(from: string, spec: string): string {
    return `${path.resolve(path.dirname(from), spec)}.js`;
  }
}
