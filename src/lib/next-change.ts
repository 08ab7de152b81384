/**
 * When the site would next change by the date alone. Pages are built against
 * one day (the build's clock): a public-comment notice opens on the first day
 * of its period, counts its days left while open and is marked ended the day
 * after; a notice dated ahead appears on its date; an urgent notice leaves
 * the hall screens the day after its last; an unfinished pledge is marked
 * overdue the day after its deadline; on 1 January screens turn to the new
 * year's pledges. A scheduled build at that instant (or nightly at 00:05, the
 * floor the example pipelines use) keeps the site true without anyone
 * remembering. Pure: the facts in, the day and the reasons out.
 */
import { isCalendarDate } from './dates.ts';

export interface DatedNotice {
  title: string;
  date: string;
  period?: { start: string; end: string } | undefined;
  urgent?: boolean | undefined;
  until?: string | undefined;
}

export interface DatedPledge {
  title: string;
  year: number;
  items: ReadonlyArray<{ text: string; deadline: unknown; status: unknown }>;
}

export interface NextChange {
  /** The first day (YYYY-MM-DD) whose build differs from today's. */
  day: string;
  /** What changes that day, in Chinese, one line each. */
  reasons: string[];
}

/** The calendar day `n` days after `day`. */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Statuses after which a pledge item is no longer marked overdue (src/schemas/pledge.ts). */
const SETTLED = new Set(['kept', 'not-kept']);

/** The closure pages announce beside hours given in 工作日 (src/lib/holidays.ts): it changes once it is over. */
export interface AnnouncedClosure {
  name: string;
  to: string;
  /** Its 调休 days, listed while they are still to come. */
  workdays?: readonly string[] | undefined;
}

export function nextChange(
  facts: { notices: readonly DatedNotice[]; pledges: readonly DatedPledge[]; closure?: AnnouncedClosure | undefined },
  today: string,
): NextChange | undefined {
  const events: Array<{ day: string; reason: string }> = [];
  const at = (day: string, reason: string) => {
    if (day > today) events.push({ day, reason });
  };
  for (const n of facts.notices) {
    const name = `《${n.title}》`;
    if (n.period) {
      at(n.period.start, `${name}公示期开始，列入“正在公示”`);
      at(addDays(n.period.end, 1), `${name}公示期结束，标为“已结束”`);
      // While open, each page that lists it counts the days left.
      // (On its last day, tomorrow it ends, which says it already.)
      if (n.period.start <= today && today < n.period.end) at(addDays(today, 1), `${name}公示中，剩余天数每天变化`);
    } else {
      at(n.date, `${name}到发布日期，开始显示`);
    }
    if (n.urgent) {
      at(n.date, `紧急公告${name}开始占满大厅显示屏`);
      const last = n.until ?? n.period?.end;
      if (last) at(addDays(last, 1), `紧急公告${name}不再占满大厅显示屏`);
    }
  }
  for (const p of facts.pledges) {
    for (const item of p.items) {
      if (typeof item.deadline === 'string' && isCalendarDate(item.deadline) && !SETTLED.has(String(item.status))) {
        at(addDays(item.deadline, 1), `《${p.title}》的“${item.text}”过了完成时限，标为逾期`);
      }
    }
  }
  if (facts.closure) {
    const c = facts.closure;
    at(addDays(c.to, 1), `${c.name}假期结束，办公时间旁的“近期放假”换成下一个假期`);
    for (const day of c.workdays ?? []) if (day >= today) at(addDays(day, 1), `${c.name}的调休上班日 ${day} 已过，不再列出`);
  }
  if (facts.pledges.length > 0) at(`${Number(today.slice(0, 4)) + 1}-01-01`, '新的一年：显示屏和公示栏改用当年的服务承诺');
  if (events.length === 0) return undefined;
  const day = events.reduce((first, e) => (e.day < first ? e.day : first), events[0]?.day as string);
  return { day, reasons: [...new Set(events.filter((e) => e.day === day).map((e) => e.reason))] };
}

/** Midnight at the start of `day` in `timeZone`, as an ISO instant with the zone's offset: 2026-12-01T00:00:00+08:00. */
export function startOfDayIn(day: string, timeZone: string): string {
  // The offset at noon of that day: midnight itself may fall in a DST gap elsewhere; China has none.
  const noon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  return `${day}T00:00:00${offset}`;
}
