/**
 * Paging a slide longer than the screen: it is measured as laid out, cut
 * into screens before blocks marked `keep` (src/lib/kiosk/pages.ts), and
 * moved up one screen at a time, with a line saying which screen it is.
 */
import { pageNote, pageOffsets, pageView, type PageNoteStrings } from '#lib/kiosk/pages.ts';

/** Where a slide's screens begin, and its top margin, kept above every later screen. */
export interface Layout {
  offsets: number[];
  gap: number;
}

/** A number the page's stylesheet or <html> sets, or `fallback`. */
function cssNumber(name: string, fallback: number): number {
  const value = parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Sizes `slide` to fill its screen: the largest type scale between the
 * screen's minimum (`--type`, from its reading distance) and `--type-max` at
 * which it fits on one screen. A slide that does not fit even at the minimum
 * stays at the minimum and pages; text never goes under it to avoid paging.
 */
export function fit(slide: HTMLElement, inner: HTMLElement): void {
  const min = cssNumber('--type', 1);
  const max = Math.max(min, cssNumber('--type-max', min));
  // What pageOffsets below counts as one screen; one pixel of slack, as there.
  const fits = (scale: number) => {
    slide.style.setProperty('--fit', String(scale));
    return inner.scrollHeight <= visibleHeight(slide, inner) + 1;
  };
  if (fits(max)) return;
  if (!fits(min)) return;
  // Halving the range eight times: within 0.4 % of the largest size that fits.
  let [low, high] = [min, max];
  for (let i = 0; i < 8; i++) {
    const middle = (low + high) / 2;
    if (fits(middle)) low = middle;
    else high = middle;
  }
  fits(low);
}

/** The height of one screen of `slide`: the stage, less the top margin every screen keeps. */
function visibleHeight(slide: HTMLElement, inner: HTMLElement): number {
  const style = getComputedStyle(slide);
  const gap = parseFloat(getComputedStyle(inner).paddingTop) || 0;
  return slide.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom) - gap;
}

/** The layout of `slide` as the browser lays it out now, sized to fill its screen: one screen when it has no inner block to move. */
export function measure(slide: HTMLElement): Layout {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (!inner) return { offsets: [0], gap: 0 };
  inner.style.transform = '';
  inner.style.clipPath = '';
  fit(slide, inner);
  const gap = parseFloat(getComputedStyle(inner).paddingTop) || 0;
  const visible = visibleHeight(slide, inner);
  const top = inner.getBoundingClientRect().top;
  const blocks = [...inner.querySelectorAll('.keep')].map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - top, bottom: r.bottom - top };
  });
  return { offsets: pageOffsets(inner.scrollHeight, visible, blocks), gap };
}

/** Shows screen `page` of `slide`, and writes which screen it is into `note` in the build's words (`strings`). */
export function showPage(slide: HTMLElement, layout: Layout, page: number, note: HTMLElement, strings: PageNoteStrings): void {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (inner) Object.assign(inner.style, pageView(layout.offsets, page, layout.gap, inner.offsetHeight));
  note.textContent = pageNote(strings, page, layout.offsets.length, slide.getAttribute('aria-label') ?? '');
}
