/**
 * A lock between processes, as a directory: creating a directory is atomic.
 * It records the holder's process id so that a lock left by a process that
 * died is taken over rather than waited on forever.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `task` holding the lock at `dir`; `onWait` is called once if another process holds it. */
export async function withLock<T>(dir: string, task: () => Promise<T>, onWait?: () => void): Promise<T> {
  let waited = false;
  for (;;) {
    try {
      mkdirSync(dir, { recursive: false });
      writeFileSync(join(dir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(join(dir, '..'), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: number;
      try {
        holder = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      } catch {
        holder = 0;
      }
      if (holder > 0 && !alive(holder)) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      if (!waited) onWait?.();
      waited = true;
      await sleep(200);
    }
  }
  try {
    return await task();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
