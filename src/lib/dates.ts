/**
 * Calendar dates as the boards use them. Dates are kept as `YYYY-MM-DD`
 * text, which compares and sorts correctly, and "today" is decided once per
 * build in the organisation's time zone, against a clock tests can fix.
 */

// Making a formatter costs about 50 µs, formatting with one 1 µs; a
// province's build dates 130,000 files by their modification time.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date in `timeZone`, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let format = formatters.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format.format(now);
}

/** True when `value` is a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface Clock {
  /** The build's "today" in the organisation's time zone, YYYY-MM-DD. */
  today: string;
  /** The moment the build stands at. */
  instant: Date;
}

/**
 * Reads a clock setting (SILIANG_NOW): a date, which is taken as that very
 * day wherever the organisation is, or a full ISO timestamp, whose day
 * depends on the time zone. No setting means now. `undefined` when the
 * setting cannot be read, including dates that do not exist.
 */
export function readClock(setting: string | undefined, timeZone: string, now: Date = new Date()): Clock | undefined {
  if (setting === undefined) return { today: todayIn(timeZone, now), instant: now };
  if (/^\d{4}-\d{2}-\d{2}$/.test(setting)) {
    return isCalendarDate(setting) ? { today: setting, instant: new Date(`${setting}T12:00:00Z`) } : undefined;
  }
  // Only full timestamps with a time of day: Date would read many loose forms.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(setting)) return undefined;
  const instant = new Date(setting);
  if (Number.isNaN(instant.getTime()) || !isCalendarDate(setting.slice(0, 10))) return undefined;
  return { today: todayIn(timeZone, instant), instant };
}

/** 2026年11月22日 */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The latest of some dates, ignoring missing ones. */
export function latest(dates: ReadonlyArray<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}
