/**
 * `npm run next-change -- [--content <folder>] [--now <date or time>] [--json]`:
 * the next instant, in the organisation's time zone, at which a build of the
 * content would differ by the date alone (src/lib/next-change.ts). Arguments
 * in, output and exit code out; scripts/next-change.ts only prints.
 */
import { parseArgs } from 'node:util';
import { checkContent, hasErrors } from '#lib/content/check.ts';
import { isEntryOf } from '#lib/content/entry.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import { readHolidays } from '#lib/content/holidays-file.ts';
import { hoursUseWorkdays, nextClosure } from '#lib/holidays.ts';
import { nextChange, startOfDayIn } from '#lib/next-change.ts';

export const NEXT_CHANGE_USAGE = `用法：npm run next-change -- [--content <内容文件夹>] [--now 2026-12-07] [--json]
Usage: npm run next-change -- [--content <dir>] [--now <date|ISO time>] [--json]`;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function nextChangeCommand(args: readonly string[], options: { cwd?: string } = {}): CommandResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { content: { type: 'string' }, now: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (error) {
    return { code: 2, stdout: '', stderr: `✗ ${(error as Error).message}\n${NEXT_CHANGE_USAGE}` };
  }
  if (values.help) return { code: 0, stdout: NEXT_CHANGE_USAGE, stderr: '' };
  const contentDir = resolveContentDir(values.content, options.cwd ?? process.cwd());
  const check = checkContent(contentDir, values.now !== undefined ? { now: values.now } : {});
  if (hasErrors(check.problems)) {
    return {
      code: 1,
      stdout: '',
      stderr: `✗ 内容有错误，先用 npm run check${values.content ? ` -- --content ${values.content}` : ''} 查看并改正 / the content has errors: run npm run check`,
    };
  }
  const site = check.entries.find(isEntryOf('site'));
  const timezone = site?.data.timezone ?? 'Asia/Shanghai';
  const notices = check.entries.filter(isEntryOf('notices')).map((e) => e.data);
  const pledges = check.entries.filter(isEntryOf('pledges')).map((e) => e.data);
  // Pages announce the next closure beside hours given in 工作日; it moves on when the holiday is over.
  const workdayHours = check.entries.some((e) => 'hours' in e.data && e.data.hours !== undefined && typeof e.data.hours === 'object' && hoursUseWorkdays(e.data.hours));
  const closure = workdayHours ? nextClosure(readHolidays(contentDir).calendar, check.today) : undefined;
  const next = nextChange({ notices, pledges, closure }, check.today);
  if (values.json) {
    const at = next ? startOfDayIn(next.day, timezone) : null;
    return { code: 0, stdout: JSON.stringify({ today: check.today, timezone, at, day: next?.day ?? null, reasons: next?.reasons ?? [] }, null, 2), stderr: '' };
  }
  if (!next) return { code: 0, stdout: `今天是 ${check.today}（${timezone}）。内容里没有按日期安排的变化；每晚 00:05 的构建照常即可。`, stderr: '' };
  return {
    code: 0,
    stdout: [
      `下一次按日期变化：${next.day} 00:00（${timezone}），即 ${startOfDayIn(next.day, timezone)}`,
      ...next.reasons.map((r) => `- ${r}`),
      '在这个时间之后重新构建一次，网站和显示屏就会按时更新（示例流水线每晚 00:05 也会构建）。',
    ].join('\n'),
    stderr: '',
  };
}
