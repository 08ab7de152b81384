/**
 * `npm run import -- staff <roster> --unit <unit> [--content <folder>]
 * [--dry-run] [--overwrite]`: the command's arguments in, its output and exit
 * code out. scripts/import.ts only prints what this returns, so that tests
 * run the whole command in-process and start a process once, for the
 * command line itself.
 */
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatStaffImport, planStaffImport, writeStaffImport } from './staff-import.ts';

export const IMPORT_USAGE = `用法：npm run import -- staff <花名册.csv 或 .xlsx> --unit <单位文件夹名> [--content <内容文件夹>] [--dry-run] [--overwrite]
Usage: npm run import -- staff <roster.csv|roster.xlsx> --unit <unit> [--content <dir>] [--dry-run] [--overwrite]`;

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
  if (kind !== 'staff' || roster === undefined || extra.length > 0 || values.unit === undefined) {
    const why = kind !== undefined && kind !== 'staff' ? `目前只能导入工作人员（staff），不能导入“${kind}”` : '参数不完整';
    return { code: 2, stdout: '', stderr: `✗ ${why}\n${IMPORT_USAGE}` };
  }
  const contentDir = resolveContentDir(values.content, process.cwd());
  const plan = await planStaffImport({ roster, unit: values.unit, contentDir, overwrite: values.overwrite, today: options.today });
  const write = plan.errors.length === 0 && !values['dry-run'];
  if (write) writeStaffImport(plan, contentDir);
  return { code: plan.errors.length > 0 ? 1 : 0, stdout: formatStaffImport(plan, { dryRun: values['dry-run'], written: write }), stderr: '' };
}
