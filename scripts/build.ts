/**
 * npm run build [-- --content <folder>] [--out <folder>] [--now 2026-11-22] [--base /gongkai/] [--print all|none|<unit,unit>] [--figures <file.json>]
 * Checks the content, builds the site beside the output folder and swaps it
 * in only when everything succeeded. Exits 1, with the old site untouched,
 * when the content has errors, and 3 when the build fails otherwise; exits 2,
 * having written nothing, when the output folder may not be used
 * (src/lib/output-folder.ts).
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatProblems } from '#lib/content/problem.ts';
import { EXIT, NOT_THE_CONTENT } from '#node/failure.ts';
import { OptionsError, readSiliangOptions, type SiliangOptions } from '#lib/options.ts';
import { inspectOutput } from '#node/output.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    out: { type: 'string' },
    now: { type: 'string' },
    base: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    // Which units' print sheets to render; a province builds its citizen site with none (src/lib/print/selection.ts).
    print: { type: 'string' },
    // For npm run bench: pages, seconds and the photo and search steps' figures, as JSON.
    figures: { type: 'string' },
  },
});

function refuse(message: string): void {
  console.error(`\n✗ ${message}\n\n没有生成，也没有改动任何文件。`);
  process.exitCode = 2;
}

// A wrong setting (on the command line or in the environment) or a wrong
// --out is answered at once, before Astro takes seconds to load; buildSite
// looks again (with the same defaults) before it writes.
let options: SiliangOptions;
try {
  options = readSiliangOptions({ content: values.content, now: values.now, base: values.base, print: values.print });
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  refuse(error.problems.join('\n✗ '));
  process.exit();
}
const early = await inspectOutput(resolve(values.out ?? 'dist'), { content: resolveContentDir(options.content, process.cwd()), root: process.cwd() }).catch(() => undefined);
if (early && !early.ok) {
  refuse(early.message);
  process.exit();
}

const { buildSite } = await import('#node/build.ts');
const result = await buildSite({
  ...(values.content ? { content: values.content } : {}),
  ...(values.out ? { outDir: values.out } : {}),
  ...(values.now ? { now: values.now } : {}),
  ...(values.base ? { base: values.base } : {}),
  ...(values.print ? { print: values.print } : {}),
  logLevel: values.quiet ? 'warn' : 'info',
});
const out = relative(process.cwd(), result.outDir) || '.';

if (values.figures) {
  const { ok, pages, seconds, steps } = { pages: 0, seconds: 0, steps: {}, ...result };
  writeFileSync(values.figures, JSON.stringify({ ok, pages, seconds, steps }));
}

for (const note of result.notes ?? []) console.log(`\n${note}`);

if (!result.ok && result.refused) {
  refuse(result.error ?? '');
} else if (result.ok) {
  if (result.warnings.length > 0) console.log(`\n${formatProblems(result.warnings, { color: process.stdout.isTTY })}`);
  console.log(`\n✓ 网站已生成：${out}/（${result.pages} 个页面，用时 ${result.seconds.toFixed(1)} 秒）`);
} else {
  if (result.problems.length > 0) console.error(`\n${formatProblems(result.problems, { contentDir: result.contentDir, color: process.stderr.isTTY })}`);
  // The content passed its check and the build still failed: the program's (or the machine's) fault, exit code 3.
  const internal = result.error !== undefined && !result.problems.some((p) => p.severity === 'error');
  if (result.error) console.error(`\n✗ 构建失败：${result.error}`);
  if (internal) console.error(`  内容检查已通过：${NOT_THE_CONTENT}（也可能是运行环境的问题，如磁盘已满）。请把这几行报告给维护这个网站的技术人员（见 README.md）。`);
  console.error(`\n原来的网站（${out}/）没有被改动。${internal ? '' : '改正上面的问题后重新运行 npm run build。'}`);
  process.exitCode = internal ? EXIT.internal : EXIT.content;
}
