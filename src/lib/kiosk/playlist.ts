/**
 * What a hall screen shows next, decided from the slides' schedules and the
 * organisation's clock. Pure, so the rules are unit-tested without a
 * browser; the player (src/scripts/kiosk.ts) calls these with its slides,
 * which carry their elements, and compares slides by identity.
 */
import { activeSlides, activeTakeovers, type LocalTime, type Scheduled, type ScreenCalendar, type WhenRule } from './schedule.ts';

export interface PlaylistSlide extends Scheduled {
  /** For an urgent notice: its first and last day on screen. */
  from?: string | undefined;
  until?: string | undefined;
  /** The slide for outside the playlist's hours. */
  rest: boolean;
}

/**
 * What may play at `t`: the urgent notices of the day if any, else the
 * playlist's slides scheduled now (none when the screen's own schedule
 * `screen` is off), else the resting slide. Days written 工作日 or 节假日
 * are read from `calendar`. Returns the objects passed in, never copies.
 */
export function playable<S extends PlaylistSlide>(slides: readonly S[], screen: WhenRule | undefined, t: LocalTime, calendar?: ScreenCalendar): S[] {
  const urgent = activeTakeovers(
    slides.filter((s): s is S & { from: string; until: string } => s.from !== undefined && s.until !== undefined),
    t,
  );
  if (urgent.length > 0) return urgent;
  const scheduled = activeSlides(
    slides.filter((s) => s.from === undefined && !s.rest),
    screen,
    t,
    calendar,
  );
  return scheduled.length > 0 ? scheduled : slides.filter((s) => s.rest);
}

/**
 * The place in `list` (what may play now) of the slide to show after
 * `current`: the next one, or with `step` -1 the one before. When `current`
 * is no longer in the list (its hour is over, or a new build came), forward
 * goes on from `order`, the place `current` had when it was chosen, and back
 * goes to the last slide. When nothing may play, a place that holds no slide.
 */
export function nextPlace<S>(list: readonly S[], current: S | undefined, order: number, step = 1): number {
  const at = current === undefined ? -1 : list.indexOf(current);
  return at >= 0 ? (at + step + list.length) % list.length : step > 0 ? (order + 1) % list.length : list.length - 1;
}

/**
 * Whether the screen must change at once rather than at the end of the slide
 * showing: an urgent notice has begun (the first slide that may play is one),
 * or the urgent notice showing has ended.
 */
export function takeoverChanged<S extends PlaylistSlide>(list: readonly S[], current: S): boolean {
  return !list.includes(current) && (current.from !== undefined || list[0]?.from !== undefined);
}

/**
 * A visitor's pause ends by itself after this many minutes: the screen is
 * unattended, and nobody may come back to resume it. The paused note says so.
 */
export const PAUSE_MINUTES = 3;

/**
 * Whether it is time for the screen's nightly fresh start: between 03:00 and
 * 03:10 local time, when nobody is looking; not yet on this date
 * (`lastDay`); and not on a page that has only just loaded (one transition:
 * its first slide), which may be this very reload.
 */
export function nightlyReloadDue(t: LocalTime, lastDay: string, transitions: number): boolean {
  return t.minutes >= 180 && t.minutes < 190 && lastDay !== t.date && transitions > 1;
}
