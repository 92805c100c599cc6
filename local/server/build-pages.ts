import fs from 'node:fs';
import path from 'node:path';
import type { LoadedManifest } from '../runtime/manifest';
import { describeWeight, pageWeight, type PageWeight } from './page-weight';

export interface BuiltPage {
  resource: string;
  outDir: string;
  weight: PageWeight;
}

export interface BuildPagesOptions {
  onlyIfMissing?: boolean;
  log?: (line: string) => void;
  /** Where each resource's build goes; its manifest path (static/<name>/build) when absent. */
  outDir?: (resource: string, defaultDir: string) => string;
}

/**
 * Runs a build with NODE_ENV=production whatever the caller runs with: vitest sets "test", with which Vite and the
 * React plugin bundle React's development build. The sandbox and the tests serve what `forge deploy` ships.
 */
async function asProduction<T>(run: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

/**
 * Builds each Custom UI resource whose folder has a Vite config (static/<name>/vite.config.mts →
 * static/<name>/build), as `npm run build:pages` does before `forge deploy`, and reports each page's weight.
 */
export async function buildPages(loaded: LoadedManifest, options: BuildPagesOptions = {}): Promise<BuiltPage[]> {
  const { build } = await import('vite');
  const built: BuiltPage[] = [];
  for (const resource of loaded.manifest.resources) {
    const defaultDir = loaded.resourceDir(resource.key);
    const config = path.join(path.dirname(defaultDir), 'vite.config.mts');
    if (!fs.existsSync(config)) continue;
    const outDir = options.outDir?.(resource.key, defaultDir) ?? defaultDir;
    if (options.onlyIfMissing && fs.existsSync(path.join(outDir, 'index.html'))) continue;
    const started = Date.now();
    const result = await asProduction(() => build({ configFile: config, logLevel: 'warn', build: { outDir, emptyOutDir: true } }));
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((one) => ('output' in one ? one.output : []));
    const weight = pageWeight(outputs);
    options.log?.(`built ${resource.key} page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    options.log?.(describeWeight(resource.key, weight));
    built.push({ resource: resource.key, outDir, weight });
  }
  return built;
}
