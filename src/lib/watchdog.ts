/**
 * A limit on silence rather than on time: a long task (exporting hundreds of
 * posters through Chromium) fails only once it has gone `quietMs` without a
 * sign of progress. A slow or busy machine makes every step slower but keeps
 * making steps, so it never reaches the limit however long the whole task
 * takes; a hung browser makes none, and is stopped instead of waiting forever.
 */
export interface Watchdog {
  /** A sign of progress: the quiet period starts again. */
  alive(): void;
  /** Rejects with the error from `stalled` once `quietMs` have passed without alive(); otherwise never settles. */
  readonly stalled: Promise<never>;
  /** Stops watching, for good, once the task has ended either way. */
  stop(): void;
}

export function watchdog(quietMs: number, stalled: () => Error): Watchdog {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<never>((_, reject) => (fail = reject));
  // Nobody may be waiting on it when it fires (the task may be between awaits): that is not an unhandled rejection.
  promise.catch(() => {});
  const arm = () => {
    timer = setTimeout(() => {
      stopped = true;
      fail(stalled());
    }, quietMs);
  };
  arm();
  return {
    alive() {
      if (stopped) return;
      clearTimeout(timer);
      arm();
    },
    stalled: promise,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
