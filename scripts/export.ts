/**
 * npm run export -- docx <procedure.md|unit> [--out <folder>] [--content <folder>]
 * Writes procedures as Word service guides (.docx) that the guide import
 * reads back. Exits 1 when a procedure has errors (the others are still
 * exported), 2 on a wrong command line. The command itself is
 * src/tools/import/export-command.ts.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { exportCommand } from '#tools/import/export-command.ts';

const { code, stdout, stderr } = await exportCommand(process.argv.slice(2));
if (stdout) console.log(stdout);
if (stderr) console.error(stderr);
process.exitCode = code;
