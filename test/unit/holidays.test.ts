/**
 * The official holiday arrangement: the shipped years, an organisation's
 * holidays.yaml, the checker's one warning for a year with no arrangement,
 * and the note hours in 工作日 carry on pages.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import { parseHolidays } from '#lib/content/holidays-file.ts';
import { dayKind, missingYears, nextClosure, OFFICIAL_CALENDAR, workdayHoursNote } from '#lib/holidays.ts';
import { OFFICIAL_YEARS } from '#lib/holidays-official.ts';
import { isWorkday, workdaysBetween } from '#lib/workdays.ts';
import { holidaysSchema } from '#schemas/holidays.ts';
import { SMALL, yaml } from '../helpers/content.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-holidays-'));
  dirs.push(dir);
  cpSync(SMALL, dir, { recursive: true });
  return dir;
}
const check = (dir: string, today: string) => checkContent(dir, { today, lastChanged: () => today });
const holidayWarnings = (dir: string, today: string) => check(dir, today).problems.filter((p) => p.kind === 'holidays-missing-year');

describe('the shipped arrangements', () => {
  it('pass the same schema as an organisation’s file: every 调休 day a weekend day, every day off in its year', () => {
    const result = holidaysSchema.safeParse({ years: OFFICIAL_YEARS.map((y) => ({ ...y, holidays: y.holidays.map((h) => ({ ...h, workdays: [...(h.workdays ?? [])] })) })) });
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it('hold 2025 and 2026 and no year the State Council has not published', () => {
    expect([...OFFICIAL_CALENDAR.years.keys()].sort()).toEqual([2025, 2026]);
  });

  it('name the holiday of a day off and of a 调休 working day', () => {
    expect(dayKind('2026-10-08')).toEqual({ kind: 'weekday' });
    expect(dayKind('2026-10-07')).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(dayKind('2026-10-10')).toEqual({ kind: 'adjusted-workday', name: '国庆节' });
    expect(dayKind('2026-02-28')).toEqual({ kind: 'adjusted-workday', name: '春节' });
    expect(dayKind('2025-10-08')).toEqual({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(dayKind('2026-11-21')).toEqual({ kind: 'weekend' });
  });
});

describe('a year with no arrangement', () => {
  it('is asked for in December for the next year, and whenever the current year is missing', () => {
    expect(missingYears(OFFICIAL_CALENDAR, '2026-11-30')).toEqual([]);
    expect(missingYears(OFFICIAL_CALENDAR, '2026-12-01')).toEqual([2027]);
    expect(missingYears(OFFICIAL_CALENDAR, '2027-03-01')).toEqual([2027]);
    expect(missingYears(OFFICIAL_CALENDAR, '2027-12-15')).toEqual([2027, 2028]);
  });

  it('gives one checker warning, pinned to holidays.yaml, naming the year, the file and an example entry', () => {
    expect(holidayWarnings(SMALL, '2026-11-22')).toEqual([]);
    const [warning, ...more] = holidayWarnings(SMALL, '2026-12-07');
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', file: 'holidays.yaml', line: 1, column: 1, field: 'years', fieldTitle: '年度安排' });
    expect(warning?.message).toContain('还没有 2027 年的法定节假日安排');
    expect(warning?.message).toContain('暂按周一至周五计算');
    expect(warning?.fix).toContain('holidays.yaml');
    expect(warning?.fix).toContain('year: 2027');
    expect(warning?.fix).toContain('workdays');
    // Two missing years are still one warning.
    const both = holidayWarnings(SMALL, '2027-12-07');
    expect(both).toHaveLength(1);
    expect(both[0]?.message).toContain('还没有 2027 年和 2028 年的法定节假日安排');
  });

  it('names the hall screens scheduled by 工作日 or 节假日, which play Monday to Friday that year', () => {
    const dir = copy();
    mkdirSync(join(dir, 'screens'), { recursive: true });
    writeFileSync(
      join(dir, 'screens', 'dating.yaml'),
      yaml('name: 大厅屏', 'when:', '  days: 周一至周六（节假日除外）', 'slides:', '  - type: 自定义', '    title: 节假日就诊', '    when:', '      days: 节假日'),
    );
    writeFileSync(join(dir, 'screens', 'menzhen.yaml'), yaml('name: 门诊屏', 'when:', '  days: 周一至周五', 'slides:', '  - type: 自定义', '    title: 温馨提示'));
    const [warning, ...more] = holidayWarnings(dir, '2027-03-01');
    expect(more).toEqual([]);
    expect(warning?.message).toContain('显示屏 screens/dating.yaml');
    expect(warning?.message).not.toContain('menzhen');
    expect(warning?.message).toContain('只认周一至周五、周六周日');
    // With the year published, nothing to say.
    expect(holidayWarnings(dir, '2026-03-01')).toEqual([]);
  });

  it('never stops a build: the folder checks without errors', () => {
    expect(check(SMALL, '2027-06-01').problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

/** A fictional far-off year, so that no test reads like a real arrangement that has not been published. */
const OWN_YEAR = yaml(
  '# 国务院办公厅关于2030年部分节假日安排的通知（测试用，虚构）',
  'years:',
  '  - year: 2030',
  '    source: 测试用虚构安排',
  '    holidays:',
  '      - name: 国庆节',
  '        from: 2030-10-01',
  '        to: 2030-10-07',
  '        workdays: [2030-09-29, 2030-10-12]',
);

