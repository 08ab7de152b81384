/**
 * npm run import -- staff <roster.csv|roster.xlsx> --unit <unit> [--content <folder>] [--dry-run] [--overwrite]
 * Turns a staff roster with Chinese column headers into staff files, all or
 * nothing: any error (a number Excel changed, an unknown post…) is printed
 * with its row and column and nothing is written. Exits 1 on errors.
 */
import { parseArgs } from 'node:util';
import { todayIn } from '../src/lib/dates.ts';
import { resolveContentDir } from '../src/lib/content/folder.ts';
import { formatStaffImport, planStaffImport, writeStaffImport } from '../src/lib/import/staff-import.ts';

const USAGE = `用法：npm run import -- staff <花名册.csv 或 .xlsx> --unit <单位文件夹名> [--content <内容文件夹>] [--dry-run] [--overwrite]
Usage: npm run import -- staff <roster.csv|roster.xlsx> --unit <unit> [--content <dir>] [--dry-run] [--overwrite]`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      unit: { type: 'string' },
      content: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      overwrite: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`✗ ${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}
const { values, positionals } = parsed;
const [kind, roster, ...extra] = positionals;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (kind !== 'staff' || roster === undefined || extra.length > 0 || values.unit === undefined) {
  console.error(`✗ ${kind !== undefined && kind !== 'staff' ? `目前只能导入工作人员（staff），不能导入“${kind}”` : '参数不完整'}\n${USAGE}`);
  process.exit(1);
}

const contentDir = resolveContentDir(values.content, process.cwd());
const plan = await planStaffImport({ roster, unit: values.unit, contentDir, overwrite: values.overwrite, today: todayIn('Asia/Shanghai') });
const write = plan.errors.length === 0 && !values['dry-run'];
if (write) writeStaffImport(plan, contentDir);
console.log(formatStaffImport(plan, { dryRun: values['dry-run'], written: write }));
process.exitCode = plan.errors.length > 0 ? 1 : 0;
