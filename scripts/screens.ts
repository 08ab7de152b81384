/**
 * npm run screens -- --log <access.log> [--site dist] [--html report.html]
 * Which hall screens are alive: each display's last contact and the build it
 * shows, read from the web server's access log. The command itself is
 * src/tools/screens/command.ts.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { screensCommand } from '#tools/screens/command.ts';

const { code, stdout, stderr } = screensCommand(process.argv.slice(2));
if (stdout) console.log(stdout);
if (stderr) console.error(stderr);
process.exitCode = code;
