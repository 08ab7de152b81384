/**
 * Fills in the printed-on date (打印日期) of every sheet on the day it is
 * printed or exported, in the organisation's time zone. The page itself
 * leaves the date blank to be written by hand: a date fixed at build time
 * would be the build's, not the printing's, and would change every print
 * page on every day's rebuild, so that an unchanged site uploads anew.
 */
import { formatDate, todayIn } from '#lib/dates.ts';

export function fillPrintedOn(root: ParentNode = document, now: Date = new Date()): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-printed-on]')) {
    slot.textContent = formatDate(todayIn(slot.dataset.printedOn || 'Asia/Shanghai', now));
  }
}
