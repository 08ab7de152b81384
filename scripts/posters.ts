/**
 * npm run posters [-- --unit menzhen] [--format board] [--size a3] [--out posters]
 *                    [--theme red|blue|mono] [--jobs 2] [--site dist] [--content <folder>] [--now 2026-11-22]
 * Builds the site (or uses --site) and exports its print pages to PDF: one
 * file per unit and format, and <unit>-all.pdf combining them.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../src/lib/content/folder.ts';
import { formatProblems } from '../src/lib/content/problem.ts';
import { readSiteSettings } from '../src/lib/content/site-settings.ts';
import { FORMATS, PAPER, type FormatId, type PaperSize } from '../src/lib/print/formats.ts';
import { buildSite } from '../src/node/build.ts';
import { exportPosters } from '../src/node/posters.ts';

const { values } = parseArgs({
  options: {
    unit: { type: 'string', multiple: true },
    format: { type: 'string', multiple: true },
    size: { type: 'string', multiple: true },
    out: { type: 'string', default: 'posters' },
    theme: { type: 'string' },
    jobs: { type: 'string' },
    site: { type: 'string' },
    content: { type: 'string' },
    now: { type: 'string' },
    base: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}

for (const f of values.format ?? []) if (!(f in FORMATS)) fail(`不认识的格式“${f}”。可选：${Object.keys(FORMATS).join('、')}`);
for (const s of values.size ?? []) if (!(s in PAPER)) fail(`不认识的纸张“${s}”。可选：${Object.keys(PAPER).join('、')}`);
if (values.theme && !['red', 'blue', 'mono'].includes(values.theme)) fail('配色只能是 red、blue 或 mono');

const contentDir = resolveContentDir(values.content, process.cwd());
let siteDir = values.site ? resolve(values.site) : resolve('.siliang/posters-site');
if (!values.site) {
  console.log('正在生成网站……');
  const built = await buildSite({
    content: contentDir,
    outDir: siteDir,
    logLevel: 'warn',
    ...(values.now ? { now: values.now } : {}),
    ...(values.base ? { base: values.base } : {}),
  });
  if (!built.ok) {
    if (built.problems.length) console.error(formatProblems(built.problems, { contentDir, color: process.stderr.isTTY }));
    fail(built.error ?? '内容有错误，没有导出海报');
  }
  siteDir = built.outDir;
}
const base = readSiteSettings(contentDir, values.base)?.base ?? '/';
const out = resolve(values.out ?? 'posters');
const tty = process.stdout.isTTY;

try {
  const result = await exportPosters({
    siteDir,
    base,
    outDir: out,
    ...(values.unit ? { units: values.unit } : {}),
    ...(values.format ? { formats: values.format as FormatId[] } : {}),
    ...(values.size ? { sizes: values.size as PaperSize[] } : {}),
    ...(values.theme ? { theme: values.theme as 'red' | 'blue' | 'mono' } : {}),
    ...(values.jobs ? { jobs: Number(values.jobs) } : {}),
    onProgress: (done, total, page, file) => {
      const line = `[${done}/${total}] ${FORMATS[page.format].title} · ${page.title}（${PAPER[page.size].label}）→ ${file}`;
      if (tty) process.stdout.write(`\r\u001b[2K${line}`);
      else console.log(line);
    },
  });
  if (tty) process.stdout.write('\n');
  if (result.overflowing.length > 0) {
    fail(`这些页面的内容放不下，需要缩短或换大一号的纸：\n${result.overflowing.map((p) => `  ${p}`).join('\n')}`);
  }
  console.log(
    `✓ 已导出 ${result.files.length} 个 PDF（共 ${result.pdfPages} 页）到 ${relative(process.cwd(), out) || '.'}/，用时 ${result.seconds.toFixed(1)} 秒（${(result.pdfPages / result.seconds).toFixed(1)} 页/秒）`,
  );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
