import fs from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'host.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One host per data folder: a second one would run the same queued events twice. The lock names the owner's
 * pid; a lock left by a killed host (its pid gone) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const token = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, token, { flag: 'wx' });
      return () => {
        if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === token) fs.rmSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').split(':')[0]);
      if (Number.isInteger(owner) && isAlive(owner)) {
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
