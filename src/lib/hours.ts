/**
 * Opening hours as boards write them ("周一至周五 08:30-12:00"), read into
 * weekday numbers so that pages and kiosk screens can tell what is open.
 */

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_CHARS: Record<string, Weekday> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  七: 7,
};
const EVERY_DAY = new Set(['每天', '每日', '全年', '全年无休', '节假日无休', '天天']);
const DAY = '(?:周|星期|礼拜)([一二三四五六日天七])';
const RANGE = new RegExp(`^${DAY}\\s*(?:至|到|-|—|–|~|～)\\s*(?:周|星期|礼拜)?([一二三四五六日天七])$`);
const SINGLE = new RegExp(`^${DAY}$`);

/**
 * Reads a day expression such as 周一至周五, 周六、周日, 星期一到星期六 or
 * 每天 and returns the weekdays it covers, in order, or `undefined` when the
 * text cannot be read. A range may wrap past Sunday (周六至周一).
 */
export function parseWeekdays(input: string): Weekday[] | undefined {
  const text = input.replace(/\s+/g, '');
  if (text === '') return undefined;
  if (EVERY_DAY.has(text)) return [1, 2, 3, 4, 5, 6, 7];
  const days = new Set<Weekday>();
  for (const part of text.split(/[、，,；;和及]/)) {
    if (part === '') return undefined;
    const range = RANGE.exec(part);
    if (range) {
      const from = DAY_CHARS[range[1] as string] as Weekday;
      const to = DAY_CHARS[range[2] as string] as Weekday;
      let day = from;
      days.add(day);
      while (day !== to) {
        day = ((day % 7) + 1) as Weekday;
        days.add(day);
      }
      continue;
    }
    const single = SINGLE.exec(part);
    if (single) {
      days.add(DAY_CHARS[single[1] as string] as Weekday);
      continue;
    }
    return undefined;
  }
  return [...days].sort((a, b) => a - b);
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** "周一" for 1 … "周日" for 7. */
export function weekdayName(day: Weekday): string {
  return WEEKDAY_NAMES[day];
}

/**
 * Day words that mean "the official working days" rather than a fixed set
 * of weekdays: Monday to Friday, less public holidays, plus the weekend days
 * worked in exchange (调休). See workdays.ts for the calendar.
 */
export const WORKDAY_WORDS = new Set(['工作日', '法定工作日', '每个工作日']);

/** Whether a day expression is one of the "official working days" words. */
export function isWorkdayWords(input: string): boolean {
  return WORKDAY_WORDS.has(input.replace(/\s+/g, ''));
}

/**
 * Day words that mean "the days off by the official calendar": Saturdays and
 * Sundays not worked in exchange, and public holidays on whatever weekday
 * they fall. Hall screens schedule by them (src/lib/kiosk/schedule.ts).
 */
export const REST_DAY_WORDS = new Set(['节假日', '休息日', '非工作日', '节假日和休息日', '休息日和节假日']);

/** Whether a day expression is one of the "days off" words. */
export function isRestDayWords(input: string): boolean {
  return REST_DAY_WORDS.has(input.replace(/\s+/g, ''));
}

const EXCEPT_HOLIDAYS = /[（(，,\s]*(?:法定)?节假日除外[）)]?$/;

/**
 * Weekdays with the holidays left out, as halls open on Saturdays write it:
 * "周一至周六（节假日除外）" is those weekdays less the public holidays, plus the
 * weekend days worked in exchange (so 工作日 is 周一至周五（节假日除外）).
 * Returns the weekdays part, or undefined when the words are not there.
 */
export function weekdaysExceptHolidays(input: string): string | undefined {
  const text = input.replace(/\s+/g, '');
  if (!EXCEPT_HOLIDAYS.test(text)) return undefined;
  const days = text.replace(EXCEPT_HOLIDAYS, '');
  return parseWeekdays(days) === undefined ? undefined : days;
}

/** Whether a day expression can be read: weekdays (周一至周五, 每天) or the official working days (工作日). */
export function isReadableDays(input: string): boolean {
  return isWorkdayWords(input) || parseWeekdays(input) !== undefined;
}

/**
 * Parts of the day that guides give without clock times ("周一至周五上午").
 * They are shown as written and count as a gap: the clock times are not
 * published.
 */
export const PARTS_OF_DAY = ['上午', '中午', '下午', '晚上', '白天', '夜间', '全天'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export function isPartOfDay(value: string): value is PartOfDay {
  return (PARTS_OF_DAY as readonly string[]).includes(value);
}

/** A clock range such as 08:30-12:00 (as opposed to a part of the day). */
export function isClockRange(value: string): boolean {
  return /^\d\d:\d\d-\d\d:\d\d$/.test(value);
}

/** One line of hours as the model holds it: days, and clock ranges or parts of the day, or a "not stated" key. */
export interface HoursLineLike {
  days: string;
  times: readonly string[] | 'not-published' | 'unfilled';
}

/** Whether a line gives clock times for every slot; a part of the day or 未公布 is a gap. */
export function hasClockTimes(line: HoursLineLike): boolean {
  return Array.isArray(line.times) && line.times.every(isClockRange);
}

const MONTH_DAY_DASH = /^(\d{1,2})-(\d{1,2})$/;
const MONTH_DAY_CHINESE = /^(\d{1,2})月(\d{1,2})日?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Reads a day of the year as seasons are written: 05-01, 5-1 or 5月1日.
 * Returns MM-DD, or undefined when it is not a real day of some year
 * (02-29 is accepted: it exists in leap years).
 */
export function parseMonthDay(input: string): string | undefined {
  const text = input.replace(/\s+/g, '');
  const m = MONTH_DAY_DASH.exec(text) ?? MONTH_DAY_CHINESE.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] as number)) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "5月1日" for 05-01. */
