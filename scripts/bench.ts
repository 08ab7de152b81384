/**
 * npm run bench [-- --sizes 20,300] [--units 3500] [--skip-example] [--json <file>] [--photo-size 1080x1440] [--print none]
 *
 * Figures, printed, never asserted. First the example organisation (content
 * check, build, search, a hall screen's memory over a long run), then the
 * scale benchmark: generated organisations of 20 and 300 window units (add
 * `--units 3500` for a province), each built cold beside a bare Astro site
 * of the same page count. Targets are printed beside the figures. Every
 * figure is also written as JSON (default .siliang/bench/results-<time>.json)
 * so that runs can be compared.
 */
// First, before anything else loads: a failure nothing catches is reported in a line, with exit code 3.
import '#node/failure-handler.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent } from '#lib/content/check.ts';
import { buildSite } from '#node/build.ts';
import { measureKioskMemory } from '#node/bench/kiosk.ts';
import { measureKioskType, type KioskType } from '#node/bench/kiosk-type.ts';
import { kioskTypeLines } from '#node/bench/kiosk-type-report.ts';
import { formatPrintFigures, measurePrintFigures } from '#node/bench/print-type.ts';
import { serveStatic } from '#node/static-server.ts';
import { chromium } from 'playwright-core';
import { printScale } from '#node/bench/report.ts';
import { benchScale, type ScaleFigures } from '#node/bench/scale.ts';
import { measureSearch } from '#node/bench/search.ts';
import { runQueryTable } from '#node/bench/search-quality.ts';
import { SEARCH_QUERIES } from '#tools/bench/search-queries.ts';
import { formatQualityTable, misses, scoreByCategory } from '#tools/bench/search-quality.ts';
import { chromiumPath, CHROMIUM_ARGS } from '#node/chromium.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20,300' },
    units: { type: 'string', multiple: true },
    'skip-example': { type: 'boolean', default: false },
    json: { type: 'string' },
    'photo-size': { type: 'string' },
    print: { type: 'string', default: 'all' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`用法 / Usage: npm run bench [-- --sizes 20,300] [--units 3500] [--skip-example] [--json 结果.json] [--photo-size 1080x1440] [--print none]
  --sizes         要测的单位数，逗号分隔（默认 20,300）/ organisation sizes to measure
  --units N       再加测一个规模，例如 3500（省级，约需半小时）/ add a size, e.g. 3500
  --skip-example  不测示例单位 / skip the example organisation
  --json FILE     结果另存为 JSON（默认 .siliang/bench/results-<时间>.json）
  --photo-size    生成照片的尺寸（默认 1080x1440）/ generated photo size
  --print none    构建时不生成打印页（省级规模的做法）/ build without print sheets, as a province would`);
  process.exit(0);
}
const sizes = [...values.sizes.split(','), ...(values.units ?? [])].map((s) => Number(s.trim())).filter((n) => n > 0);
if (values.print !== 'all' && values.print !== 'none') {
  console.error('--print 只能写 all 或 none');
  process.exit(2);
}
if (sizes.some((n) => !Number.isInteger(n))) {
  console.error('--sizes 和 --units 要写整数，例如 --sizes 20,300 --units 3500');
  process.exit(2);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const results: { date: string; machine: Record<string, unknown>; example?: Record<string, unknown>; scale: ScaleFigures[] } = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import('node:os')).availableParallelism(), memoryBytes: (await import('node:os')).totalmem() },
  scale: [],
};

