import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { withLock } from '#node/lock.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-lock-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('withLock', () => {
  it('runs tasks holding the same lock one after the other', async () => {
    const lock = join(temp, 'a.lock');
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`${name} start`);
      await sleep(250);
      events.push(`${name} end`);
    };
    await Promise.all([withLock(lock, task('one')), withLock(lock, task('two'))]);
    expect(events).toEqual(['one start', 'one end', 'two start', 'two end']);
    expect(existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lock = join(temp, 'b.lock');
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), '2147483646');
    let waited = false;
    expect(
      await withLock(
        lock,
        async () => 'ran',
        () => (waited = true),
      ),
    ).toBe('ran');
    expect(waited).toBe(false);
  });

  it('releases the lock when the task fails', async () => {
    const lock = join(temp, 'c.lock');
    await expect(withLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(existsSync(lock)).toBe(false);
  });
});
