/** Prints one size of the scale benchmark as tables, with each target beside its figure. */
import type { ScaleFigures } from './scale.ts';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
/** Small sizes in KB: a one-procedure upload is a few hundred. */
const size = (n: number) => (n < 1024 ** 2 ? `${(n / 1024).toFixed(0)} KB` : mb(n));
const mb = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : `${(n / 1024 ** 2).toFixed(0)} MB`);
const s = (n: number) => (n >= 120 ? `${Math.floor(n / 60)} m ${Math.round(n % 60)} s` : `${n.toFixed(1)} s`);
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

/** Fixed-width columns for tables of Chinese and Latin text: a CJK character takes two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
function pad(text: string, columns: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, columns - width(text)));
  return right ? fill + text : text + fill;
}
function table(rows: string[][], rightFrom = 1): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? '')))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => pad(c, widths[i] as number, i >= rightFrom && i < r.length - 1))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function printScale(f: ScaleFigures): void {
  const g = f.generated;
  console.log(
    `\n${int(f.units)} 个窗口单位${f.print === 'none' ? '（不生成打印页：--print none）' : ''}：内容 ${int(g.files)} 个文件、${int(g.photos)} 张照片、${mb(g.bytes)}${g.seconds === null ? '（沿用上次生成的内容）' : `，生成用时 ${s(g.seconds)}`}`,
  );

  const province = f.units >= 3500;
  const photos = f.build.photos;
  console.log(
    `\n${table([
      ['', 'Siliang', '裸 Astro（floor）', '目标（target）'],
      ['页面（pages）', int(f.build.pages), int(f.floor.pages), ''],
      [
        '用时（wall）',
        s(f.build.seconds),
        s(f.floor.seconds),
        `≤ 1.5× 裸 Astro：${f.ratio.toFixed(2)}× ${verdict(f.ratio <= 1.5)}${province ? `；< 8 分钟 ${verdict(f.build.seconds < 480)}` : ''}`,
      ],
      ['页面/秒（pages/s）', int(f.build.pagesPerSecond), int(f.floor.pagesPerSecond), ''],
      ['内存峰值（peak RSS）', mb(f.build.peakBytes), mb(f.floor.peakBytes), province ? `< 4 GB ${verdict(f.build.peakBytes < 4 * 1024 ** 3)}` : '（3,500 单位时 < 4 GB）'],
      ['照片（photos）', photos ? `处理 ${int(photos.processed)} 张，${s(photos.seconds)}` : '—', '', ''],
      ['搜索索引（Pagefind）', `${int(f.pagefind.pages)} 页，${s(f.pagefind.seconds)}`, '', ''],
      ['  索引文件', `${int(f.pagefind.files)} 个，${mb(f.pagefind.bytes)}`, '', ''],
      ['输出（output）', `${int(f.output.files)} 个文件，${mb(f.output.bytes)}`, '', ''],
      // The first build makes every photo once (about 30 ms of CPU each); each later build, like this one, finds them made.
      [
        '改一个办事指南后重建',
        `${s(f.rebuild.seconds)}，处理照片 ${f.rebuild.photosProcessed} 张，内存峰值 ${mb(f.rebuild.peakBytes)}`,
        '',
        `不处理照片 ${verdict(f.rebuild.photosProcessed === 0)}${province ? `；照片已处理过的构建 < 8 分钟 ${verdict(f.rebuild.seconds < 480)}` : ''}`,
      ],
      [
        '  需上传（增量同步）',
        f.rebuild.upload
          ? `${int(f.rebuild.upload.files)} 个文件，${size(f.rebuild.upload.bytes)}；删除 ${int(f.rebuild.upload.deleted)} 个（共 ${int(f.rebuild.upload.total)} 个，${mb(f.rebuild.upload.totalBytes)}）`
          : '—',
        '',
        '',
      ],
    ])}`,
  );

  console.log('\n页面体积（page weight；gzip 为服务器压缩后的传输量）');
  const rows = [['页面类型', '数量', 'HTML 中位', 'HTML 最大', 'gzip 中位', 'gzip 最大', 'CSS gzip', 'JS gzip', '目标']];
  for (const k of f.weight.kinds) {
    const target =
      k.kind === 'procedure'
        ? `gzip ≤ 15 KB ${verdict(k.html.gzipMax <= 15 * 1024)}`
        : k.kind !== 'search' && k.kind !== 'kiosk' && k.kind !== 'print'
          ? `无 JS ${verdict(k.js.gzipMax === 0)}`
          : '';
    rows.push([
      k.label,
      int(k.pages),
      kb(k.html.median),
      kb(k.html.max),
      kb(k.html.gzipMedian),
      kb(k.html.gzipMax),
      kb(k.css.gzipMedian),
      k.js.gzipMax === 0 ? '0' : kb(k.js.gzipMax),
      target,
    ]);
  }
  console.log(table(rows));
  const css = f.weight.sharedCss;
  console.log(`公共 CSS（每个市民页面都加载）：${css.files.length} 个文件，${kb(css.gzipBytes)} gzip　目标 ≤ 10 KB ${verdict(css.gzipBytes <= 10 * 1024)}`);
  for (const p of f.weight.photos) {
    const target = p.variant === '480.webp' ? `　目标 ≤ 40 KB ${verdict(p.max <= 40 * 1024)}（手机 2× 屏加载的那一张）` : '';
    console.log(`工作照 ${p.variant.padEnd(9)} ${int(p.files)} 个，中位 ${kb(p.median)}，最大 ${kb(p.max)}${target}`);
  }

  if ('error' in f.search) console.log(`\n搜索：没有测成（${f.search.error}）`);
  else {
    const { first, repeat, scope, wholeSite } = f.search;
    const goal = f.units <= 300 ? `　目标 ≤ 150 KB ${verdict(first.gzipBytes <= 150 * 1024)}` : '';
    const where = scope ? `从单位页面搜索（第 ${scope} 组）` : '';
    console.log(`\n搜索（Chromium，360 px）${where}：第一次“${first.query}” ${first.requests} 个请求 ${kb(first.gzipBytes)} gzip，${first.ms} ms，${first.results} 条结果${goal}`);
    console.log(`                         再搜“${repeat.query}” ${repeat.requests} 个请求 ${kb(repeat.gzipBytes)} gzip，${repeat.ms} ms，${repeat.results} 条结果`);
    if (wholeSite)
      console.log(
        `                         在搜索页搜全部单位“${wholeSite.query}” ${wholeSite.requests} 个请求 ${kb(wholeSite.gzipBytes)} gzip，${wholeSite.ms} ms，${wholeSite.results} 条结果`,
      );
  }
  if ('error' in f.posters) console.log(`海报导出：没有测成（${f.posters.error}）`);
  else
    console.log(
      `海报导出（前 ${f.posters.units} 个单位）：${int(f.posters.pages)} 页 PDF、${int(f.posters.files)} 个文件，${s(f.posters.seconds)}，${f.posters.pagesPerSecond.toFixed(1)} 页/秒　目标 ≥ 20 页/秒 ${verdict(f.posters.pagesPerSecond >= 20)}`,
    );
  if ('error' in f.kiosk) console.log(`显示屏：没有测成（${f.kiosk.error}）`);
  else console.log(`显示屏 ${f.kiosk.screen}：JS 堆 ${mb(f.kiosk.heapFirst)} → ${mb(f.kiosk.heapLast)}（${int(f.kiosk.transitions)} 次切换，换版 ${f.kiosk.swaps} 次）`);
}
