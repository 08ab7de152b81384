/**
 * The working-day calendar must cover the year it counts in: a year with no
 * holiday arrangement is counted Monday to Friday (国庆 and 春节 as working
 * days, their 调休 Saturdays as days off), so the checker asks for it once,
 * for the current year whenever it is missing and in December for the next
 * (the State Council publishes it in November or December). A warning: the
 * site is still right about everything else. Hall screens scheduled by
 * 工作日 or 节假日 are named in it: in that year they play Monday to Friday
 * and rest at weekends, holidays or not.
 */
import { HOLIDAYS_FILE } from '#schemas/holidays.ts';
import { missingYears, OFFICIAL_CALENDAR } from '../../holidays.ts';
import { isRestDayWords, isWorkdayWords, weekdaysExceptHolidays } from '../../hours.ts';
import { isEntryOf, type CheckedEntry, type Rule } from '../entry.ts';

const byCalendar = (days: string | undefined) => days !== undefined && (isWorkdayWords(days) || isRestDayWords(days) || weekdaysExceptHolidays(days) !== undefined);

/** The screen files whose own schedule or a slide's says 工作日, 节假日 or （节假日除外）. */
function screensByCalendar(entries: readonly CheckedEntry[]): string[] {
  return entries
    .filter(isEntryOf('screens'))
    .filter((e) => byCalendar(e.data.when?.days) || e.data.slides.some((s) => byCalendar(s.when?.days)))
    .map((e) => e.file);
}

export const holidayYearsRule: Rule = (entries, ctx) => {
  // A file with errors is left out of the calendar; its own errors say what to fix.
  if (ctx.holidaysFileFailed) return [];
  const calendar = ctx.holidays ?? OFFICIAL_CALENDAR;
  const missing = missingYears(calendar, ctx.today);
  if (missing.length === 0) return [];
  const file = ctx.holidaysFile ?? HOLIDAYS_FILE;
  const years = missing.map((y) => `${y} 年`).join('和 ');
  const these = missing.length > 1 ? '这两年' : '这一年';
  const first = missing[0] as number;
  const screens = screensByCalendar(entries);
  const onScreens = screens.length === 0 ? '' : `；显示屏 ${screens.join('、')} 按“工作日”“节假日”排的播放时间${these}也只认周一至周五、周六周日，假期里照常播放`;
  return [
    {
      severity: 'warning',
      kind: 'holidays-missing-year',
      file,
      line: 1,
      column: 1,
      field: 'years',
      fieldTitle: '年度安排',
      message: `还没有 ${years}的法定节假日安排：${these}的“工作日”暂按周一至周五计算，国庆、春节等假期和调休上班日都没有算进去${onScreens}`,
      fix:
        `国务院办公厅发布 ${years}的放假通知后，照通知在内容文件夹的 ${file} 里加上${these}${ctx.holidaysFile ? '' : '（没有这个文件就新建一个）'}，例如：` +
        `years: - year: ${first}，source: 国务院办公厅关于${first}年部分节假日安排的通知，holidays: - name: 元旦，from: 放假第一天，to: 放假最后一天，workdays: [调休上班日]；` +
        '每个假期一项，日期照通知逐条填写，不要估计。写法见 content/README.md 的“法定节假日安排”一节',
    },
  ];
};
