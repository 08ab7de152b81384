/**
 * Is a hall screen readable from where its readers wait? Measured in the
 * browser, slide by slide as the player lays each out: the share of
 * characters whose cap height is under the screen's minimum (from its
 * reading distance and size, src/lib/kiosk/type-scale.ts), the smallest cap
 * height, how many screens each slide pages through and how full they are
 * (column by column), text that is on no screen at all, and lines that end
 * with one character alone. Used by the browser tests
 * (which assert limits) and by `npm run bench` (which prints the figures).
 */
import type { Page } from 'playwright-core';

export interface SlideType {
  slide: string;
  /** The slide's name, as its heading and the screen reader say it. */
  label: string;
  /** Screens the slide pages through. */
  screens: number;
  /** How much of each screen the content fills, 0–1: the height its columns use, over the height they have. */
  fill: number[];
  /** Columns a screen of the slide shows. */
  columns: number;
  /** Text of the slide's markup that no screen shows whole (a sample of each): nothing may be dropped. */
  dropped: string[];
  /** Characters on the slide, the bar and the footer. */
  chars: number;
  /** Of those, how many are drawn with a cap height under the minimum. */
  small: number;
  /** The smallest cap height drawn, CSS px, with a sample of its text. */
  smallest: { px: number; text: string };
  /** Paragraphs and lines whose last line holds one character alone. */
  strays: string[];
}

export interface KioskType {
  /** The viewport. */
  width: number;
  height: number;
  /** The screen's minimum cap height on this viewport, CSS px. */
  minCap: number;
  slides: SlideType[];
}

/**
 * Measures every slide of the hall screen open in `page` (the player must
 * be running: it lays each slide out, `window.__kiosk.show`).
 */
