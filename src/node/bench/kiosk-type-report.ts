/** Prints the hall screens' type figures (src/node/bench/kiosk-type.ts) as a table, with the goal beside each. */
import type { KioskType } from './kiosk-type.ts';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** One line per screen: characters under the minimum cap height, the smallest, stray characters, dropped text, screens per slide and the emptiest screen of a paged slide. */
export function kioskTypeLines(screen: string, r: KioskType): string[] {
  const chars = r.slides.reduce((n, s) => n + s.chars, 0);
  const small = r.slides.reduce((n, s) => n + s.small, 0);
  const smallest = Math.min(...r.slides.map((s) => s.smallest.px));
  const strays = r.slides.reduce((n, s) => n + s.strays.length, 0);
  const dropped = r.slides.reduce((n, s) => n + s.dropped.length, 0);
  const screens = r.slides.reduce((n, s) => n + s.screens, 0);
  const paged = r.slides.filter((s) => s.screens > 1);
  // A paged slide's screens but its last: how full the emptiest one is, its columns counted.
  const fills = paged.flatMap((s) => s.fill.slice(0, -1));
  const emptiest = fills.length > 0 ? Math.min(...fills) : undefined;
  const average = fills.length > 0 ? fills.reduce((a, b) => a + b, 0) / fills.length : undefined;
  return [
    `${screen}（${r.width}×${r.height}，最小大写字高 ${r.minCap.toFixed(1)} px）：${chars} 个字，低于最小字高 ${small} 个（${pct(chars > 0 ? small / chars : 0)}，目标 0 ${small === 0 ? '✓' : '✗'}），最小 ${smallest.toFixed(1)} px；行尾单字 ${strays} 处（目标 0 ${strays === 0 ? '✓' : '✗'}）；没有显示的文字 ${dropped} 处（目标 0 ${dropped === 0 ? '✓' : '✗'}）`,
    `  ${r.slides.length} 张幻灯片一轮共 ${screens} 屏，翻页的 ${paged.length} 张${emptiest === undefined || average === undefined ? '' : `，翻页的屏（每张的最后一屏除外）平均填满 ${pct(average)}，最空的一屏 ${pct(emptiest)}`}${paged.length > 0 ? `（${paged.map((s) => `${s.label} ${s.screens} 屏${s.columns > 1 ? `（每屏 ${s.columns} 栏）` : ''}，各屏 ${s.fill.map((f) => pct(f)).join('/')}`).join('；')}）` : ''}`,
  ];
}
