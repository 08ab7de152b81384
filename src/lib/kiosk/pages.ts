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
