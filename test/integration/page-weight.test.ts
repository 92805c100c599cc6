import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../local/runtime/manifest';
import { buildPages, type BuiltPage } from '../../local/server/build-pages';
import { INITIAL_JS_BUDGET_BYTES } from '../../local/server/page-weight';
import { PROJECT_ROOT, tempDir } from './support/fixture-host';

let pages: BuiltPage[];

// The real pages, built as `npm run build` builds them, into folders of this test's own (the sandbox's builds are in use by the browser tests).
beforeAll(async () => {
  const root = tempDir('page-weight-');
  pages = await buildPages(loadManifest(PROJECT_ROOT), { outDir: (resource) => path.join(root, resource) });
}, 180_000);

/** The scripts a browser fetches before the page runs: its module entry and the modules Vite preloads with it. */
function scriptsOfIndex(outDir: string): string[] {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const found = [...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"|<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)];
  return found.map((match) => match[1] ?? match[2] ?? '').sort();
}

describe('page weight', () => {
  it('builds both pages and counts as initial exactly the scripts their index.html loads first', () => {
    expect(pages.map((page) => page.resource)).toEqual(['admin', 'project']);
    for (const page of pages) expect([...page.weight.initialFiles].sort()).toEqual(scriptsOfIndex(page.outDir));
  });

  it(`keeps each page's initial JavaScript at or under ${INITIAL_JS_BUDGET_BYTES / 1000} kB gzipped`, () => {
    const over = pages
      .filter((page) => page.weight.initialGzipBytes > INITIAL_JS_BUDGET_BYTES)
      .map((page) => [page.resource, page.weight.initialGzipBytes]);
    expect(over).toEqual([]);
  });

  it('leaves the project page’s dialogs and flags out of its first load', () => {
    const project = pages.find((page) => page.resource === 'project')!;
    const lazy = project.weight.lazyFiles.map((file) => path.basename(file).replace(/-[\w-]{8}\.js$/, ''));
    expect(lazy).toEqual(expect.arrayContaining(['discard-dialog', 'saved-flag']));
    expect(project.weight.initialFiles.some((file) => /discard-dialog|saved-flag/.test(file))).toBe(false);
  });
});
