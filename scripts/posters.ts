/**
 * npm run posters [-- --unit menzhen] [--format board] [--size a3] [--out posters]
 *                    [--theme red|blue|mono] [--jobs 2] [--site dist] [--content <folder>] [--now 2026-11-22]
 * Builds the site (or uses --site) and exports its print pages to PDF: one
 * file per unit and format, and <unit>-all.pdf combining them.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '#lib/content/folder.ts';
import { formatProblems } from '#lib/content/problem.ts';
import { readSiteSettings } from '#lib/content/site-settings.ts';
import { FORMATS, PAPER } from '#lib/print/formats.ts';
import { checkPosterOptions, checkUnits } from '#lib/print/poster-options.ts';
import { chromiumPath } from '#node/chromium.ts';
import { EXIT, NOT_THE_CONTENT } from '#node/failure.ts';
import { exportPosters, PosterRequestError, unitsInContent, unitsInSite } from '#node/posters.ts';

const HELP = `用法：npm run posters [-- 选项]
生成网站并把打印页导出为 PDF：每个单位每种格式一个文件，另有一个 <单位>-all.pdf 合订本。

  --unit <单位>      只导出这个单位（文件夹名，如 menzhen）；可写多次。site 表示全局的监督公示
  --format <格式>    只导出这种格式：${Object.keys(FORMATS).join('、')}；可写多次
  --size <纸张>      只导出这种纸张：${Object.keys(PAPER).join('、')}；可写多次
  --theme <配色>     red（红色）、blue（蓝色）或 mono（黑白），默认用 site.yaml 的设置
  --out <文件夹>     PDF 放在哪里，默认 posters/
  --jobs <数量>      同时用几个浏览器标签页导出（每个一次排印一批页面），默认按 CPU 核数
  --site <文件夹>    用已经生成好的网站（npm run build 的 dist/），不再生成
  --content <文件夹> 内容文件夹，默认 content/ 或环境变量 SILIANG_CONTENT
  --base <路径>      网站不在域名根目录时的路径，如 /gongkai/（默认按 site.yaml）
  --now <日期>       按这一天生成（如 2026-11-22），用于补印某天的版本
  -h, --help         显示这段说明

找不到 Chromium 时：apt-get install chromium，或设置 CHROME_PATH 指向浏览器程序。`;

/** Stops with a message; by default a usage error (exit code 2): an option, unit or program to change. */
function fail(message: string, code: number = EXIT.usage): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

/** The command line; an unknown option is a one-line error, not a stack trace. */
function readArgs() {
  try {
    return parseArgs({
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    return fail(`看不懂命令行参数：${error instanceof Error ? error.message : String(error)}。运行 npm run posters -- --help 查看所有选项`);
  }
}

const values = readArgs();
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

// Everything that can be wrong with the command line is reported before anything slow starts.
const checked = checkPosterOptions(values);
if (!checked.ok) fail(checked.errors.join('\n✗ '));
const options = checked.value;

const contentDir = resolveContentDir(values.content, process.cwd());
let siteDir = values.site ? resolve(values.site) : resolve('.siliang/posters-site');
if (values.site && !existsSync(resolve(values.site, 'print', 'manifest.json'))) {
  fail(
    `${values.site} 里没有打印清单（print/manifest.json）：请先运行 npm run build，或去掉 --site 让这里生成网站。(No print/manifest.json in ${values.site}: build the site first, or leave out --site.)`,
  );
}
// An existing build knows its own units; otherwise the content folder that is about to be built does.
const unitErrors = checkUnits(options.units, (values.site ? unitsInSite(siteDir) : undefined) ?? unitsInContent(contentDir));
if (unitErrors.length > 0) fail(unitErrors.join('\n✗ '));

// Chromium is looked for before the build, which takes a while: its absence is the commonest failure and the message says how to fix it.
let executablePath: string;
try {
  executablePath = chromiumPath();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (!values.site) {
  console.log('正在生成网站……');
  // Loaded only now: Astro takes seconds to import, and the checks above should answer at once.
  const { buildSite } = await import('#node/build.ts');
  const built = await buildSite({
    content: contentDir,
    outDir: siteDir,
    logLevel: 'warn',
    // Sheets print the whole staff board, whatever site.yaml keeps off the web; this build is not published.
    audience: 'print',
    ...(values.now ? { now: values.now } : {}),
    ...(values.base ? { base: values.base } : {}),
    // Only the chosen units' sheets are rendered: at a province's scale that is the difference between seconds and many minutes.
    ...(options.units?.length ? { print: options.units.filter((u) => u !== 'site').join(',') || 'none' } : {}),
  });
  if (!built.ok) {
    if (built.problems.length) console.error(formatProblems(built.problems, { contentDir, color: process.stderr.isTTY }));
    if (built.problems.some((p) => p.severity === 'error') || !built.error) fail(built.error ?? '内容有错误，没有导出海报', EXIT.content);
    fail(built.refused ? built.error : `${built.error}（内容检查已通过：${NOT_THE_CONTENT}）`, built.refused ? EXIT.usage : EXIT.internal);
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
    ...options,
    executablePath,
    onProgress: (done, total, page, file) => {
      const line = `[${done}/${total}] ${FORMATS[page.format].title} · ${page.title}（${PAPER[page.size].label}）→ ${file}`;
      if (tty) process.stdout.write(`\r\u001b[2K${line}`);
      else console.log(line);
    },
  });
  if (tty) process.stdout.write('\n');
  if (result.overflowing.length > 0) {
    const cut = result.cut.map((c) => `  ${c.page}：“${c.text}”太长，最小的字号也放不下`);
    fail([`这些页面的内容放不下，需要缩短或换大一号的纸（PDF 已导出，但放不下的内容印不全）：`, ...result.overflowing.map((p) => `  ${p}`), ...cut].join('\n'), EXIT.content);
  }
  // The time is the export's, Chromium's start included; building the site, when this run did, is not in it.
  console.log(
    `✓ 已导出 ${result.files.length} 个 PDF（共 ${result.pdfPages} 页）到 ${relative(process.cwd(), out) || '.'}/，导出用时 ${result.seconds.toFixed(1)} 秒（${(result.pdfPages / result.seconds).toFixed(1)} 页/秒）`,
  );
} catch (error) {
  // Anything else is a fault of the program or of Chromium: the failure handler reports it, exit code 3.
  if (!(error instanceof PosterRequestError)) throw error;
  fail(error.message);
}
