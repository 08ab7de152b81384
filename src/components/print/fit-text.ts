/**
 * Type sizes for one-line text on fixed-size pieces (desk cards, badges),
 * decided at build time from the text itself: the largest size up to a
 * maximum at which the line still fits its box. The estimate is
 * deliberately generous (a Chinese character or any full-width sign counts
 * a whole em, Latin letters and digits more than they need), so a line
 * sized here never overflows; the print check measures it as well.
 */

const PT_MM = 25.4 / 72;

/** Estimated width of `text` in ems, for a Hei (sans) face. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === ' ') ems += 0.3;
    else if (code < 0x80) ems += /[A-Z@MW%&]/.test(ch) ? 0.75 : 0.62;
    else ems += 1;
  }
  return ems;
}

/**
 * The largest size in pt, at most `maxPt`, at which `text` fits `widthMm`,
 * with `spacingEm` of letter-spacing after each character. There is no
 * floor: very long text gets small rather than cut off; callers that can
 * break a line check `fitsAt` first.
 */
export function fitPt(text: string, widthMm: number, maxPt: number, { spacingEm = 0 }: { spacingEm?: number } = {}): number {
  const chars = [...text].length;
  const ems = textEms(text) + spacingEm * chars;
  if (ems === 0) return maxPt;
  const pt = widthMm / (ems * PT_MM);
  return Math.min(maxPt, Math.floor(pt * 10) / 10);
}

/** True when `text` fits `widthMm` on one line at `pt`. */
export function fitsAt(text: string, widthMm: number, pt: number): boolean {
  return fitPt(text, widthMm, pt) >= pt;
}
