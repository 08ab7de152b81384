/** Prints the hall screens' type figures (src/node/bench/kiosk-type.ts) as a table, with the goal beside each. */
import type { KioskType } from './kiosk-type.ts';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** One line per screen: characters under the minimum cap height, the smallest, stray characters, screens per slide and the emptiest screen of a paged slide. */
export function kioskTypeLines(screen: string, r: KioskType): string[] {
  const chars = r.slides.reduce((n, s) => n + s.chars, 0);
  const small = r.slides.reduce((n, s) => n + s.small, 0);
  const smallest = Math.min(...r.slides.map((s) => s.smallest.px));
  const strays = r.slides.reduce((n, s) => n + s.strays.length, 0);
  const screens = r.slides.reduce((n, s) => n + s.screens, 0);
  const paged = r.slides.filter((s) => s.screens > 1);
  // A paged slide's screens but its last: how full the emptiest one is.
  const fills = paged.flatMap((s) => s.fill.slice(0, -1));
  const emptiest = fills.length > 0 ? Math.min(...fills) : undefined;
  return [
    `${screen}（${r.width}×${r.height}，最小大写字高 ${r.minCap.toFixed(1)} px）：${chars} 个字，低于最小字高 ${small} 个（${pct(chars > 0 ? small / chars : 0)}，目标 0 ${small === 0 ? '✓' : '✗'}），最小 ${smallest.toFixed(1)} px；行尾单字 ${strays} 处（目标 0 ${strays === 0 ? '✓' : '✗'}）`,
    `  ${r.slides.length} 张幻灯片共 ${screens} 屏，翻页的 ${paged.length} 张${emptiest === undefined ? '' : `，翻页时最空的一屏只填了 ${pct(emptiest)}`}${paged.length > 0 ? `（${paged.map((s) => `${s.label} ${s.screens} 屏`).join('；')}）` : ''}`,
  ];
}
