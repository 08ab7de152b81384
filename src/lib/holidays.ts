/**
 * The official calendar of working days: public holidays (法定节假日) and the
 * weekend days worked in exchange (调休上班日), as the State Council
 * publishes them a year at a time. Pure: the arrangements are passed in (the
 * shipped years from ./holidays-official.ts, an organisation's holidays.yaml
 * read by the checker or the site's data layer); nothing here reads a file.
 *
 * A year with no arrangement is counted Monday to Friday, and the checker
 * says so (src/lib/content/rules/holidays.ts): never a guessed holiday.
 */
import { allHoursLines, isWorkdayWords, type HoursLike } from './hours.ts';
import { OFFICIAL_YEARS } from './holidays-official.ts';

/** One holiday of a year's arrangement: the days off, and the weekend days worked in exchange. */
export interface HolidayRange {
  name: string;
  /** First day off, YYYY-MM-DD. */
  from: string;
  /** Last day off, inclusive. */
  to: string;
  /** Weekend days worked in exchange (调休上班日). */
  workdays?: readonly string[] | undefined;
}

/** One year's arrangement, as one notice gives it. */
export interface YearArrangement {
  year: number;
  /** The notice it was copied from. */
  source?: string | undefined;
  holidays: readonly HolidayRange[];
}

/** Where a year's arrangement comes from. */
export type YearOrigin = 'official' | 'own';

export interface HolidayCalendar {
  /** Each year with an arrangement, by year. */
  readonly years: ReadonlyMap<number, YearArrangement>;
  readonly origin: ReadonlyMap<number, YearOrigin>;
  /** The holiday's name for each day off. */
  readonly off: ReadonlyMap<string, string>;
  /** The holiday's name for each weekend day worked in exchange. */
  readonly on: ReadonlyMap<string, string>;
  /** Days off that fall Monday to Friday, sorted: what counting working days must subtract. */
  readonly offWeekdays: readonly string[];
  /** Weekend days worked, sorted: what it must add. */
  readonly onWeekends: readonly string[];
  /** Every holiday, sorted by its first day. */
  readonly holidays: readonly HolidayRange[];
}

const DAY = 86_400_000;

/** 0 = Sunday … 6 = Saturday, for a YYYY-MM-DD date. */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday.
  const days = Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
  return (((days + 4) % 7) + 7) % 7;
}

const isWeekend = (iso: string) => {
  const d = weekday(iso);
  return d === 0 || d === 6;
};

function* daysOf(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}

/**
 * The calendar of the shipped years with an organisation's own years on top:
 * a year in `own` replaces the shipped year of the same number whole (the
 * organisation copied the notice, or a region's own arrangement), and adds a
 * year Siliang does not ship yet.
 */
export function makeCalendar(official: readonly YearArrangement[], own: readonly YearArrangement[] = []): HolidayCalendar {
  const years = new Map<number, YearArrangement>();
  const origin = new Map<number, YearOrigin>();
  for (const y of official) {
    years.set(y.year, y);
    origin.set(y.year, 'official');
  }
  for (const y of own) {
    years.set(y.year, y);
    origin.set(y.year, 'own');
  }
  const off = new Map<string, string>();
  const on = new Map<string, string>();
  const holidays: HolidayRange[] = [];
  for (const y of [...years.values()].sort((a, b) => a.year - b.year)) {
    for (const h of y.holidays) {
      holidays.push(h);
      for (const day of daysOf(h.from, h.to)) off.set(day, h.name);
      for (const day of h.workdays ?? []) on.set(day, h.name);
    }
  }
  holidays.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return {
    years,
    origin,
    off,
    on,
    offWeekdays: [...off.keys()].filter((d) => !isWeekend(d)).sort(),
    onWeekends: [...on.keys()].filter((d) => isWeekend(d) && !off.has(d)).sort(),
    holidays,
  };
}

/** The years Siliang ships, with no organisation's file. */
export const OFFICIAL_CALENDAR: HolidayCalendar = makeCalendar(OFFICIAL_YEARS);

/** No holidays at all: Monday to Friday, as before the calendar existed. */
export const MONDAY_TO_FRIDAY: HolidayCalendar = makeCalendar([]);

