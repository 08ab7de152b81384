/**
 * Type sizes of every printed format, in one place: the base size a sheet
 * is set in, and the smallest sizes it may print, chosen for the distance
 * it is read from. Print pages set their base from here, the print CSS
 * clamps small text to `body` (PrintLayout passes these as `--body-min`,
 * `--heading-min`, `--caption-min`), the fitting script shrinks a long
 * sheet only until some text would fall below them and then continues on
 * another sheet, fixed-size pieces (desk cards, badges) size their lines
 * no smaller, and the print tests measure the exported PDFs against them.
 *
 * - Wall posters and boards are read standing at arm's length or a step
 *   back: body at least 10.5 pt on A4, 12 pt on A3, 14 pt on A2.
 * - A pledge card on A5 is read on a counter or in the hand, like an A4
 *   poster: 10.5 pt.
 * - A desk card is read across a counter, about a metre: the name at
 *   least 24 pt, every other line on the card at least 12 pt; the margins
 *   (how to fold it, the version), read in the hand before they are cut
 *   off, at least 12 pt too, but for the printed-on line.
 * - A badge (85.6 × 54 mm) is read from a pace away: the name at least
 *   14 pt, the rest at least 7 pt.
 * - A window plaque is read from the queue, a few metres: 13 pt at least.
 *
 * Exceptions, kept few and explicit: text marked `data-caption` (the
 * address under or beside a QR code, the line with the organisation, the
 * dates and the version code, and on a badge its "工作证" tag) is set
 * down to `caption`. Everything else is body or heading.
 */
import type { FormatId, PaperSize } from './formats.ts';

export interface TypeScale {
  /** The sheet's base size, pt: body text is set at it, other sizes in em of it. */
  base: number;
  /** No body text below this, pt. */
  body: number;
  /** No heading (the sheet's title, a section heading, a name on a card or badge) below this, pt. */
  heading: number;
  /** QR captions and the printed-on line (`data-caption`) may be this small, pt. */
  caption: number;
}

const A4_WALL: TypeScale = { base: 12, body: 10.5, heading: 12, caption: 8 };
const A3_WALL: TypeScale = { base: 14, body: 12, heading: 14, caption: 9 };
const A2_WALL: TypeScale = { base: 17, body: 14, heading: 16, caption: 10 };

export const TYPE_SCALE = {
  procedure: { a4: A4_WALL, a3: A3_WALL },
  // An A4 board is set at its minimum, so that the staff and services get the room.
  board: { a4: { ...A4_WALL, base: 10.5 }, a3: A3_WALL, a2: A2_WALL },
  pledge: { a5: { base: 11.5, body: 10.5, heading: 12, caption: 7 }, a4: A4_WALL },
  supervision: { a4: A4_WALL },
  'desk-cards': { a4: { base: 12, body: 12, heading: 24, caption: 6.5 } },
  badges: { a4: { base: 8, body: 7, heading: 14, caption: 5 } },
  'window-plaques': { plaque: { base: 20, body: 13, heading: 24, caption: 9 } },
} as const satisfies Record<FormatId, Partial<Record<PaperSize, TypeScale>>>;

/** The type scale of a format in a paper size; a size the format does not come in is a mistake in the caller. */
export function typeScale(format: FormatId, size: PaperSize): TypeScale {
  const scale = (TYPE_SCALE[format] as Partial<Record<PaperSize, TypeScale>>)[size];
  if (!scale) throw new Error(`no type scale for ${format} ${size}`);
  return scale;
}

/** The CSS custom properties of a type scale, for a print page's root. */
export function typeScaleCss(scale: TypeScale): string {
  return `--base-pt: ${scale.base}pt; --body-min: ${scale.body}pt; --heading-min: ${scale.heading}pt; --caption-min: ${scale.caption}pt;`;
}
