/**
 * Working days, for the freshness rules ("not updated for 20 working days")
 * and any date counted in 工作日: Monday to Friday, less the public holidays,
 * plus the weekend days worked in exchange (调休), from the official
 * calendar (./holidays.ts). The calendar is passed in (the checker's holds
 * the organisation's holidays.yaml); without one, the shipped years. A year
 * the calendar does not know counts Monday to Friday.
 */
import { OFFICIAL_CALENDAR, weekday, type HolidayCalendar } from './holidays.ts';

export { weekday } from './holidays.ts';

const DAY = 86_400_000;

function utcDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/** Whether `iso` (YYYY-MM-DD) is a working day: a weekday not on holiday, or a weekend day worked in exchange. */
export function isWorkday(iso: string, calendar: HolidayCalendar = OFFICIAL_CALENDAR): boolean {
  if (calendar.off.has(iso)) return false;
  if (calendar.on.has(iso)) return true;
  const d = weekday(iso);
  return d !== 0 && d !== 6;
}

/** Monday–Friday days among the `n` consecutive days starting on a day with weekday `first`. */
function mondayToFridayIn(first: number, n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let i = 0; i < n % 7; i++) {
    const d = (first + i) % 7;
    if (d !== 0 && d !== 6) count += 1;
  }
  return count;
}

/** How many of the sorted `days` fall after `from` up to and including `to`. */
function within(days: readonly string[], from: string, to: string): number {
  let count = 0;
  for (const d of days) {
    if (d > to) break;
    if (d > from) count += 1;
  }
  return count;
}

/**
 * Working days after `from` up to and including `to` (both YYYY-MM-DD): from
 * a Friday to the next Monday is 1. Zero when `to` is not later than `from`.
 */
export function workdaysBetween(from: string, to: string, calendar: HolidayCalendar = OFFICIAL_CALENDAR): number {
  const a = utcDays(from);
  const b = utcDays(to);
  if (!(b > a)) return 0;
  return mondayToFridayIn((weekday(from) + 1) % 7, b - a) - within(calendar.offWeekdays, from, to) + within(calendar.onWeekends, from, to);
}

/** The date `n` working days after `from` (n ≥ 0); a `from` that is no working day stays as it is with n = 0. */
export function addWorkdays(from: string, n: number, calendar: HolidayCalendar = OFFICIAL_CALENDAR): string {
  let day = utcDays(from);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkday(new Date(day * DAY).toISOString().slice(0, 10), calendar)) left -= 1;
  }
  return new Date(day * DAY).toISOString().slice(0, 10);
}
