/**
 * How large a hall screen's text must be, from how far away it is read and
 * how big the screen is.
 *
 * The rule: a capital letter's height must subtend at least 22 minutes of
 * arc at the reader's eye. ANSI/HFES 100-2007 (Human Factors Engineering of
 * Computer Workstations) recommends 20–22′ of character height for text
 * that is read, and 16′ as the least; we take the upper end because the
 * readers are often older and Chinese characters carry more strokes than
 * Latin letters. At 3 m that is 3000 mm × tan(22′) ≈ 19.2 mm of cap height,
 * about 30 px on a 55-inch 1080p screen (0.63 mm a pixel).
 *
 * Everything is returned as a share of the screen's shorter side, so it
 * holds at any resolution and in either orientation: the slides are sized
 * in hundredths of that side (src/styles/kiosk.css).
 *
 * Pure: the kiosk page, its player, the tests and the benchmark use it.
 */

/** Minutes of arc a capital letter's height must subtend (ANSI/HFES 100-2007: 20–22′ preferred). */
export const CAP_ARC_MINUTES = 22;
/** Where a screen file says nothing: a 55-inch screen read from 3 m, a waiting area's common case. */
export const DEFAULT_DISTANCE_M = 3;
export const DEFAULT_DIAGONAL_IN = 55;
/** Hall screens are 16:9 televisions. */
const ASPECT = { long: 16, short: 9 } as const;

/**
 * Body text of the slides as designed, in hundredths of the screen's shorter
 * side (src/styles/kiosk.css `--body`): the size every other size is a
 * multiple of. Nothing on a slide is smaller.
 */
export const DESIGN_BODY = 3.2;
/** Cap height of Noto Sans CJK SC (the kiosk's typeface; OS/2 sCapHeight 733 of 1000 units), as a share of the font size. */
export const CAP_RATIO = 0.733;
/** A slide that has room to spare may grow this much above the minimum, to fill its screen. */
export const MAX_GROWTH = 1.4;

export interface ScreenSize {
  /** How far the readers are, in metres. */
  distance?: number | undefined;
  /** The screen's diagonal, in inches. */
  diagonal?: number | undefined;
}

export interface TypeScale {
  distance: number;
  diagonal: number;
  /** The smallest cap height allowed, in millimetres. */
  minCapMm: number;
  /** The same, as a share of the screen's shorter side (0.028 = 2.8 %). */
  minCapShare: number;
  /**
   * What the designed sizes are multiplied by so that body text reaches the
   * minimum (`--type` in kiosk.css). Between 0.75 (a screen read from close
   * by) and 3 (beyond that a slide would hold a few words; the checker's
   * range for distance and size keeps real screens well inside).
   */
  scale: number;
  /** The most a slide with room to spare is enlarged to (`--type-max`). */
  maxScale: number;
}

/** The minimum cap height, in millimetres, for readers `distance` metres away. */
export function minCapHeightMm(distance: number): number {
  return distance * 1000 * Math.tan(((CAP_ARC_MINUTES / 60) * Math.PI) / 180);
}

/** The shorter side of a 16:9 screen of `diagonal` inches, in millimetres. */
export function shortSideMm(diagonal: number): number {
  return (diagonal * 25.4 * ASPECT.short) / Math.hypot(ASPECT.long, ASPECT.short);
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The type scale of a screen: its minimum cap height, and the factor the slides' designed sizes are multiplied by. */
export function typeScale(size: ScreenSize = {}): TypeScale {
  const distance = size.distance ?? DEFAULT_DISTANCE_M;
  const diagonal = size.diagonal ?? DEFAULT_DIAGONAL_IN;
  const minCapMm = minCapHeightMm(distance);
  const minCapShare = minCapMm / shortSideMm(diagonal);
  // Rounded up, so that rounding never takes body text under the minimum.
  const needed = Math.ceil(((minCapShare * 100) / (DESIGN_BODY * CAP_RATIO)) * 1000) / 1000;
  // A screen seen from close by may show smaller text than designed, but not
  // much: the layouts were drawn for that size. A far one is capped where a
  // slide would hold only a few words.
  const scale = Math.min(3, Math.max(0.75, needed));
  return { distance, diagonal, minCapMm: round(minCapMm, 2), minCapShare: round(minCapShare, 5), scale, maxScale: round(scale * MAX_GROWTH, 3) };
}

/** The minimum cap height in CSS pixels on a viewport of `width` × `height`, for the tests and the benchmark. */
export function minCapPixels(scale: Pick<TypeScale, 'minCapShare'>, width: number, height: number): number {
  return scale.minCapShare * Math.min(width, height);
}
