/**
 * Reads the content folder's holidays.yaml (src/schemas/holidays.ts) into
 * the working-day calendar: the shipped years with the organisation's own
 * on top. The checker reports what is wrong with the file, at its line and
 * field; the site's data layer reads it the same way and, should the file
 * be invalid (the checker has then stopped the build), keeps the shipped
 * years. A folder without the file gets the shipped years, as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { HOLIDAYS_FILES, holidaysSchema } from '#schemas/holidays.ts';
import { makeCalendar, type HolidayCalendar } from '../holidays.ts';
import { OFFICIAL_YEARS } from '../holidays-official.ts';
import { explainIssues } from './explain.ts';
import type { Problem } from './problem.ts';
import { readYamlSource } from './source.ts';
import { readContentText } from './text-file.ts';

export interface HolidaysRead {
  calendar: HolidayCalendar;
  /** The organisation's file, relative to the content folder, when there is one. */
  file?: string;
  /** Its problems: when any, the calendar holds the shipped years alone. */
  problems: Problem[];
}

/** The calendar for `contentDir`, with the problems of its holidays.yaml. */
export function readHolidays(contentDir: string): HolidaysRead {
  const file = HOLIDAYS_FILES.find((f) => existsSync(join(contentDir, f)));
  if (file === undefined) return { calendar: makeCalendar(OFFICIAL_YEARS), problems: [] };
  const read = readContentText(contentDir, file, '节假日安排文件');
  if (read.problem) return { calendar: makeCalendar(OFFICIAL_YEARS), file, problems: [read.problem] };
  return parseHolidays(file, read.text);
}

/** The calendar from a holidays.yaml's text, with its problems; the shipped years alone when it has errors. */
export function parseHolidays(file: string, text: string): HolidaysRead {
  const source = readYamlSource(file, text);
  if (source.data === undefined) return { calendar: makeCalendar(OFFICIAL_YEARS), file, problems: source.problems };
  const result = holidaysSchema.safeParse(source.data, { reportInput: true });
  if (!result.success) return { calendar: makeCalendar(OFFICIAL_YEARS), file, problems: [...source.problems, ...explainIssues(result.error.issues, holidaysSchema, source)] };
  return { calendar: makeCalendar(OFFICIAL_YEARS, result.data.years), file, problems: source.problems };
}
