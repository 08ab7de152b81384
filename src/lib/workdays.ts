/**
 * Working days for the freshness rules ("not updated for 20 working days").
 * Monday to Friday count as working days. Public holidays and the weekend
 * days worked in exchange (调休) are not counted separately: the State
 * Council publishes them a year at a time, and a warning that comes a day or
 * two early around a holiday does no harm.
 */

const DAY = 86_400_000;

function utcDays(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday.
  return (((utcDays(iso) + 4) % 7) + 7) % 7;
}

export function isWorkday(iso: string): boolean {
  const d = weekday(iso);
  return d !== 0 && d !== 6;
}

/** Monday–Friday days among the `n` consecutive days starting on a day with weekday `first`. */
function workdaysIn(first: number, n: number): number {
  const weeks = Math.floor(n / 7);
  let count = weeks * 5;
  for (let i = 0; i < n % 7; i++) {
    const d = (first + i) % 7;
    if (d !== 0 && d !== 6) count += 1;
  }
  return count;
}

/**
 * Working days after `from` up to and including `to` (both YYYY-MM-DD): from
 * a Friday to the next Monday is 1. Zero when `to` is not later than `from`.
 */
export function workdaysBetween(from: string, to: string): number {
  const a = utcDays(from);
  const b = utcDays(to);
  if (!(b > a)) return 0;
  return workdaysIn((weekday(from) + 1) % 7, b - a);
}

/** The date `n` working days after `from` (n ≥ 0); a weekend `from` with n = 0 stays as it is. */
export function addWorkdays(from: string, n: number): string {
  let day = utcDays(from);
  let left = n;
  while (left > 0) {
    day += 1;
    const d = (((day + 4) % 7) + 7) % 7;
    if (d !== 0 && d !== 6) left -= 1;
  }
  return new Date(day * DAY).toISOString().slice(0, 10);
}
