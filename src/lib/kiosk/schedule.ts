/**
 * When a screen shows what: dates, days of the week and times of day, read
 * in the organisation's time zone whatever the screen's own clock setting.
 * Runs in the kiosk player in the browser and in unit tests; no Node imports.
 */
import { parseWeekdays, type Weekday } from '../hours.ts';

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

/** The day before, as a local time at the same minute. */
function dayBefore(t: LocalTime): LocalTime {
  const d = new Date(`${t.date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return { date: d.toISOString().slice(0, 10), weekday: (((t.weekday + 5) % 7) + 1) as Weekday, minutes: t.minutes };
}

function dayMatches(rule: WhenRule, t: LocalTime): boolean {
  if (rule.from !== undefined && t.date < rule.from) return false;
  if (rule.to !== undefined && t.date > rule.to) return false;
  if (rule.days !== undefined) {
    const days = parseWeekdays(rule.days);
    if (!days || !days.includes(t.weekday)) return false;
  }
  return true;
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
export function isActive(rule: WhenRule | undefined, t: LocalTime): boolean {
  if (!rule) return true;
  if (!rule.times || rule.times.length === 0) return dayMatches(rule, t);
  return rule.times.some((window) => {
    const [fromText, toText] = window.split('-') as [string, string];
    const [from, to] = [toMinutes(fromText), toMinutes(toText)];
    if (from < to) return t.minutes >= from && t.minutes < to && dayMatches(rule, t);
    // Crosses midnight: the evening part is today's, the early-morning part yesterday's.
    if (t.minutes >= from) return dayMatches(rule, t);
    if (t.minutes < to) return dayMatches(rule, dayBefore(t));
    return false;
  });
}

export interface Scheduled {
  when?: WhenRule | undefined;
}

/** The slides to play now, in playlist order: none when the screen's own schedule is off. */
export function activeSlides<T extends Scheduled>(slides: readonly T[], screen: WhenRule | undefined, t: LocalTime): T[] {
  if (!isActive(screen, t)) return [];
  return slides.filter((s) => isActive(s.when, t));
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
