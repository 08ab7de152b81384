/**
 * Type sizes for one-line text on fixed-size pieces (desk cards, badges),
 * decided at build time from the text itself: the largest size up to a
 * maximum at which the line still fits its box, but never below a minimum
 * that stays legible. The width estimate is an upper bound (a Chinese
 * character or any full-width sign counts a whole em, each Latin letter,
 * digit or sign at least its widest advance in the Noto CJK faces the
 * sheets use), so a line sized here fits whenever the estimate says so.
 *
 * A line that does not fit even at its minimum is not shrunk further, and
 * it is not cut silently either: the line is marked `data-fit-line`, and
 * the print pages' fitting script measures every such line and marks a cut
 * one, and its sheet, `data-overflow`, which `npm run posters` reports.
 */

const PT_MM = 25.4 / 72;

/**
 * Widest advance, in ems, of ASCII characters in Noto Sans CJK SC and Noto
 * Serif CJK SC, regular and bold (measured in Chromium), rounded up. Other
 * ASCII characters count as `OTHER_ASCII`; anything beyond ASCII (Chinese,
 * full-width signs, ·) counts 1 em.
 */
const ASCII_EMS: ReadonlyArray<readonly [RegExp, number]> = [
  // The first group a character is in counts: the wide letters come before the rest of a–z.
  [/^[MWm%@]$/, 1.1],
  [/^[HNw&]$/, 0.9],
  [/^ $/, 0.3],
  [/^[\x27|,.:;!()[\]{}/\\ijlft-]$/, 0.42],
  [/^[rsz*?IJ"]$/, 0.6],
  [/^[0-9$#+<=>^~_]$/, 0.62],
  [/^[a-z`]$/, 0.7],
];
const OTHER_ASCII = 0.82;

/** Estimated width of `text` in ems; never less than it takes in the Noto CJK faces. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80) {
      ems += 1;
      continue;
    }
    ems += ASCII_EMS.find(([re]) => re.test(ch))?.[1] ?? OTHER_ASCII;
  }
  return ems;
}

export interface FitOptions {
  /** Letter-spacing after each character, in ems. */
  spacingEm?: number;
  /** The smallest size allowed, in pt: below it the text would not be read. */
  minPt?: number;
}

export interface FittedLine {
  /** The size to set, in pt: between the minimum and the maximum. */
  pt: number;
  /** False when the text is too wide for its box even at the minimum size. */
  fits: boolean;
}

/** The largest size in pt at which `text` fits `widthMm` on one line, with no upper or lower limit. */
function largestPt(text: string, widthMm: number, spacingEm: number): number {
  const ems = textEms(text) + spacingEm * [...text].length;
  if (ems === 0) return Number.POSITIVE_INFINITY;
  return Math.floor((widthMm / (ems * PT_MM)) * 10) / 10;
}

/**
 * The size for `text` on one line of `widthMm`: the largest that fits, at
 * most `maxPt` and at least `minPt` (6 pt unless given), and whether it fits
 * at all. Mark a line that does not fit with `data-fit-line` so that the
 * print check reports it (every fitted line carries it, to be measured).
 */
export function fitLine(text: string, widthMm: number, maxPt: number, { spacingEm = 0, minPt = 6 }: FitOptions = {}): FittedLine {
  const largest = largestPt(text, widthMm, spacingEm);
  const floor = Math.min(minPt, maxPt);
  return { pt: Math.max(floor, Math.min(maxPt, largest)), fits: largest >= floor };
}

/** The size alone, as `fitLine`: never below `minPt`, so a line too long for its box is cut and reported, not shrunk to nothing. */
export function fitPt(text: string, widthMm: number, maxPt: number, options: FitOptions = {}): number {
  return fitLine(text, widthMm, maxPt, options).pt;
}

/** True when `text` fits `widthMm` on one line at `pt`. */
export function fitsAt(text: string, widthMm: number, pt: number, { spacingEm = 0 }: { spacingEm?: number } = {}): boolean {
  return largestPt(text, widthMm, spacingEm) >= pt;
}
