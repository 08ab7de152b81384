/**
 * npm run bench: figures, printed, never asserted. For now the example
 * organisation's build and its search; the scale benchmarks will join.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../src/node/build.ts';
import { measureSearch } from '../src/node/bench/search.ts';
import { chromiumPath, CHROMIUM_ARGS } from '../src/node/chromium.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const out = mkdtempSync(join(tmpdir(), 'siliang-bench-'));
try {
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
} finally {
  rmSync(out, { recursive: true, force: true });
}
