import { Session } from 'node:inspector/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotFunction {
  name: string;
  file: string;
  selfMs: number;
  share: number;
}

/** Where a path lives, shortly: inside the repository relative to it, a package by its name, Node's own as is. */
export function shortFile(url: string, root = process.cwd()): string {
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) return file.slice(modules + '/node_modules/'.length);
  return file.startsWith(root) ? path.relative(root, file) : file || '(native)';
}

/** Self time per function (name and file), from a V8 CPU profile's samples and their time deltas, most first. */
export function hotFunctions(profile: Profile): HotFunction[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; file: string; micros: number }>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = nodes.get(samples[i] ?? -1)?.callFrame;
    // A sample's delta is the time since the previous one: it belongs to the next sample's frame.
    const micros = deltas[i + 1] ?? 0;
    total += micros;
    if (!frame) continue;
    const name = frame.functionName || '(anonymous)';
    const file = shortFile(frame.url);
    const key = `${name}\u0000${file}`;
    const entry = self.get(key) ?? { name, file, micros: 0 };
    entry.micros += micros;
    self.set(key, entry);
  }
  return [...self.values()]
    .sort((a, b) => b.micros - a.micros)
    .map((e) => ({ name: e.name, file: e.file, selfMs: e.micros / 1000, share: total > 0 ? e.micros / total : 0 }));
}

const SQLITE_NATIVE = new Set(['run', 'get', 'all', 'iterate', 'Statement', 'prepare', 'exec', 'transaction']);

/**
 * Which layer a function belongs to: the app's bundle (with the Forge SDKs and zod it bundles), the local host's
 * emulation of Forge, SQLite under it, or Node itself (HTTP, fetch, streams, garbage collection…).
 */
export function layerOf(fn: Pick<HotFunction, 'name' | 'file'>): 'app' | 'host' | 'sqlite' | 'node' | 'bench' | 'idle' {
  if (fn.name === '(idle)') return 'idle';
  if (fn.file.includes('/build/index.cjs')) return 'app';
  if (fn.file.startsWith('local/bench/') || fn.file.startsWith('local/cli/')) return 'bench';
  if (fn.file.startsWith('local/')) return 'host';
  if (fn.file.startsWith('better-sqlite3') || (fn.file === '(native)' && SQLITE_NATIVE.has(fn.name))) return 'sqlite';
  return 'node';
}

/** The share of self time in each layer. */
export function layerShares(hot: readonly HotFunction[]): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const fn of hot) shares[layerOf(fn)] = (shares[layerOf(fn)] ?? 0) + fn.share;
  return shares;
}

/** Starts this process's CPU profiler (sampling every ms); `stop` answers every function's self time since. */
export async function startProfile(): Promise<{ stop(): Promise<HotFunction[]> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return {
    async stop() {
      try {
        const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
        return hotFunctions(profile);
      } finally {
        session.disconnect();
      }
    },
  };
}
