import zlib from 'node:zlib';

/** What a page build produced, as Vite's (Rolldown's) output lists it; only what the weight needs. */
export type BuiltFile =
  | { type: 'chunk'; fileName: string; code: string; isEntry: boolean; imports: readonly string[]; dynamicImports: readonly string[] }
  | { type: 'asset'; fileName: string };

export interface PageWeight {
  /** The JavaScript a first load fetches: the entry and everything it imports statically, gzipped. */
  initialGzipBytes: number;
  initialFiles: string[];
  /** The rest: chunks fetched only when code asks for them (`import()`), such as dialogs. */
  lazyGzipBytes: number;
  lazyFiles: string[];
}

/** Each page's first load stays at or under this much gzipped JavaScript (kB of 1,000 bytes, as Vite counts). */
export const INITIAL_JS_BUDGET_BYTES = 400_000;

const gzipSize = (code: string): number => zlib.gzipSync(code).length;

/**
 * Splits a page's chunks into what its first load fetches and what it fetches on demand. The entry's static imports
 * are loaded before it runs (Vite also preloads them); a chunk reached only through `import()` waits until asked.
 * Gzip at zlib's default level, as a server compressing on the fly would.
 */
export function pageWeight(output: readonly BuiltFile[]): PageWeight {
  const chunks = new Map(output.flatMap((file) => (file.type === 'chunk' ? [[file.fileName, file] as const] : [])));
  const initial = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = chunks.get(fileName);
    if (!chunk || initial.has(fileName)) return;
    initial.add(fileName);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const lazy = [...chunks.keys()].filter((fileName) => !initial.has(fileName));
  const sum = (names: readonly string[]) => names.reduce((total, name) => total + gzipSize(chunks.get(name)?.code ?? ''), 0);
  return { initialGzipBytes: sum([...initial]), initialFiles: [...initial], lazyGzipBytes: sum(lazy), lazyFiles: lazy };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
const files = (names: readonly string[]): string => `${names.length} file${names.length === 1 ? '' : 's'}`;

/** One line of the build's report: "project page: initial JS 290.7 kB gzipped (3 files, budget 400 kB); 39.1 kB more on demand (6 files)". */
export function describeWeight(page: string, weight: PageWeight): string {
  const over = weight.initialGzipBytes > INITIAL_JS_BUDGET_BYTES ? ' — OVER BUDGET' : '';
  return (
    `${page} page: initial JS ${kB(weight.initialGzipBytes)} gzipped (${files(weight.initialFiles)}, budget ${kB(INITIAL_JS_BUDGET_BYTES)})${over}; ` +
    `${kB(weight.lazyGzipBytes)} more on demand (${files(weight.lazyFiles)})`
  );
}