export async function measureKioskType(page: Page): Promise<KioskType> {
  await page.waitForFunction(() => 'show' in ((window as unknown as { __kiosk?: object }).__kiosk ?? {}), undefined, { polling: 50 });
  const ids = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.slide')].map((s) => s.dataset.slide ?? ''));
  const slides: SlideType[] = [];
  for (const id of ids) {
    slides.push(
      await page.evaluate((show) => {
        const kiosk = (window as unknown as { __kiosk: { show(id: string, at?: number): number } }).__kiosk;
        const screens = kiosk.show(show);
        const slide = document.querySelector<HTMLElement>(`.slide[data-slide="${CSS.escape(show)}"]`) as HTMLElement;
        const inner = slide.querySelector<HTMLElement>('.slide-inner') ?? slide;
        const columns = Number(slide.dataset.columns ?? 1) || 1;
        const innerStyle = getComputedStyle(inner);
        const columnGap = parseFloat(innerStyle.columnGap) || 0;
        const marginTop = parseFloat(innerStyle.paddingTop) || 0;
        /** The part of the page a screen of the slide shows, and the width of one of its columns. */
        const window_ = () => {
          const r = slide.getBoundingClientRect();
          const style = getComputedStyle(slide);
          const left = r.left + parseFloat(style.paddingLeft);
          const right = r.right - parseFloat(style.paddingRight);
          return { left, right, top: r.top, contentTop: r.top + marginTop, bottom: r.bottom, column: (right - left - (columns - 1) * columnGap) / columns };
        };

        // Every screen in turn: which lines of text it shows whole, and how far down each of its columns is used.
        const hiddenOnPurpose = (el: Element) => el.closest('.visually-hidden, [hidden], [aria-hidden="true"]') !== null;
        const texts: Text[] = [];
        const textWalker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
        for (let node = textWalker.nextNode(); node; node = textWalker.nextNode()) {
          if ((node.textContent ?? '').trim() !== '' && node.parentElement && !hiddenOnPurpose(node.parentElement)) texts.push(node as Text);
        }
        // Boxes drawn without text (fact boxes, steps, pictures, the QR code) use a column's height too.
        const boxes = [...slide.querySelectorAll<HTMLElement>('.slide-inner *')].filter((el) => {
          if (['IMG', 'svg', 'CANVAS'].includes(el.tagName)) return true;
          const style = getComputedStyle(el);
          return style.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(style.borderBottomWidth) > 0;
        });
        const seen = texts.map(() => new Set<number>());
        const range = document.createRange();
        const fill: number[] = [];
        for (let at = 0; at < screens; at++) {
          kiosk.show(show, at);
          const w = window_();
          const used = Array.from({ length: columns }, () => 0);
          // Two pixels of slack: a screen moved by thousands of pixels lands within a pixel of whole.
          const shows = (r: DOMRect) => r.left >= w.left - 2 && r.right <= w.right + 2 && r.top >= w.top - 2 && r.bottom <= w.bottom + 2;
          const use = (r: DOMRect) => {
            const c = Math.min(columns - 1, Math.max(0, Math.floor((r.left + 1 - w.left) / (w.column + columnGap))));
            used[c] = Math.max(used[c] ?? 0, r.bottom - w.contentTop);
          };
          texts.forEach((node, n) => {
            range.selectNodeContents(node);
            [...range.getClientRects()].forEach((r, line) => {
              if (r.width < 0.5 || r.height < 0.5 || !shows(r)) return;
              seen[n]?.add(line);
              use(r);
            });
          });
          for (const el of boxes) for (const r of el.getClientRects()) if (r.width >= 0.5 && r.height >= 0.5 && shows(r)) use(r);
          fill.push(Math.min(1, used.reduce((a, b) => a + b, 0) / (columns * (w.bottom - w.contentTop))));
        }
        kiosk.show(show, 0);
        const dropped = texts.flatMap((node, n) => {
          range.selectNodeContents(node);
          const lines = [...range.getClientRects()].filter((r) => r.width >= 0.5 && r.height >= 0.5).length;
          return (seen[n]?.size ?? 0) < lines ? [(node.textContent ?? '').trim().slice(0, 20)] : [];
        });
        const first = window_();

        const minCap = Number(document.documentElement.dataset.minCap) * Math.min(innerWidth, innerHeight);
        const canvas = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        const caps = new Map<string, number>();
        const capHeight = (style: CSSStyleDeclaration) => {
          // Measured at 1000 px, where the browser's whole-pixel rounding of the ink box is lost in the size.
          const font = `${style.fontWeight} 1000px ${style.fontFamily}`;
          let ratio = caps.get(font);
          if (ratio === undefined) {
            canvas.font = font;
            ratio = canvas.measureText('H').actualBoundingBoxAscent / 1000;
            caps.set(font, ratio);
          }
          return ratio * parseFloat(style.fontSize);
        };
        const visible = (el: Element) => {
          if (el.closest('.visually-hidden, [hidden]')) return false;
          const s = getComputedStyle(el);
          if (s.display === 'none' || s.visibility === 'hidden') return false;
          const r = el.getBoundingClientRect();
          return r.width > 1 && r.height > 1;
        };
        const blockOf = (el: Element) => {
          let b = el;
          while (getComputedStyle(b).display.startsWith('inline') && b.parentElement) b = b.parentElement;
          return b;
        };
        let chars = 0;
        let small = 0;
        let smallest = { px: Infinity, text: '' };
        // Per block: the lines its characters are on (by the middle of the line), with their characters.
        const lines = new Map<Element, Map<number, string>>();
        for (const root of [document.querySelector('.kiosk-bar'), slide, document.querySelector('.kiosk-foot')]) {
          if (!root) continue;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            const parent = node.parentElement;
            if (!parent || text.trim() === '' || !visible(parent)) continue;
            const style = getComputedStyle(parent);
            const cap = capHeight(style);
            const count = [...text].filter((c) => c.trim() !== '').length;
            chars += count;
            if (cap < minCap - 0.01) small += count;
            if (cap < smallest.px) smallest = { px: Math.round(cap * 10) / 10, text: text.trim().slice(0, 20) };
            const block = blockOf(parent);
            const tops = lines.get(block) ?? new Map<number, string>();
            lines.set(block, tops);
            const size = parseFloat(style.fontSize);
            const range = document.createRange();
            let offset = 0;
            for (const c of text) {
              range.setStart(node, offset);
              range.setEnd(node, offset + c.length);
              offset += c.length;
              if (c.trim() === '') continue;
              const r = range.getBoundingClientRect();
              if (r.width < 0.5) continue;
              // Characters of one line overlap vertically, whatever their sizes: grouped by the middle of their
              // boxes, within their column (a paragraph split between two columns has lines side by side).
              const column = Math.floor((r.left + 1 - first.left) / (first.column + columnGap));
              const middle = column * 1e5 + (r.top + r.bottom) / 2;
              const line = [...tops.keys()].find((m) => Math.abs(m - middle) < size / 2) ?? middle;
              tops.set(line, (tops.get(line) ?? '') + c);
            }
          }
        }
        const strays: string[] = [];
        for (const [block, tops] of lines) {
          if (tops.size < 2) continue;
          const last = tops.get(Math.max(...tops.keys())) ?? '';
          if ([...last].length === 1) strays.push(`${(block.textContent ?? '').trim().slice(-20)}`);
        }
        return { slide: show, label: slide.getAttribute('aria-label') ?? show, screens, fill, columns, dropped, chars, small, smallest, strays };
      }, id),
    );
  }
  const { width, height, minCap } = await page.evaluate(() => ({
    width: innerWidth,
    height: innerHeight,
    minCap: Number(document.documentElement.dataset.minCap) * Math.min(innerWidth, innerHeight),
  }));
  return { width, height, minCap, slides };
}