if (!values['skip-example']) {
  const out = mkdtempSync(join(tmpdir(), 'siliang-bench-'));
  try {
    // The checker on its own, as `npm run check` runs it: the median of five runs, after one to warm up.
    const runs: number[] = [];
    let checked = checkContent(resolve('content'));
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      checked = checkContent(resolve('content'));
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    console.log(`\n内容检查（npm run check）：${checked.files} 个文件，${Math.round(runs[2] as number)} 毫秒（五次的中位数；目标 2 秒以内）`);

    const build = await buildSite({ content: 'content', outDir: join(out, 'site'), logLevel: 'warn' });
    if (!build.ok) throw new Error(build.error ?? 'content has errors');
    console.log(`\n示例站点构建：${build.pages} 个页面，${build.seconds.toFixed(1)} 秒\n`);

    const search = await measureSearch({
      siteDir: build.outDir,
      chromiumPath: chromiumPath(),
      args: CHROMIUM_ARGS,
      queries: ['身份证补办', '出院结算', 'bdc', '醫保報銷'],
    });
    console.log(`搜索索引：${search.indexedPages} 个页面，${search.indexFiles} 个文件，${kb(search.indexBytes)}`);
    console.log('\n查询            请求数  传输（原样）  传输（gzip 后）  出结果用时  结果数');
    for (const q of search.queries) {
      console.log(
        `${q.query.padEnd(12)}  ${String(q.requests).padStart(6)}  ${kb(q.bytes).padStart(11)}  ${kb(q.gzipBytes).padStart(13)}  ${`${q.ms} ms`.padStart(9)}  ${String(q.results).padStart(6)}`,
      );
    }
    console.log('\n（第一个查询包含搜索引擎本身的下载；之后的查询只取索引分片和结果片段。）');

    // The query table: what residents type, with the answers they mean (src/tools/bench/search-queries.ts).
    const answers = await runQueryTable({ siteDir: build.outDir, chromiumPath: chromiumPath(), args: CHROMIUM_ARGS, cases: SEARCH_QUERIES });
    const quality = scoreByCategory(SEARCH_QUERIES, answers);
    console.log(`\n搜索质量：${SEARCH_QUERIES.length} 个查询（测试的下限见 test/browser/search-quality.test.ts）`);
    console.log(formatQualityTable(quality));
    const hardest = misses(SEARCH_QUERIES, answers).slice(0, 10);
    if (hardest.length > 0) {
      console.log('\n最难的查询（第一条不对）：');
      for (const m of hardest) {
        const first = m.shown.results[0]?.title ?? '（无结果）';
        console.log(`  ${m.c.query}（${m.c.category}）→ ${first}${m.rank > 0 ? `，正确答案排第 ${m.rank}` : '，前面没有正确答案'}`);
      }
    }

    const kiosk = await measureKioskMemory({
      siteDir: build.outDir,
      // The hospital's portrait screen plays 07:00-21:00 every day: 2,000
      // changes fit in one day's playing, clear of the nightly 03:00 reload.
      screen: 'yiyuan-menzhen',
      viewport: { width: 1080, height: 1920 },
      chromiumPath: chromiumPath(),
      args: CHROMIUM_ARGS,
      checkpoints: [100, 1000, 2000],
      start: '2026-11-23T07:00:00+08:00',
    });
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    console.log(`\n大厅显示屏长时间播放（${kiosk.screen}，时钟加速，每次检查都换上一个“新版本”）：`);
    console.log('画面切换  模拟播放时长  JS 堆（回收后）  DOM 节点  事件监听');
    for (const s of kiosk.samples) {
      console.log(
        `${String(s.transitions).padStart(8)}  ${`${s.hours.toFixed(1)} 小时`.padStart(10)}  ${mb(s.heapBytes).padStart(14)}  ${String(s.domNodes).padStart(8)}  ${String(s.listeners).padStart(8)}`,
      );
    }
    const [first, last] = [kiosk.samples[0], kiosk.samples.at(-1)];
    if (first && last) {
      console.log(
        `堆增长：${mb(last.heapBytes - first.heapBytes)}（${(((last.heapBytes - first.heapBytes) / first.heapBytes) * 100).toFixed(1)}%），期间换版 ${kiosk.swaps} 次，用时 ${kiosk.seconds.toFixed(0)} 秒`,
      );
    }
    // Hall screens read from 3 m (src/lib/kiosk/type-scale.ts): every slide as the player lays it out, at the screen's own size.
    const kioskType = await measureExampleScreens(build.outDir);
    console.log('\n大厅显示屏字号（每张幻灯片按播放时的排版测量；最小大写字高按屏幕的观看距离和尺寸算）：');
    for (const [screen, r] of Object.entries(kioskType)) for (const line of kioskTypeLines(screen, r)) console.log(line);

    // Printed sheets measured from their PDFs: type sizes against each format's minimum (src/lib/print/type-scale.ts), sheets per item.
    const print = await measurePrintFigures({ siteDir: build.outDir, outDir: join(out, 'posters'), units: ['huzheng', 'menzhen', 'site'], executablePath: chromiumPath() });
    console.log('\n打印件字号（从导出的 PDF 量出；户政窗口和门诊服务中心的全部格式；最小字号含二维码旁的网址和打印日期一行）：');
    for (const line of formatPrintFigures(print)) console.log(line);
    results.example = { checkMs: runs[2], files: checked.files, build: { pages: build.pages, seconds: build.seconds }, search, quality, kiosk, kioskType, print };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The example's three screens, each on a landscape and a portrait screen, measured as they play on a Monday morning. */
async function measureExampleScreens(siteDir: string): Promise<Record<string, KioskType>> {
  const screens = ['zhengwu-dating', 'jiezhong-houzhen', 'yiyuan-menzhen'] as const;
  const sizes = [
    [1920, 1080],
    [1080, 1920],
  ] as const;
  const { server, url } = await serveStatic({ dir: siteDir, base: '/' });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const out: Record<string, KioskType> = {};
  try {
    for (const screen of screens) {
      for (const [width, height] of sizes) {
        const page = await browser.newPage({ viewport: { width, height }, serviceWorkers: 'block' });
        await page.clock.install({ time: new Date('2026-11-23T09:59:00+08:00') });
        await page.clock.pauseAt(new Date('2026-11-23T10:00:00+08:00'));
        await page.goto(`${url}kiosk/${screen}/`);
        out[`${screen} ${width}×${height}`] = await measureKioskType(page);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

const workDir = resolve('.siliang', 'bench');
const jsonFile = resolve(values.json ?? join(workDir, `results-${results.date.replace(/[:.]/g, '-')}.json`));
for (const units of sizes) {
  console.log(`\n===== ${units} 个窗口单位 =====`);
  const figures = await benchScale({
    units,
    root: process.cwd(),
    workDir,
    chromiumPath: chromiumPath(),
    chromiumArgs: CHROMIUM_ARGS,
    now: '2026-11-22',
    ...(values['photo-size'] ? { photoSize: values['photo-size'] } : {}),
    print: values.print,
    log: (line) => console.log(`  · ${line}`),
  });
  results.scale.push(figures);
  printScale(figures);
  // Written after every size, so a long run that is stopped keeps what it measured.
  mkdirSync(resolve(jsonFile, '..'), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
}
if (sizes.length > 0) console.log(`\n结果（JSON）：${jsonFile}`);
