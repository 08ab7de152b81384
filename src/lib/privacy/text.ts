/**
 * Text as the detectors read it. A Chinese input method left in full-width
 * mode types １３８０５７１００００ and ３３０１…Ｘ; people group long numbers
 * with spaces, hyphens, dashes or dots. The detectors fold the text first and
 * then look for ASCII digits, so every way of writing a number is one pattern.
 */

/**
 * Full-width ASCII (U+FF01–U+FF5E: digits, letters, ＋, －, ．, （）, ：, ，)
 * and the ideographic space folded to ASCII. Each of these is one UTF-16
 * unit and so is its ASCII form, so an index into the folded text is the
 * same index into the original: a finding is reported where it is written.
 */
export function foldWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * A character other than a space that people put between groups of digits,
 * after folding: hyphen (ASCII, Unicode hyphen, non-breaking hyphen), en and
 * em dashes, dot, middle dots. A regular-expression class. Between digits it
 * joins them into one number: "0571-13805710000" is not a mobile.
 */
export const JOINER = '[\\-\u2010\u2011\u2013\u2014.\u00b7\u30fb]';

/** One character between groups of digits: a space or a joiner. A regular expression. */
export const GROUP_SEPARATOR = `(?: |${JOINER})`;

const SEPARATORS = new RegExp(`\\s|${JOINER}`, 'g');

/** Every separator and space removed, full width folded: the digits (and X) of a number as written. */
export function compactNumber(value: string): string {
  return foldWidth(value).replace(SEPARATORS, '');
}
