/**
 * The holiday arrangements a screen's page carries, so that its player can
 * tell 工作日 from 节假日 by itself for as long as it plays between builds:
 * the build's year and the next, where the calendar has them (a few hundred
 * bytes). Build time only; the player reads it with ./schedule.ts.
 */
import type { HolidayCalendar } from '../holidays.ts';
import type { ScreenCalendar } from './schedule.ts';

/** The years of `calendar` a screen built on `today` may need: this year and the next, those it knows. */
export function screenCalendar(calendar: HolidayCalendar, today: string): ScreenCalendar {
  const year = Number(today.slice(0, 4));
  const years = [year, year + 1].filter((y) => calendar.years.has(y));
  const holidays = years.flatMap((y) =>
    (calendar.years.get(y)?.holidays ?? []).map((h) => ({ name: h.name, from: h.from, to: h.to, ...(h.workdays?.length ? { workdays: [...h.workdays] } : {}) })),
  );
  return { years, holidays };
}

/** The years a screen's calendar lacks among this year and the next: what the identify box names. */
export function missingScreenYears(calendar: ScreenCalendar, today: string): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !calendar.years.includes(y));
}
