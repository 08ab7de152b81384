/**
 * npm run next-change -- [--content <folder>] [--now <date>] [--json]
 * Prints when a build would next differ by the date alone, for scheduling
 * rebuilds. The command itself is src/tools/next-change/command.ts.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { nextChangeCommand } from '#tools/next-change/command.ts';

const { code, stdout, stderr } = nextChangeCommand(process.argv.slice(2));
if (stdout) console.log(stdout);
if (stderr) console.error(stderr);
process.exitCode = code;
