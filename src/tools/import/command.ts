/**
 * `npm run import -- staff <roster> --unit <unit> [--content <folder>]
 * [--dry-run] [--overwrite]`, and `guide <file.docx|folder>` / `guides
 * <items.xlsx|csv>` with the same options: the command's arguments in, its
 * output and exit code out. scripts/import.ts only prints what this returns, so that tests
 * run the whole command in-process and start a process once, for the
 * command line itself.
 */
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatGuideImport, planGuideImport, writeGuideImport } from './guide-import.ts';
import { formatStaffImport, planStaffImport, writeStaffImport } from './staff-import.ts';

export const IMPORT_USAGE = `用法：npm run import -- staff <花名册.csv 或 .xlsx> --unit <单位文件夹名> [--content <内容文件夹>] [--dry-run] [--overwrite]
      npm run import -- guide <办事指南.docx 或文件夹> --unit <单位文件夹名> [--content <内容文件夹>] [--dry-run] [--overwrite]
      npm run import -- guides <事项清单.xlsx 或 .csv> --unit <单位文件夹名> [--content <内容文件夹>] [--dry-run] [--overwrite]
Usage: npm run import -- staff <roster.csv|roster.xlsx> --unit <unit> [--content <dir>] [--dry-run] [--overwrite]
       npm run import -- guide <guide.docx|folder> --unit <unit> [...]
       npm run import -- guides <items.xlsx|items.csv> --unit <unit> [...]`;

const KINDS = ['staff', 'guide', 'guides'];

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the import for `args` (as after `npm run import --`), with relative
 * paths taken from the working folder as on the command line; `today`
 * (YYYY-MM-DD) dates the files' header line. Writes nothing when there is
 * any error, or on --dry-run.
 */
export async function importCommand(args: readonly string[], options: { today: string }): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
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
    // A command line it cannot read: a usage error, exit code 2 (src/node/failure.ts).
    return { code: 2, stdout: '', stderr: `✗ ${(error as Error).message}\n${IMPORT_USAGE}` };
  }
  const { values, positionals } = parsed;
  const [kind, roster, ...extra] = positionals;
  if (values.help) return { code: 0, stdout: IMPORT_USAGE, stderr: '' };
  if (kind === undefined || !KINDS.includes(kind) || roster === undefined || extra.length > 0 || values.unit === undefined) {
    const why = kind !== undefined && !KINDS.includes(kind) ? `不能导入“${kind}”：能导入的是工作人员（staff）、办事指南（guide）和事项清单（guides）` : '参数不完整';
    return { code: 2, stdout: '', stderr: `✗ ${why}\n${IMPORT_USAGE}` };
  }
  const contentDir = resolveContentDir(values.content, process.cwd());
  if (kind === 'guide' || kind === 'guides') {
    const plan = await planGuideImport({ kind, input: roster, unit: values.unit, contentDir, overwrite: values.overwrite, today: options.today });
    const write = plan.errors.length === 0 && !values['dry-run'];
    if (write) writeGuideImport(plan, contentDir);
    const code = plan.errors.length > 0 ? plan.errorCode : plan.checkErrors > 0 ? 1 : 0;
    return { code, stdout: formatGuideImport(plan, { dryRun: values['dry-run'], written: write }), stderr: '' };
  }
  const plan = await planStaffImport({ roster, unit: values.unit, contentDir, overwrite: values.overwrite, today: options.today });
  const write = plan.errors.length === 0 && !values['dry-run'];
  if (write) writeStaffImport(plan, contentDir);
  return { code: plan.errors.length > 0 ? 1 : 0, stdout: formatStaffImport(plan, { dryRun: values['dry-run'], written: write }), stderr: '' };
}
