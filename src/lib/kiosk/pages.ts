/**
 * Where a slide too long for the screen breaks into screens. The player
 * measures the slide and moves it up one screen at a time; a break falls
 * before any block marked `keep` (a staff card, a step, a pledge) that would
 * otherwise be cut in two, so nobody reads half a phone number. A block
 * taller than a whole screen is the exception: it is cut, since it could
 * never be shown whole.
 */

export interface Block {
  /** Distance of the block's top from the slide's top, in px. */
  top: number;
  bottom: number;
}

/** At most this many screens per slide: a runaway slide must not stall the playlist. */
export const MAX_PAGES = 30;

/**
 * The offsets (from the slide's top) at which each screen starts: always
 * begins with 0; one entry when the content fits.
 */
export function pageOffsets(contentHeight: number, screenHeight: number, blocks: readonly Block[]): number[] {
  const offsets = [0];
  if (screenHeight <= 0) return offsets;
  let start = 0;
  // One pixel of slack: rounding must not make a fitting slide two screens.
  while (start + screenHeight < contentHeight - 1 && offsets.length < MAX_PAGES) {
    let end = start + screenHeight;
    for (const b of blocks) {
      if (b.top > start && b.top < end && b.bottom > end) end = b.top;
    }
    offsets.push(end);
    start = end;
  }
  return offsets;
}

/** The styles that show one screen of a slide's inner block. */
export interface PageView {
  transform: string;
  clipPath: string;
}

/**
 * How to show screen `page` of a slide whose screens start at `offsets`
 * (from pageOffsets) and whose inner block is `height` px tall: later
 * screens move the block up but keep the slide's top margin `gap` above
 * them, and what belongs to the screens before and after is clipped away, so
 * a block that moved on to the next screen is not shown cut at the bottom.
 * A slide of one screen is left as laid out.
 */
export function pageView(offsets: readonly number[], page: number, gap: number, height: number): PageView {
  const start = offsets[page] ?? 0;
  const end = offsets[page + 1];
  return {
    transform: page > 0 ? `translateY(${-(start - gap)}px)` : '',
    clipPath: offsets.length > 1 ? `inset(${page > 0 ? start : 0}px -50vw ${end === undefined ? 0 : Math.max(0, height - end)}px -50vw)` : '',
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
