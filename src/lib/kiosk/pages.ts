/**
 * Where a slide too long for the screen breaks into screens. The slide's
 * content flows down into columns exactly as high as the screen (CSS
 * multi-column, src/styles/kiosk.css), one or two to a screen, as many as
 * it needs, side by side to the right; the player shows one screen's
 * columns at a time. The browser fills each column before starting the
 * next and breaks only where the stylesheet allows: never inside a block
 * marked `keep` (a staff card, a step, a pledge), never right after a
 * heading, so nobody reads half a phone number. A block taller than a
 * whole column is the exception: it is cut, since it could never be shown
 * whole.
 */

/** At most this many screens per slide: a runaway slide must not stall the playlist. */
export const MAX_PAGES = 30;

/**
 * How many screens a slide's columns make: `right` is how far its content
 * reaches to the right of the slide's left edge, `width` one screen's width
 * (its columns and the gaps between them) and `gap` the gap between two
 * columns, which also separates one screen's last column from the next
 * screen's first.
 */
export function screenCount(right: number, width: number, gap: number): number {
  if (width <= 0) return 1;
  // One pixel of slack: rounding must not make a fitting slide two screens.
  const count = Math.floor(Math.max(0, right - 1) / (width + gap)) + 1;
  return Math.min(MAX_PAGES, Math.max(1, count));
}

/** The styles that show one screen of a slide's inner block. */
export interface PageView {
  transform: string;
  clipPath: string;
}

/**
 * How to show screen `page` of `count` of a slide `width` px wide whose
 * columns are `gap` px apart: later screens move the columns left by whole
 * screens, and the columns of the screens before and after are clipped
 * away halfway across the gap. A slide of one screen is left as laid out.
 */
export function pageView(page: number, count: number, width: number, gap: number): PageView {
  if (count <= 1) return { transform: '', clipPath: '' };
  const start = page * (width + gap);
  return {
    transform: page > 0 ? `translateX(${-start}px)` : '',
    clipPath: `inset(-50vh ${-(start + gap / 2)}px -50vh ${page > 0 ? start - gap / 2 : -gap / 2}px)`,
  };
}

/** The interface strings of the screen count, from src/i18n: `{page}`, `{count}` and `{name}` are filled in. */
export interface PageNoteStrings {
  /** 第 {page} / {count} 屏 */
  pages: string;
  /** What follows it on a later screen: · {name}（续） */
  continued: string;
}

/**
 * The line that says which screen of a long slide is showing, empty for a
 * slide of one screen. A later screen also names its slide, since someone
 * who looks up then has not seen the heading; the count comes first, as on
 * a narrow screen the end of the line is what gets cut.
 */
export function pageNote(strings: PageNoteStrings, page: number, count: number, name: string): string {
  if (count <= 1) return '';
  // Not src/i18n's fill: the search page's script imports that, and a module
  // two pages' scripts share is split into a file of its own, one more for a
  // screen to keep for playing offline.
  const values: Record<string, string | number> = { page: page + 1, count, name };
  return (strings.pages + (page > 0 ? strings.continued : '')).replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}
