/**
 * When a screen shows what: dates, days of the week and times of day, read
 * in the organisation's time zone whatever the screen's own clock setting.
 * Days may also be the official working days (工作日) or days off (节假日,
 * 休息日), read from the holiday arrangements the page carries.
 * Runs in the kiosk player in the browser and in unit tests; no Node imports.
 */
import { isRestDayWords, isWorkdayWords, parseWeekdays, weekdaysExceptHolidays, type Weekday } from '../hours.ts';

export interface LocalTime {
  /** YYYY-MM-DD in the organisation's time zone. */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export interface WhenRule {
  from?: string | undefined;
  to?: string | undefined;
  days?: string | undefined;
  times?: readonly string[] | undefined;
}

/**
 * The holiday arrangements a screen's page carries for its player: only the
 * years it may need (the build's and the next, where published), as the
 * notices give them. Built by `screenCalendar` in ./calendar.ts.
 */
export interface ScreenCalendar {
  /** The years whose arrangement is known; any other year counts Monday to Friday. */
  years: number[];
  holidays: Array<{ name: string; from: string; to: string; workdays?: string[] | undefined }>;
}

/** What a day is by the official calendar, for a screen. */
export interface ScreenDay {
  /** A day off: a public holiday, or a Saturday or Sunday not worked in exchange. */
  off: boolean;
  /** The holiday it belongs to: the one it is off for, or the one a weekend day is worked for (调休). */
  holiday?: string;
  /** A Saturday or Sunday worked in exchange for `holiday`. */
  adjusted?: boolean;
  /** Whether the calendar has this day's year; without it, Monday to Friday are the working days. */
  known: boolean;
}

/** What `date` (YYYY-MM-DD, falling on `weekday`) is by `calendar`; with no calendar or an unknown year, Monday to Friday work. */
export function screenDay(date: string, weekday: Weekday, calendar?: ScreenCalendar): ScreenDay {
  const known = calendar?.years.includes(Number(date.slice(0, 4))) ?? false;
  for (const h of calendar?.holidays ?? []) {
    if (date >= h.from && date <= h.to) return { off: true, holiday: h.name, known };
    if (h.workdays?.includes(date)) return { off: false, holiday: h.name, adjusted: true, known };
  }
  return { off: weekday >= 6, known };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The date, weekday and time of an instant in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = (['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1) as Weekday;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** `n` days later (earlier when negative), as a local time at the same minute. */
function daysLater(t: LocalTime, n: number): LocalTime {
  const d = new Date(`${t.date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return { date: d.toISOString().slice(0, 10), weekday: (((((t.weekday - 1 + n) % 7) + 7) % 7) + 1) as Weekday, minutes: t.minutes };
}

const withinDates = (rule: WhenRule, t: LocalTime) => !(rule.from !== undefined && t.date < rule.from) && !(rule.to !== undefined && t.date > rule.to);

/**
 * Whether the day of `t` is one of `days`: weekdays (周一至周五), working days
 * (工作日), days off (节假日), or weekdays less the holidays plus the 调休
 * working days (周一至周六（节假日除外）).
 */
function daysInclude(days: string, t: LocalTime, calendar: ScreenCalendar | undefined): boolean {
  if (isWorkdayWords(days)) return !screenDay(t.date, t.weekday, calendar).off;
  if (isRestDayWords(days)) return screenDay(t.date, t.weekday, calendar).off;
  const except = weekdaysExceptHolidays(days);
  if (except !== undefined) {
    const day = screenDay(t.date, t.weekday, calendar);
    if (day.adjusted) return true;
    if (day.off && day.holiday !== undefined) return false;
    return parseWeekdays(except)?.includes(t.weekday) ?? false;
  }
  return parseWeekdays(days)?.includes(t.weekday) ?? false;
}

function dayMatches(rule: WhenRule, t: LocalTime, calendar: ScreenCalendar | undefined): boolean {
  return withinDates(rule, t) && (rule.days === undefined || daysInclude(rule.days, t, calendar));
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether `rule` includes the moment `t`. No rule means always. A time
 * window that crosses midnight (22:00-06:00) belongs to the day it starts:
 * “周五 22:00-06:00” includes Saturday at 02:00, and its dates and weekdays
 * are checked against Friday.
 */
export function isActive(rule: WhenRule | undefined, t: LocalTime, calendar?: ScreenCalendar): boolean {
  if (!rule) return true;
  if (!rule.times || rule.times.length === 0) return dayMatches(rule, t, calendar);
  return rule.times.some((window) => {
    const [fromText, toText] = window.split('-') as [string, string];
    const [from, to] = [toMinutes(fromText), toMinutes(toText)];
    if (from < to) return t.minutes >= from && t.minutes < to && dayMatches(rule, t, calendar);
    // Crosses midnight: the evening part is today's, the early-morning part yesterday's.
    if (t.minutes >= from) return dayMatches(rule, t, calendar);
    if (t.minutes < to) return dayMatches(rule, daysLater(t, -1), calendar);
    return false;
  });
}

export interface Scheduled {
  when?: WhenRule | undefined;
}

/** The slides to play now, in playlist order: none when the screen's own schedule is off. */
export function activeSlides<T extends Scheduled>(slides: readonly T[], screen: WhenRule | undefined, t: LocalTime, calendar?: ScreenCalendar): T[] {
  if (!isActive(screen, t, calendar)) return [];
  return slides.filter((s) => isActive(s.when, t, calendar));
}

/** A day the screen's own schedule leaves out whole: the hall is closed. */
export interface ClosedDay {
  /** The holiday it is closed for, from the calendar; none on an ordinary weekend. */
  holiday?: string;
  /** The next day the schedule plays, within two months; none when the schedule has ended. */
  reopens?: LocalTime;
}

/**
 * Whether the screen's own schedule leaves out the day of `t` by its days
 * (周一至周五, 工作日): a day the hall is closed, and when it opens again.
 * None when it plays that day (at some hour), when it has no days, or when
 * the day is outside its dates (a schedule that ended is no day off).
 */
export function closedDay(screen: WhenRule | undefined, t: LocalTime, calendar?: ScreenCalendar): ClosedDay | undefined {
  if (screen?.days === undefined || !withinDates(screen, t) || daysInclude(screen.days, t, calendar)) return undefined;
  const day = screenDay(t.date, t.weekday, calendar);
  const closed: ClosedDay = day.off && day.holiday !== undefined ? { holiday: day.holiday } : {};
  for (let n = 1; n <= 62; n++) {
    const later = daysLater(t, n);
    if (!withinDates(screen, later)) break;
    if (daysInclude(screen.days, later, calendar)) return { ...closed, reopens: later };
  }
  return closed;
}

/** The player's words for days off and 调休, from src/i18n. */
export interface DayStrings {
  /** 今日休息 */
  closed: string;
  /** 今日（{holiday}）休息 */
  closedFor: string;
  /** ，{date}（{weekday}）恢复办公 */
  reopens: string;
  /** 调休上班日 */
  adjusted: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
const WEEKDAY_SHORT = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
/** 国庆节 → 国庆节假期; 春节假期 stays. */
const holidayName = (name: string) => (name.endsWith('假期') ? name : `${name}假期`);

/** "今日（国庆节假期）休息，10月8日（周四）恢复办公", from the calendar and the screen's schedule only. */
export function closedText(closed: ClosedDay, strings: DayStrings): string {
  const head = closed.holiday === undefined ? strings.closed : fill(strings.closedFor, { holiday: holidayName(closed.holiday) });
  const reopens = closed.reopens && fill(strings.reopens, { date: monthDay(closed.reopens.date), weekday: WEEKDAY_SHORT[closed.reopens.weekday] ?? '' });
  return head + (reopens ?? '');
}

/** What the date line adds for the day: the holiday's name on a public holiday, 调休上班日 on a weekend day worked; else nothing. */
export function dayNote(t: LocalTime, calendar: ScreenCalendar | undefined, strings: DayStrings): string {
  const day = screenDay(t.date, t.weekday, calendar);
  if (day.holiday === undefined) return '';
  return day.adjusted ? strings.adjusted : holidayName(day.holiday);
}

export interface Takeover {
  /** First day shown (the notice's date or period start). */
  from: string;
  /** Last day shown, inclusive. */
  until: string;
}

/** Urgent notices that take over the screen today: from their first day to their last, inclusive. */
export function activeTakeovers<T extends Takeover>(notices: readonly T[], t: LocalTime): T[] {
  return notices.filter((n) => t.date >= n.from && t.date <= n.until);
}

const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** 09:05 */
export function clockText(t: LocalTime): string {
  return `${String(Math.floor(t.minutes / 60)).padStart(2, '0')}:${String(t.minutes % 60).padStart(2, '0')}`;
}

/** 2026年11月22日 星期日 */
export function dateText(t: LocalTime): string {
  const [y, m, d] = t.date.split('-').map(Number);
  return `${y}年${m}月${d}日 ${WEEKDAYS[t.weekday]}`;
}
