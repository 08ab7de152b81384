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