describe("an organisation's holidays.yaml", () => {
  it('adds a year: no warning for it, and working days counted with it', () => {
    const dir = copy();
    writeFileSync(join(dir, 'holidays.yaml'), OWN_YEAR);
    expect(holidayWarnings(dir, '2030-06-01')).toEqual([]);
    expect(check(dir, '2030-06-01').problems.filter((p) => p.severity === 'error')).toEqual([]);
    const { calendar } = parseHolidays('holidays.yaml', OWN_YEAR);
    expect(isWorkday('2030-10-02', calendar)).toBe(false); // a Wednesday of 国庆
    expect(isWorkday('2030-10-12', calendar)).toBe(true); // Saturday, 调休上班
    // 2030-10-01 is a Tuesday: 10月8日–11日, Saturday the 12th worked, Monday the 14th.
    expect(workdaysBetween('2030-09-30', '2030-10-14', calendar)).toBe(6);
  });

  it('is not a stray file and keeps the shipped years', () => {
    const dir = copy();
    writeFileSync(join(dir, 'holidays.yaml'), OWN_YEAR);
    const { problems } = check(dir, '2026-11-22');
    expect(problems.filter((p) => p.file === 'holidays.yaml')).toEqual([]);
    expect(parseHolidays('holidays.yaml', OWN_YEAR).calendar.years.has(2026)).toBe(true);
  });

  it('says in Chinese, at its line and field, what is wrong with a 调休 day inside the holiday, and nothing else', () => {
    const dir = copy();
    writeFileSync(join(dir, 'holidays.yaml'), OWN_YEAR.replace('2030-10-12]', '2030-10-05]'));
    const problems = check(dir, '2030-06-01').problems.filter((p) => p.file === 'holidays.yaml' && p.severity === 'error');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 9,
        column: 32,
        field: 'years[0].holidays[0].workdays[1]',
        fieldTitle: '调休上班日',
        message: '调休上班日 2030-10-05 在国庆节放假期间（2030-10-01 至 2030-10-07）',
      }),
    ]);
    // The year the file fails to add is not asked for again as missing: the error says what to fix.
    expect(holidayWarnings(dir, '2030-06-01')).toEqual([]);
  });

  it('names the field of a missing end date and a 调休 day that is a weekday', () => {
    const text = yaml('years:', '  - year: 2030', '    holidays:', '      - name: 元旦', '        from: 2030-01-01', '        workdays: [2030-01-02]');
    const { problems } = parseHolidays('holidays.yaml', text);
    expect(problems.map((p) => [p.line, p.field, p.severity])).toEqual([
      [4, 'years[0].holidays[0].to', 'error'],
      [6, 'years[0].holidays[0].workdays[0]', 'error'],
    ]);
    expect(problems[1]?.message).toBe('调休上班日 2030-01-02 是周三，本来就上班');
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message) && p.fix)).toBe(true);
  });

  it('rejects a year written twice', () => {
    const twice = yaml(
      'years:',
      '  - year: 2030',
      '    holidays: [{ name: 元旦, from: 2030-01-01, to: 2030-01-01 }]',
      '  - year: 2030',
      '    holidays: [{ name: 清明节, from: 2030-04-05, to: 2030-04-07 }]',
    );
    expect(parseHolidays('holidays.yaml', twice).problems.map((p) => [p.line, p.field, p.message])).toEqual([[4, 'years[1].year', '2030 年写了两次（第 1 项和第 2 项）']]);
  });

  it('rejects a holiday outside its year', () => {
    const outside = yaml('years:', '  - year: 2030', '    holidays: [{ name: 清明节, from: 2031-04-05, to: 2031-04-07 }]');
    expect(parseHolidays('holidays.yaml', outside).problems.map((p) => p.field)).toEqual(['years[0].holidays[0].from', 'years[0].holidays[0].to']);
  });

  it('falls back to the shipped years when it has an error', () => {
    const { calendar, problems } = parseHolidays('holidays.yaml', 'years: 2030\n');
    expect(problems).toHaveLength(1);
    expect(calendar.years.has(2030)).toBe(false);
    expect(isWorkday('2026-10-08', calendar)).toBe(true);
  });
});

describe('the note on hours given in 工作日', () => {
  const workdayHours = { regular: [{ days: '工作日', times: ['08:30-12:00'] }], holidays: '法定节假日休息' };
  it('states the rule and the next closure from the data, with its 调休 days', () => {
    expect(workdayHoursNote(workdayHours, OFFICIAL_CALENDAR, '2026-09-21')).toEqual({
      rule: expect.stringContaining('国务院办公厅'),
      next: '中秋节假期 9月25日—9月27日不办公',
    });
    expect(workdayHoursNote(workdayHours, OFFICIAL_CALENDAR, '2026-09-28')?.next).toBe('国庆节假期 10月1日—10月7日不办公');
    // 9月20日 has gone by; 10月10日 is still to come.
    expect(workdayHoursNote(workdayHours, OFFICIAL_CALENDAR, '2026-09-28')?.nextWorkdays).toBe('10月10日（周六）');
    expect(workdayHoursNote(workdayHours, OFFICIAL_CALENDAR, '2026-09-12')?.next).toBe('中秋节假期 9月25日—9月27日不办公');
    // During the holiday it is still the closure to show.
    expect(nextClosure(OFFICIAL_CALENDAR, '2026-10-07')?.name).toBe('国庆节');
  });

  it('states only the rule when the data has no later closure, never a guessed one', () => {
    expect(workdayHoursNote(workdayHours, OFFICIAL_CALENDAR, '2026-12-07')).toEqual({ rule: expect.any(String) });
  });

  it('is absent for hours written as weekdays', () => {
    expect(workdayHoursNote({ regular: [{ days: '周一至周五', times: ['08:30-12:00'] }], holidays: '法定节假日休息' }, OFFICIAL_CALENDAR, '2026-09-21')).toBeUndefined();
  });
});
