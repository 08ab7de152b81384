/**
 * Whether a notice is shown, decided at build time against the build's
 * clock. A public-comment notice (公示) is published from the first day of its
 * period, is current until the last day inclusive, and afterwards stays at
 * its address marked as ended, since it may have been printed or linked.
 */
import { daysBetween } from './dates.ts';

export type NoticeState = 'scheduled' | 'open' | 'ended' | 'published';

export interface Period {
  start: string;
  end: string;
}

export function noticeState(date: string, period: Period | undefined, today: string): NoticeState {
  if (period) {
    if (today < period.start) return 'scheduled';
    return today > period.end ? 'ended' : 'open';
  }
  return today < date ? 'scheduled' : 'published';
}

/** Days left in a publicity period, counting today and the last day: 1 on the last day. */
export function daysLeft(period: Period, today: string): number {
  return daysBetween(today, period.end) + 1;
}

/** "第6期（总第26期）" */
export function issueLabel(issue: number, total?: number): string {
  return total !== undefined ? `第${issue}期（总第${total}期）` : `第${issue}期`;
}
