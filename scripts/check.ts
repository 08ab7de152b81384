/**
 * npm run check [-- --content <folder>] [--json]
 * Validates a content folder with the site's schemas and prints every problem
 * with its file, line, field and a fix. Exits 1 when there are errors.
 */
import { parseArgs } from 'node:util';
import { checkContent, hasErrors } from '../src/lib/content/check.ts';
import { resolveContentDir } from '../src/lib/content/folder.ts';
import { formatProblems } from '../src/lib/content/problem.ts';

const { values } = parseArgs({
  options: { content: { type: 'string' }, json: { type: 'boolean', default: false } },
});
const contentDir = resolveContentDir(values.content, process.cwd());
const started = performance.now();
const { problems, entries } = checkContent(contentDir);
const ms = Math.round(performance.now() - started);
if (values.json) {
  console.log(JSON.stringify({ contentDir, entries: entries.length, ms, problems }, null, 2));
} else {
  console.log(formatProblems(problems, { contentDir, color: process.stdout.isTTY }));
  console.log(`检查了 ${entries.length} 个条目，用时 ${ms} 毫秒。`);
}
process.exitCode = hasErrors(problems) ? 1 : 0;