/** What a day is: a holiday, a weekend day worked in exchange, or an ordinary weekday or weekend day. */
export type DayKind = { kind: 'holiday'; name: string } | { kind: 'adjusted-workday'; name: string } | { kind: 'weekday' } | { kind: 'weekend' };

export function dayKind(iso: string, calendar: HolidayCalendar = OFFICIAL_CALENDAR): DayKind {
  const off = calendar.off.get(iso);
  if (off !== undefined) return { kind: 'holiday', name: off };
  const on = calendar.on.get(iso);
  if (on !== undefined) return { kind: 'adjusted-workday', name: on };
  return isWeekend(iso) ? { kind: 'weekend' } : { kind: 'weekday' };
}

/** Whether the calendar has the arrangement of the year of `iso` (else that year counts Monday to Friday). */
export function knowsYear(calendar: HolidayCalendar, year: number): boolean {
  return calendar.years.has(year);
}

/**
 * The years the checker should ask for on `today`: the current year when it
 * has no arrangement, and in December the next year too (the State Council
 * publishes it in November or December).
 */
export function missingYears(calendar: HolidayCalendar, today: string): number[] {
  const year = Number(today.slice(0, 4));
  const out: number[] = [];
  if (!calendar.years.has(year)) out.push(year);
  if (today.slice(5, 7) === '12' && !calendar.years.has(year + 1)) out.push(year + 1);
  return out;
}

/** The holiday under way on `today`, or the next one to begin; none when the calendar has no later holiday. */
export function nextClosure(calendar: HolidayCalendar, today: string): HolidayRange | undefined {
  return calendar.holidays.find((h) => h.to >= today);
}

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** "国庆节 10月1日—10月7日", "元旦 1月1日". */
export function holidayRangeText(h: HolidayRange): string {
  return h.from === h.to ? `${h.name} ${monthDay(h.from)}` : `${h.name} ${monthDay(h.from)}—${monthDay(h.to)}`;
}

/** "9月20日（周日）、10月10日（周六）". */
export function adjustedWorkdaysText(h: HolidayRange): string {
  return (h.workdays ?? []).map((d) => `${monthDay(d)}（周${'日一二三四五六'.charAt(weekday(d))}）`).join('、');
}

/** Whether some line of the hours says 工作日 (the official working days) rather than weekdays. */
export function hoursUseWorkdays(hours: HoursLike): boolean {
  return allHoursLines(hours).some((l) => isWorkdayWords(l.days));
}

/** What an hours table says about public holidays, where it counts in 工作日. */
export interface WorkdayHoursNote {
  /** That 工作日 follow the official arrangement. */
  rule: string;
  /** The next closure from the data, e.g. "元旦假期 1月1日—1月3日不办公"; only when the calendar has one. */
  next?: string;
  /** The weekend days worked in exchange for that closure, e.g. "1月4日（周日）". */
  nextWorkdays?: string;
}

export const WORKDAY_RULE = '“工作日”不含法定节假日，调休上班日照常办公，按国务院办公厅当年的放假通知执行';

/**
 * The note an hours table carries when one of its lines says 工作日: the
 * rule, and the next closure the calendar knows of (under way or to come).
 * None for hours written as weekdays (周一至周五) or every day: whether such
 * a unit closes on holidays is what its own `holidays` line says.
 */
export function workdayHoursNote(hours: HoursLike, calendar: HolidayCalendar, today: string | undefined): WorkdayHoursNote | undefined {
  if (!hoursUseWorkdays(hours)) return undefined;
  const next = today === undefined ? undefined : nextClosure(calendar, today);
  if (!next || today === undefined) return { rule: WORKDAY_RULE };
  const name = next.name.endsWith('假期') ? next.name : `${next.name}假期`;
  const range = next.from === next.to ? monthDay(next.from) : `${monthDay(next.from)}—${monthDay(next.to)}`;
  // Only the 调休 days still to come: 9月20日 has gone by when a page built on 9月28日 announces 国庆.
  const workdays = adjustedWorkdaysText({ ...next, workdays: (next.workdays ?? []).filter((d) => d >= today) });
  return { rule: WORKDAY_RULE, next: `${name} ${range}不办公`, ...(workdays ? { nextWorkdays: workdays } : {}) };
}
