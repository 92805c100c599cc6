import fs from 'node:fs';
import path from 'node:path';
import type { LoadedManifest } from '../runtime/manifest';

/**
 * Builds each Custom UI resource whose folder has a Vite config (static/<name>/vite.config.mts →
 * static/<name>/build), as `npm run build:pages` does before `forge deploy`.
 */
export async function buildPages(loaded: LoadedManifest, options: { onlyIfMissing?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const { build } = await import('vite');
  for (const resource of loaded.manifest.resources) {
    const buildDir = loaded.resourceDir(resource.key);
    const config = path.join(path.dirname(buildDir), 'vite.config.mts');
    if (!fs.existsSync(config)) continue;
    if (options.onlyIfMissing && fs.existsSync(path.join(buildDir, 'index.html'))) continue;
    const started = Date.now();
    await build({ configFile: config, logLevel: 'warn' });
    options.log?.(`built ${resource.key} page in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
