import { describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { describeWeight, pageWeight, type BuiltFile } from './page-weight';

const chunk = (fileName: string, code: string, links: { imports?: string[]; dynamicImports?: string[]; isEntry?: boolean } = {}): BuiltFile => ({
  type: 'chunk',
  fileName,
  code,
  isEntry: links.isEntry ?? false,
  imports: links.imports ?? [],
  dynamicImports: links.dynamicImports ?? [],
});
const gz = (code: string) => zlib.gzipSync(code).length;

describe('pageWeight', () => {
  it('counts the entry and its static imports, transitively, as initial; what only import() reaches as on demand', () => {
    const output: BuiltFile[] = [
      chunk('index.js', 'entry();'.repeat(50), { isEntry: true, imports: ['react.js'], dynamicImports: ['dialog.js'] }),
      chunk('react.js', 'react();'.repeat(80), { imports: ['shared.js'] }),
      chunk('shared.js', 'shared();'),
      chunk('dialog.js', 'dialog();'.repeat(30), { imports: ['shared.js', 'modal.js'] }),
      chunk('modal.js', 'modal();'),
      { type: 'asset', fileName: 'index.css' },
    ];
    expect(pageWeight(output)).toEqual({
      initialFiles: ['index.js', 'react.js', 'shared.js'],
      initialGzipBytes: gz('entry();'.repeat(50)) + gz('react();'.repeat(80)) + gz('shared();'),
      lazyFiles: ['dialog.js', 'modal.js'],
      lazyGzipBytes: gz('dialog();'.repeat(30)) + gz('modal();'),
    });
  });

  it('says when a page is over its budget', () => {
    const line = (bytes: number) => describeWeight('admin', { initialGzipBytes: bytes, initialFiles: ['a.js'], lazyGzipBytes: 0, lazyFiles: [] });
    expect(line(400_000)).toBe('admin page: initial JS 400.0 kB gzipped (1 file, budget 400.0 kB); 0.0 kB more on demand (0 files)');
    expect(line(400_001)).toContain('400.0 kB gzipped (1 file, budget 400.0 kB) — OVER BUDGET;');
  });
});
