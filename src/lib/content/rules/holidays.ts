/**
 * The working-day calendar must cover the year it counts in: a year with no
 * holiday arrangement is counted Monday to Friday (国庆 and 春节 as working
 * days, their 调休 Saturdays as days off), so the checker asks for it once,
 * for the current year whenever it is missing and in December for the next
 * (the State Council publishes it in November or December). A warning: the
 * site is still right about everything else.
 */
import { HOLIDAYS_FILE } from '#schemas/holidays.ts';
import { missingYears, OFFICIAL_CALENDAR } from '../../holidays.ts';
import type { Rule } from '../entry.ts';

export const holidayYearsRule: Rule = (_entries, ctx) => {
  // A file with errors is left out of the calendar; its own errors say what to fix.
  if (ctx.holidaysFileFailed) return [];
  const calendar = ctx.holidays ?? OFFICIAL_CALENDAR;
  const missing = missingYears(calendar, ctx.today);
  if (missing.length === 0) return [];
  const file = ctx.holidaysFile ?? HOLIDAYS_FILE;
  const years = missing.map((y) => `${y} 年`).join('和 ');
  const these = missing.length > 1 ? '这两年' : '这一年';
  const first = missing[0] as number;
  return [
    {
      severity: 'warning',
      kind: 'holidays-missing-year',
      file,
      line: 1,
      column: 1,
      field: 'years',
      fieldTitle: '年度安排',
      message: `还没有 ${years}的法定节假日安排：${these}的“工作日”暂按周一至周五计算，国庆、春节等假期和调休上班日都没有算进去`,
      fix:
        `国务院办公厅发布 ${years}的放假通知后，照通知在内容文件夹的 ${file} 里加上${these}${ctx.holidaysFile ? '' : '（没有这个文件就新建一个）'}，例如：` +
        `years: - year: ${first}，source: 国务院办公厅关于${first}年部分节假日安排的通知，holidays: - name: 元旦，from: 放假第一天，to: 放假最后一天，workdays: [调休上班日]；` +
        '每个假期一项，日期照通知逐条填写，不要估计。写法见 content/README.md 的“法定节假日安排”一节',
    },
  ];
};
