import { format } from 'node:util';
import { currentInvocation } from './runtime';

export type AppLog = (line: string) => void;

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;
const native = Object.fromEntries(LEVELS.map((level) => [level, console[level].bind(console)])) as Record<
  (typeof LEVELS)[number],
  (...args: unknown[]) => void
>;
let sink: AppLog | undefined;

/**
 * What the app logs during an invocation goes where `forge logs` would show it: to the host's app log, tagged
 * with the function; the host's own output is untouched. Installed once; a later host replaces the sink.
 */
export function captureAppLogs(appLog: AppLog): void {
  sink = appLog;
  for (const level of LEVELS) {
    console[level] = (...args: unknown[]) => {
      const invocation = currentInvocation();
      if (!invocation || !sink) return native[level](...args);
      sink(`[${invocation.functionKey}] ${level.toUpperCase()} ${format(...args)}`);
    };
  }
}
