import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import type { LoadedManifest } from './manifest';

export type Handler = (...args: unknown[]) => unknown;

/**
 * Bundles every handler file named in the manifest into one CommonJS file each, with its
 * dependencies (the real @forge/* packages included), the way `forge deploy` packages the app.
 * The bundles must be loaded only after the runtime globals are installed: the SDKs capture
 * `fetch` and their KVS client when they load.
 */
export async function bundleHandlers(loaded: LoadedManifest, outDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const fn of loaded.manifest.modules.function) files.set(fn.key, loaded.handlerOf(fn.key).file);
  const entryPoints = [...new Set(files.values())];
  const relative = (file: string) => path.relative(path.join(loaded.appDir, 'src'), file).replace(/\.[jt]sx?$/, '');
  await build({
    entryPoints: Object.fromEntries(entryPoints.map((file) => [relative(file), file])),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  const outputs = new Map<string, string>();
  for (const [key, file] of files) outputs.set(key, path.join(outDir, `${relative(file)}.cjs`));
  return outputs;
}

/** Loads the bundles and returns each manifest function's handler. */
export function loadHandlers(loaded: LoadedManifest, outputs: Map<string, string>): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  for (const [key, bundle] of outputs) {
    const require = createRequire(bundle);
    // A host restarted in the same process must load the new build, not the cached one.
    delete require.cache[bundle];
    const exported: unknown = (require(bundle) as Record<string, unknown>)[loaded.handlerOf(key).exportName];
    if (typeof exported !== 'function') throw new Error(`function '${key}': the bundle exports no function '${loaded.handlerOf(key).exportName}'`);
    handlers.set(key, exported as Handler);
  }
  return handlers;
}
