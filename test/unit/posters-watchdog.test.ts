/**
 * The poster exporter's limit is on silence, not on time (src/lib/watchdog.ts):
 * a long export that keeps making progress never fails, however slowly it
 * goes; one that stops fails once it has been quiet for the limit. Vitest's
 * fake timers stand in for minutes, so these take no time at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { STALL_MS } from '#node/posters.ts';
import { watchdog } from '#lib/watchdog.ts';

const MINUTE = 60_000;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Whether the watchdog's promise has rejected yet, and with what. */
function outcome(dog: { stalled: Promise<never> }) {
  const seen: { error?: Error } = {};
  dog.stalled.catch((error: Error) => (seen.error = error));
  return seen;
}

describe('the watchdog of a long task', () => {
  it('never fires while signs of progress keep coming, however long the task takes in all', async () => {
    const dog = watchdog(10 * MINUTE, () => new Error('stalled'));
    const seen = outcome(dog);
    // Three hours of a very slow machine: a step every nine minutes.
    for (let step = 0; step < 20; step++) {
      await vi.advanceTimersByTimeAsync(9 * MINUTE);
      dog.alive();
    }
    expect(seen.error).toBeUndefined();
    dog.stop();
  });

  it('fires once the task has been quiet for the whole limit since its last sign of progress, not before', async () => {
    const dog = watchdog(10 * MINUTE, () => new Error('Chromium 已经 10 分钟没有任何进展'));
    const seen = outcome(dog);
    await vi.advanceTimersByTimeAsync(7 * MINUTE);
    dog.alive();
    await vi.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(seen.error).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.error?.message).toBe('Chromium 已经 10 分钟没有任何进展');
  });

  it('fires for a task that never shows a sign of progress at all', async () => {
    const dog = watchdog(10 * MINUTE, () => new Error('stalled'));
    const seen = outcome(dog);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(seen.error?.message).toBe('stalled');
  });

  it('stays quiet once stopped, and a late sign of progress does not restart it', async () => {
    const dog = watchdog(10 * MINUTE, () => new Error('stalled'));
    const seen = outcome(dog);
    dog.stop();
    dog.alive();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(seen.error).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('leaves no unhandled rejection when it fires with nobody waiting on it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      watchdog(MINUTE, () => new Error('stalled'));
      await vi.advanceTimersByTimeAsync(MINUTE);
      // Unhandled rejections are reported after the microtasks of the turn; give them a turn.
      vi.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('the poster exporter’s limit', () => {
  it('allows many times the longest silence of an export on a busy machine', () => {
    // Printing a batch of 53 print pages, the longest step, took 42 s on a 2-core machine under a load of 17.
    expect(STALL_MS).toBeGreaterThanOrEqual(20 * 42_000);
  });
});