export function monthDayName(monthDay: string): string {
  const [m, d] = monthDay.split('-').map(Number);
  return `${m}月${d}日`;
}

/**
 * Whether the date `iso` (YYYY-MM-DD) falls in the yearly span from `from`
 * to `to` (MM-DD, both included). A span may wrap past the new year
 * (冬季 10-01 to 04-30).
 */
export function inSeason(iso: string, from: string, to: string): boolean {
  const md = iso.slice(5, 10);
  return from <= to ? md >= from && md <= to : md >= from || md <= to;
}

export interface SeasonLike<L extends HoursLineLike = HoursLineLike> {
  name: string;
  from?: string | undefined;
  to?: string | undefined;
  regular: readonly L[];
  note?: string | undefined;
}

export interface HoursLike<L extends HoursLineLike = HoursLineLike> {
  regular?: readonly L[] | undefined;
  seasons?: readonly SeasonLike<L>[] | undefined;
  holidays: string;
  note?: string | undefined;
}

/** One table of hours to show: the whole year's, or one season's with its dates. */
export interface HoursTable<L extends HoursLineLike = HoursLineLike> {
  /** The season's name (夏季); absent for hours that hold all year. */
  season?: string;
  /** "5月1日至9月30日" when the source gives the dates. */
  range?: string;
  /** The season `today` falls in; only where the dates are known and a date was given. */
  current: boolean;
  lines: readonly L[];
  /** The season's own note. */
  note?: string;
}

/**
 * The tables every output shows, in order: one for hours that hold all
 * year, or one per season (夏季 and 冬季 together, never only one of them).
 * With `today`, the season that date falls in is marked current.
 */
export function hoursTables<L extends HoursLineLike>(hours: HoursLike<L>, today?: string): HoursTable<L>[] {
  if (!hours.seasons || hours.seasons.length === 0) return [{ current: false, lines: hours.regular ?? [] }];
  return hours.seasons.map((s) => ({
    season: s.name,
    ...(s.from && s.to ? { range: `${monthDayName(s.from)}至${monthDayName(s.to)}` } : {}),
    current: today !== undefined && !!s.from && !!s.to && inSeason(today, s.from, s.to),
    lines: s.regular,
    ...(s.note ? { note: s.note } : {}),
  }));
}

/** Every line of the hours, across seasons. */
export function allHoursLines<L extends HoursLineLike>(hours: HoursLike<L>): L[] {
  return [...(hours.regular ?? []), ...(hours.seasons ?? []).flatMap((s) => s.regular)];
}

/**
 * Whether the hours give clock times on every line. A line with only a part
 * of the day (上午) or with 未公布 / 待填写 is shown as written and counted as
 * a gap by the completeness table.
 */
export function hoursHaveClockTimes(hours: HoursLike): boolean {
  return allHoursLines(hours).every(hasClockTimes);
}

/** The times of a line as shown: "08:30-12:00，14:00-17:30", "上午", or "未公布具体时间". */
export function timesText(line: HoursLineLike): string {
  if (line.times === 'not-published') return '具体时间未公布';
  if (line.times === 'unfilled') return '具体时间待填写';
  return line.times.join('，');
}
