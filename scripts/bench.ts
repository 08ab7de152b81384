/**
 * npm run bench: figures, printed, never asserted: the example
 * organisation's content check and build, its search, and a hall screen's memory over a long
 * run; the scale benchmarks will join.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContent } from '../src/lib/content/check.ts';
import { buildSite } from '../src/node/build.ts';
import { measureKioskMemory } from '../src/node/bench/kiosk.ts';
import { measureSearch } from '../src/node/bench/search.ts';
import { chromiumPath, CHROMIUM_ARGS } from '../src/node/chromium.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
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
    console.log(`${q.query.padEnd(12)}  ${String(q.requests).padStart(6)}  ${kb(q.bytes).padStart(11)}  ${kb(q.gzipBytes).padStart(13)}  ${`${q.ms} ms`.padStart(9)}  ${String(q.results).padStart(6)}`);
  }
  console.log('\n（第一个查询包含搜索引擎本身的下载；之后的查询只取索引分片和结果片段。）');

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
    console.log(`${String(s.transitions).padStart(8)}  ${`${s.hours.toFixed(1)} 小时`.padStart(10)}  ${mb(s.heapBytes).padStart(14)}  ${String(s.domNodes).padStart(8)}  ${String(s.listeners).padStart(8)}`);
  }
  const [first, last] = [kiosk.samples[0], kiosk.samples.at(-1)];
  if (first && last) {
    console.log(`堆增长：${mb(last.heapBytes - first.heapBytes)}（${(((last.heapBytes - first.heapBytes) / first.heapBytes) * 100).toFixed(1)}%），期间换版 ${kiosk.swaps} 次，用时 ${kiosk.seconds.toFixed(0)} 秒`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
