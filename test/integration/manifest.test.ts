import path from 'node:path';
import { FullValidationProcessor } from '@forge/manifest';
import { describe, expect, it } from 'vitest';
import { FIXTURE_APP, PROJECT_ROOT } from './support/fixture-host';

/**
 * @forge/manifest's FULL validation (schema, handler files, resources). Its `success` is false even with
 * warnings only, so the gate is on entries of level error (docs/forge-platform.md).
 * It resolves handler and resource paths against the working directory, hence the chdir.
 */
async function errorsOf(appDir: string) {
  const cwd = process.cwd();
  process.chdir(appDir);
  try {
    const result = await new FullValidationProcessor({}).process(path.join(appDir, 'manifest.yml'));
    return (result.errors ?? []).filter((e) => e.level === 'error').map((e) => `${e.message} (line ${String(e.line)})`);
  } finally {
    process.chdir(cwd);
  }
}

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation with no errors', async () => {
    expect(await errorsOf(PROJECT_ROOT)).toEqual([]);
  });

  it('declares the nodejs22.x runtime', async () => {
    const { loadManifest } = await import('../../local/runtime/manifest');
    expect(loadManifest(PROJECT_ROOT).manifest.app.runtime?.name).toBe('nodejs22.x');
  });

  it('is a real check: a manifest pointing at a missing handler is refused', async () => {
    expect((await errorsOf(FIXTURE_APP)).length).toBe(0);
    const fs = await import('node:fs');
    const os = await import('node:os');
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    fs.writeFileSync(path.join(broken, 'manifest.yml'), fs.readFileSync(path.join(FIXTURE_APP, 'manifest.yml'), 'utf8'));
    expect((await errorsOf(broken)).join('\n')).toMatch(/index/);
  });
});
