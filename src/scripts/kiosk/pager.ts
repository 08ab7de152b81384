/**
 * Paging a slide longer than the screen. Its content flows into columns one
 * screen high (src/styles/kiosk.css), which the browser fills one after the
 * other, breaking only where the stylesheet allows (src/lib/kiosk/pages.ts);
 * the player counts the screens the columns make and moves them left one
 * screen at a time, with a line saying which screen it is. On a landscape
 * screen a long slide (`data-flow="columns"`) takes two columns a screen.
 */
import { pageNote, pageView, screenCount, type PageNoteStrings } from '#lib/kiosk/pages.ts';

/** How many screens a slide makes, and the width and column gap they are moved by. */
export interface Layout {
  screens: number;
  width: number;
  gap: number;
}

/** A number the page's stylesheet or <html> sets, or `fallback`. */
function cssNumber(name: string, fallback: number): number {
  const value = parseFloat(getComputedStyle(document.documentElement).getPropertyValue(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** How far right of `inner`'s left edge its content reaches: the end of its last column. */
function contentRight(inner: HTMLElement): number {
  const left = inner.getBoundingClientRect().left;
  let right = 0;
  for (const el of inner.querySelectorAll('*')) {
    // A box split between columns has one rectangle a column; the bounding one spans them all.
    const r = el.getBoundingClientRect();
    if (r.width > 0 || r.height > 0) right = Math.max(right, r.right - left);
  }
  return right;
}

/** The gap between two columns of `inner`, px. */
function columnGap(inner: HTMLElement): number {
  return parseFloat(getComputedStyle(inner).columnGap) || 0;
}

/**
 * The width of one screen's columns and gaps, to the fraction of a pixel
 * (not `clientWidth`, which rounds: a rounding error repeated over ten
 * screens would shift the last one's columns visibly). Measured unmoved.
 */
function screenWidth(inner: HTMLElement): number {
  return inner.getBoundingClientRect().width;
}

/** How many screens `inner`'s columns make as laid out now. */
function screensOf(inner: HTMLElement): number {
  return screenCount(contentRight(inner), screenWidth(inner), columnGap(inner));
}

/**
 * Sizes `slide` to fill its screen: the largest type scale between the
 * screen's minimum (`--type`, from its reading distance) and `--type-max` at
 * which it fits on one screen. A slide that does not fit even at the minimum
 * stays at the minimum and pages; text never goes under it to avoid paging.
 * (Growing a long slide until its last screen is full was tried: it moves
 * every break, and left other screens emptier and lines ending in one
 * character.)
 */
export function fit(slide: HTMLElement, inner: HTMLElement): void {
  const min = cssNumber('--type', 1);
  const max = Math.max(min, cssNumber('--type-max', min));
  const fits = (scale: number) => {
    slide.style.setProperty('--fit', String(scale));
    return screensOf(inner) === 1;
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

/**
 * How many columns a screen of `slide` shows: two for a long slide on a
 * landscape screen (`--screen-columns`, from the stylesheet's media query),
 * unless it fills less than one of them even at the largest type, where one
 * column across the whole width reads better than a half-empty screen.
 */
function chooseColumns(slide: HTMLElement, inner: HTMLElement): void {
  const most = slide.dataset.flow === 'columns' ? Math.max(1, Math.round(cssNumber('--screen-columns', 1))) : 1;
  slide.dataset.columns = String(most);
  if (most === 1) return;
  slide.style.setProperty('--fit', String(Math.max(cssNumber('--type', 1), cssNumber('--type-max', 1))));
  const gap = columnGap(inner);
  const column = (screenWidth(inner) - (most - 1) * gap) / most;
  if (contentRight(inner) <= column + 1) slide.dataset.columns = '1';
}

/**
 * Lays the slides out for the screen as it is mounted: a screen file that
 * says 竖屏 shown on a screen standing on its long side (or the reverse)
 * would otherwise squeeze a portrait layout's rows into landscape columns.
 */
function followOrientation(): void {
  const orientation = innerWidth >= innerHeight ? 'landscape' : 'portrait';
  const root = document.documentElement;
  if (root.dataset.orientation !== orientation) root.dataset.orientation = orientation;
}

/** The layout of `slide` as the browser lays it out now, sized to fill its screen: one screen when it has no inner block to move. */
export function measure(slide: HTMLElement): Layout {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (!inner) return { screens: 1, width: 0, gap: 0 };
  inner.style.transform = '';
  inner.style.clipPath = '';
  followOrientation();
  chooseColumns(slide, inner);
  fit(slide, inner);
  return { screens: screensOf(inner), width: screenWidth(inner), gap: columnGap(inner) };
}

/** Shows screen `page` of `slide`, and writes which screen it is into `note` in the build's words (`strings`). */
export function showPage(slide: HTMLElement, layout: Layout, page: number, note: HTMLElement, strings: PageNoteStrings): void {
  const inner = slide.querySelector<HTMLElement>('.slide-inner');
  if (inner) Object.assign(inner.style, pageView(page, layout.screens, layout.width, layout.gap));
  note.textContent = pageNote(strings, page, layout.screens, slide.getAttribute('aria-label') ?? '');
}
