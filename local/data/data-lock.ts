import fs from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'host.lock';

interface ProcessState {
  /** One letter from /proc/<pid>/stat: R, S, D, T… Z is a zombie (dead, not yet reaped), X is dead. */
  state: string;
  /** Clock ticks after boot when the process started: tells a reused pid from the original owner. */
  startTime: string;
}

/** Linux's view of a process, or undefined where /proc is not there (macOS) or the pid is gone. */
function processState(pid: number): ProcessState | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces or ')': the fields after it start at the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', startTime: fields[19] ?? '' };
}

const procAvailable = (): boolean => fs.existsSync('/proc/self/stat');

function signalReaches(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the lock's owner still runs. `kill(pid, 0)` alone also succeeds for a zombie — a host killed with
 * SIGKILL whose parent has not reaped it yet — and for an unrelated process that got the same pid later; on
 * Linux, /proc tells both apart (state Z or X; another start time).
 */
function ownerRuns(pid: number, startTime: string | undefined): boolean {
  if (!procAvailable()) return signalReaches(pid);
  const current = processState(pid);
  if (!current || current.state === 'Z' || current.state === 'X') return false;
  return startTime === undefined || startTime === '' || current.startTime === startTime;
}

/** The lock file's text: `<pid>:<start time>:<random>`, so only the host that wrote it removes it. */
function ownToken(): string {
  const startTime = procAvailable() ? (processState(process.pid)?.startTime ?? '') : '';
  return `${process.pid}:${startTime}:${Math.random().toString(36).slice(2)}`;
}

/**
 * One host per data folder: a second one would run the same queued events twice. The lock names the owner's
 * pid; a lock left by a killed host (its pid gone, a zombie, or reused by another process) is taken over.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const token = ownToken();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, token, { flag: 'wx' });
      return () => {
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === token) fs.rmSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, startTime] = fs.readFileSync(file, 'utf8').split(':');
      const owner = Number(pid);
      // Locks written before the start time was recorded hold `<pid>:<random>`: the second part is then no start time.
      const recordedStart = startTime !== undefined && /^\d+$/.test(startTime) ? startTime : undefined;
      if (Number.isInteger(owner) && owner > 0 && ownerRuns(owner, recordedStart)) {
        throw new Error(`Another sandbox host (pid ${owner}) is using ${dataDir}: stop it, or give this one another folder with --data`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** `--reset`: empties the data folder, keeping the lock just taken. */
export function emptyDataDir(dataDir: string): void {
  for (const entry of fs.readdirSync(dataDir)) {
    if (entry !== LOCK_FILE) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
