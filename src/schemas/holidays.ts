/**
 * holidays.yaml: the official holiday arrangement (法定节假日和调休上班日)
 * as the State Council publishes it each year, usually in November or
 * December for the next year. Siliang ships the years already published
 * (src/lib/holidays-official.ts); an organisation's file adds a year as soon
 * as the notice appears, or replaces a shipped year (a whole year at a
 * time). Working-day counting, the hours notes on pages and the checker's
 * warnings read it; a year with no arrangement counts Monday to Friday.
 */
import { z } from 'astro/zod';
import { calendarDate, text } from './common.ts';

/** The file, at the top of the content folder (holidays.yml is read too). */
export const HOLIDAYS_FILE = 'holidays.yaml';
export const HOLIDAYS_FILES = [HOLIDAYS_FILE, 'holidays.yml'] as const;

const DAY = 86_400_000;
const weekdayOf = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();
const daysFrom = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);

/** The longest holiday the State Council has given (春节, 国庆 with 中秋: 8 or 9 days), with room to spare. */
const LONGEST_HOLIDAY = 15;

/** One holiday of a year's notice: the days off, and the weekend days worked in exchange. */
export const holiday = z
  .strictObject({
    /** 节日名称，照通知写，例如 元旦、春节、清明节、劳动节、端午节、中秋节、国庆节。 */
    name: text('节日名称', '国庆节'),
    /** 放假第一天，照通知写，例如 2026-10-01。 */
    from: calendarDate('放假开始日期'),
    /** 放假最后一天（含当天），例如 2026-10-07；只放一天的，和 from 写同一天。 */
    to: calendarDate('放假结束日期'),
    /** 调休上班的日子（通知里“××月××日（周六）上班”），一个假期可以有几天；没有就不写。 */
    workdays: z
      .array(
        calendarDate('调休上班日').superRefine((day, ctx) => {
          const wd = weekdayOf(day);
          if (wd === 0 || wd === 6) return;
          ctx.addIssue({
            code: 'custom',
            message: `调休上班日 ${day} 是周${'日一二三四五六'.charAt(wd)}，本来就上班`,
            params: { kind: 'holiday-workday', fix: '调休上班日是通知里写“（周六）上班”“（周日）上班”的周末日期，对照通知改正' },
          });
        }),
      )
      .optional()
      .meta({ title: '调休上班日', expected: '日期的列表', example: '["2026-09-20", "2026-10-10"]' }),
  })
  .superRefine((h, ctx) => {
    if (h.to < h.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `放假结束日期 ${h.to} 早于开始日期 ${h.from}`,
        params: { kind: 'holiday-range', fix: '对照通知改正：to 是放假的最后一天' },
      });
    } else if (daysFrom(h.from, h.to) + 1 > LONGEST_HOLIDAY) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `${h.name}从 ${h.from} 到 ${h.to} 共 ${daysFrom(h.from, h.to) + 1} 天，比通知里任何假期都长`,
        params: { kind: 'holiday-range', fix: '对照通知核对开始和结束日期，可能把月份写错了' },
      });
    }
    (h.workdays ?? []).forEach((day, i) => {
      if (day >= h.from && day <= h.to) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', i],
          message: `调休上班日 ${day} 在${h.name}放假期间（${h.from} 至 ${h.to}）`,
          params: { kind: 'holiday-workday', fix: '对照通知改正放假日期或调休上班日' },
        });
      }
    });
  })
  .meta({ title: '假期' });
export type HolidayInput = z.input<typeof holiday>;

/** One year's arrangement, as one notice of the State Council gives it. */
export const holidayYear = z
  .strictObject({
    /** 哪一年的安排，例如 2027。 */
    year: z.number().int().min(2000).max(2100).meta({ title: '年份', expected: '四位数的年份', example: '2027' }),
    /** 依据：通知的名称或文号，例如“国务院办公厅关于2027年部分节假日安排的通知”。 */
    source: text('依据', '国务院办公厅关于2027年部分节假日安排的通知').optional(),
    /** 这一年的假期，照通知逐条写。 */
    holidays: z.array(holiday).min(1).meta({ title: '假期' }),
  })
  .superRefine((y, ctx) => {
    // A holiday near the new year may begin or have a working day in the
    // year before (元旦 2019: 2018-12-29 上班), so a day one month either side is accepted.
    const first = `${y.year - 1}-12-01`;
    const last = `${y.year + 1}-01-31`;
    y.holidays.forEach((h, i) => {
      for (const [field, day] of [['from', h.from] as const, ['to', h.to] as const]) {
        if (day >= first && day <= last) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i, field],
          message: `${h.name}的日期 ${day} 不在 ${y.year} 年`,
          params: { kind: 'holiday-year', fix: `核对年份：这一项写在 year: ${y.year} 下面，日期也应是 ${y.year} 年的` },
        });
      }
    });
  })
  .meta({ title: '年度安排' });
export type HolidayYearInput = z.input<typeof holidayYear>;

/** holidays.yaml. */
export const holidaysSchema = z
  .strictObject({
    /** 各年的放假安排，一年一项；这里写了的年份替换四亮自带的同一年。 */
    years: z.array(holidayYear).min(1).meta({ title: '年度安排' }),
  })
  .superRefine((file, ctx) => {
    const seen = new Map<number, number>();
    file.years.forEach((y, i) => {
      const earlier = seen.get(y.year);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['years', i, 'year'],
          message: `${y.year} 年写了两次（第 ${earlier + 1} 项和第 ${i + 1} 项）`,
          params: { kind: 'duplicate-year', fix: '合并成一项，或删除重复的一项' },
        });
      } else seen.set(y.year, i);
    });
  })
  .meta({ title: '法定节假日安排' });
export type HolidaysFile = z.output<typeof holidaysSchema>;
