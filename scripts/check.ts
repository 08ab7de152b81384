/**
 * npm run check [-- --content <folder>] [--now 2026-11-22] [--json]
 *                  [--stale] [--report [--html] [--out report.html]]
 *
 * Validates a content folder with the site's schemas and rules and prints
 * every problem on one line with its file, line, field and a fix. Exits 1
 * when there are errors (warnings alone exit 0), whatever it prints: with
 * --stale or --report the list or table is printed and a note on stderr
 * says how many errors there are.
 *   --json     the same as JSON, for machines
 *   --stale    only what is out of date, grouped by unit, for a supervisor
 *   --report   how complete each unit's disclosure is, as tables;
 *              with --html a printable A4 page, to stdout or to --out
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkContent } from '#lib/content/check.ts';
import { completeness, completenessHtml, formatCompleteness } from '#lib/content/completeness.ts';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatProblems, formatStale, problemsJson } from '#lib/content/problem.ts';
import { FRESHNESS_KINDS } from '#lib/content/rules/freshness.ts';
import { isCalendarDate } from '#lib/dates.ts';
import { environmentText } from '#lib/options.ts';

const HELP = `用法：npm run check -- [选项]
  --content <文件夹>   要检查的内容文件夹（默认 content/ 或 SILIANG_CONTENT）
  --now <年-月-日>     把这一天当作今天（默认按机构时区的今天，或 SILIANG_NOW）
  --json               以 JSON 输出，供其他程序读取
  --stale              只列出过期和需要核对的内容，按单位分组
  --report             每个单位的公开内容完整度表
  --html               和 --report 一起用：输出可打印的 A4 网页
  --out <文件>         把 --report --html 的网页写到文件，而不是屏幕`;

function readArgs() {
  try {
    return parseArgs({
      options: {
        content: { type: 'string' },
        now: { type: 'string' },
        json: { type: 'boolean', default: false },
        stale: { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        html: { type: 'boolean', default: false },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return process.exit(2);
  }
}
const values = readArgs();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const now = values.now ?? environmentText('now');
if (values.now !== undefined && !isCalendarDate(values.now)) {
  console.error(`--now 要写成 2026-11-22 这样的日期，现在是“${values.now}”`);
  process.exit(2);
}

const contentDir = resolveContentDir(values.content, process.cwd());
const started = performance.now();
const check = checkContent(contentDir, now !== undefined ? { now } : {});
const ms = Math.round(performance.now() - started);
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const stats = { contentDir, files: check.files, ms };

const errors = check.problems.filter((p) => p.severity === 'error').length;
// --stale and --report show only part of what the checker found; errors still fail the run, as in plain check.
const errorsNote = `\n注意：内容还有 ${errors} 处错误，有错误的文件没有计入上面的结果。运行 npm run check 查看并改正。`;

if (values.report) {
  const units = completeness(check.entries, { today: check.today });
  if (values.html) {
    const html = completenessHtml(units, { today: check.today });
    if (values.out) {
      writeFileSync(values.out, html);
      console.log(`完整度表已写到 ${values.out}`);
    } else process.stdout.write(html);
  } else console.log(formatCompleteness(units, { today: check.today }));
  if (errors > 0) console.error(errorsNote);
} else if (values.stale) {
  const stale = check.problems.filter((p) => FRESHNESS_KINDS.has(p.kind));
  if (values.json) console.log(JSON.stringify({ today: check.today, contentErrors: errors, ...problemsJson(stale, stats) }, null, 2));
  else {
    const names = new Map(check.entries.filter((e) => e.collection === 'units').map((e) => [e.id, String(e.data.name)]));
    console.log(formatStale(stale, names, { color, today: check.today }));
  }
  if (errors > 0) console.error(errorsNote);
} else if (values.json) {
  console.log(JSON.stringify({ today: check.today, ...problemsJson(check.problems, stats) }, null, 2));
} else {
  console.log(formatProblems(check.problems, { ...stats, color }));
}
process.exitCode = errors > 0 ? 1 : 0;
