import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../local/data/data-lock';
import { PROJECT_ROOT, tempDir } from './support/fixture-host';

const LOCK_MODULE = path.join(PROJECT_ROOT, 'local/data/data-lock.ts');
let parent: ChildProcess | undefined;
afterEach(() => {
  parent?.kill('SIGKILL');
});

/**
 * A process that takes the lock, started under a parent that never reaps its children (`sh` replaced by
 * `sleep`): once killed with SIGKILL it stays a zombie, as a host does while `npm`, a shell or a test
 * runner has not collected it yet.
 */
function lockUnderUnreapingParent(dataDir: string): Promise<number> {
  const script = `import(${JSON.stringify(LOCK_MODULE)}).then((m) => { (m.lockDataDir ?? m.default.lockDataDir)(${JSON.stringify(dataDir)}); console.log('locked ' + process.pid); setInterval(() => {}, 1000); })`;
  parent = spawn('sh', ['-c', '"$NODE" --import tsx -e "$LOCK_SCRIPT" & exec sleep 120'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE: process.execPath, LOCK_SCRIPT: script },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the locking process did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /locked (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    parent!.stdout!.on('data', onData);
    parent!.stderr!.on('data', onData);
  });
}

const stateOf = (pid: number): string | undefined => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
};

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the data folder lock', () => {
  it.runIf(fs.existsSync('/proc/self/stat'))('is refused while its owner runs, and taken over once the owner is a SIGKILLed zombie', async () => {
    const dataDir = tempDir();
    const owner = await lockUnderUnreapingParent(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(`Another sandbox host (pid ${owner}) is using ${dataDir}`);

    process.kill(owner, 'SIGKILL');
    await until(() => stateOf(owner) === 'Z', `pid ${owner} to become a zombie`);
    // kill(pid, 0) still succeeds on a zombie: that alone kept the lock refused.
    expect(() => process.kill(owner, 0)).not.toThrow();
    const release = lockDataDir(dataDir);
    expect(fs.readFileSync(path.join(dataDir, 'host.lock'), 'utf8').split(':')[0]).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dataDir, 'host.lock'))).toBe(false);
  });

  it.runIf(fs.existsSync('/proc/self/stat'))('takes over a lock whose pid now belongs to a process started after the lock was written', () => {
    const dataDir = tempDir();
    // Our own pid, with a start time it never had: the pid was reused since the lock's owner died.
    fs.writeFileSync(path.join(dataDir, 'host.lock'), `${process.pid}:1:stale`);
    const release = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(`Another sandbox host (pid ${process.pid})`);
    release();
  });
});
