/**
 * The working-day calendar for pages: the shipped holiday arrangements with
 * the content folder's holidays.yaml on top, read once per build
 * (src/lib/content/holidays-file.ts; the checker has already reported what
 * is wrong with the file, and an invalid file stops the build before this).
 */
import context from 'virtual:siliang/context';
import { readHolidays } from '#lib/content/holidays-file.ts';
import type { HolidayCalendar } from '#lib/holidays.ts';

let calendar: HolidayCalendar | undefined;

export function holidayCalendar(): HolidayCalendar {
  calendar ??= readHolidays(context.contentDir).calendar;
  return calendar;
}

/** The build's day, in the organisation's time zone: what "next closure" is counted from. */
export function buildDay(): string {
  return context.today;
}
