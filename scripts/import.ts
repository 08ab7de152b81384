/**
 * npm run import -- staff <roster.csv|roster.xlsx> --unit <unit> [--content <folder>] [--dry-run] [--overwrite]
 * Turns a staff roster with Chinese column headers into staff files, all or
 * nothing: any error (a number Excel changed, an unknown post…) is printed
 * with its row and column and nothing is written. Exits 1 on errors. The
 * command itself is src/tools/import/command.ts.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { todayIn } from '#lib/dates.ts';
import { importCommand } from '#tools/import/command.ts';

const { code, stdout, stderr } = await importCommand(process.argv.slice(2), { today: todayIn('Asia/Shanghai') });
if (stdout) console.log(stdout);
if (stderr) console.error(stderr);
process.exitCode = code;
