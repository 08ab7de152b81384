/**
 * The clock of the screen showing: how long it stays, drawn as a thin bar
 * that fills, and paused while a visitor reads.
 */

export interface SlideTimer {
  /** Calls `due` after `ms`, the bar filling meanwhile; replaces a timer running. */
  start(ms: number): void;
  /** Stops the timer and the bar, keeping the time left. */
  pause(): void;
  /** Runs the time left, and the bar with it. */
  resume(): void;
  /** Drops the timer, as a crashed loop would: for tests of the watchdog, and before a restart. */
  stop(): void;
  /** Whether the timer has not fired `grace` ms after it was due: the loop has stopped (an error, a stall). Meaningless while paused. */
  overdue(grace: number): boolean;
}

export function slideTimer(bar: HTMLElement, due: () => void): SlideTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let started = 0;
  let remaining = 0;
  let fill: Animation | undefined;
  return {
    start(ms) {
      clearTimeout(timer);
      started = Date.now();
      remaining = ms;
      timer = setTimeout(due, ms);
      fill?.cancel();
      fill = bar.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], { duration: ms, easing: 'linear', fill: 'forwards' });
    },
    pause() {
      clearTimeout(timer);
      remaining = Math.max(0, remaining - (Date.now() - started));
      fill?.pause();
    },
    resume() {
      started = Date.now();
      timer = setTimeout(due, remaining);
      fill?.play();
    },
    stop() {
      clearTimeout(timer);
    },
    overdue: (grace) => Date.now() - started > remaining + grace,
  };
}
