/**
 * Mainland mobile numbers (手机号码) in free text: 11 digits whose first
 * three are a network prefix MIIT has allocated to public mobile numbers
 * (130–139, 145–149, 150–153, 155–159, 162, 165–167, 170–178, 180–189,
 * 190–193, 195–199). Written solid (13805710000), in full-width digits
 * (１３８…), in 3-4-4 or 4-3-4 groups joined by one separator used
 * throughout (space, hyphen, dash, full-width hyphen, dot: 138 0571 0000,
 * 1380-571-0000), optionally after +86, 0086, 86- or (+86).
 *
 * Not mobiles: landlines (0570-6012 3311: the number after the area code
 * never starts with 1), short hotlines (12345, 95588), 400/800 numbers,
 * masked numbers (138****5678), numbers in unallocated ranges (120…, 154…),
 * digits inside a longer number (an identity number, a bank card, an
 * 18-digit code, a grouped number such as 6222 0213 8057 1000), addresses
 * of networks and versions (192.168.100.10), amounts (13800000000 元) and
 * decimals.
 */
import type { Found } from './identity.ts';
import { foldWidth, GROUP_SEPARATOR, JOINER } from './text.ts';

/** Allocated three-digit prefixes of 11-digit mobile numbers (MIIT numbering plan). */
export const MOBILE_PREFIX = /^1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])/;

// In folded text. The separator is captured and repeated, so 3-4-4 and 4-3-4
// groups are joined the same way throughout; a number after a digit is part
// of a longer one.
const MOBILE = new RegExp(`(?<!\\d)(?:(?:\\+|00)?86[ -]?|\\(\\+?86\\) ?)?(?:1\\d{10}|1\\d{2}(${GROUP_SEPARATOR})\\d{4}\\1\\d{4}|1\\d{3}(${GROUP_SEPARATOR})\\d{3}\\2\\d{4})`, 'g');
/** Before a number: a decimal point or a hyphen joining it to more digits. */
const JOINED_BEFORE = new RegExp(`(?:\\d${JOINER}|\\.)$`);
/** After a number: more digits, a decimal, or an amount. */
const GOES_ON = new RegExp(`^(?:\\d|${JOINER}\\d|\\s*(?:元|万|亿|%))`);

/** Every mobile number in `text`, in order. */
export function findMobiles(text: string): Found[] {
  const folded = foldWidth(text);
  const found: Found[] = [];
  for (const m of folded.matchAll(MOBILE)) {
    const start = m.index;
    const end = start + m[0].length;
    const number = m[0].replace(/\D/g, '').slice(-11);
    if (!MOBILE_PREFIX.test(number)) continue;
    if (JOINED_BEFORE.test(folded.slice(Math.max(0, start - 2), start)) || GOES_ON.test(folded.slice(end, end + 4))) continue;
    // Grouped by spaces and going on in the same groups: a longer number (6222 138 0571 0000 123).
    const sep = m[1] ?? m[2];
    if (sep === ' ' && (/\d $/.test(folded.slice(0, start)) || /^ \d/.test(folded.slice(end)))) continue;
    found.push({ start, end, text: text.slice(start, end) });
  }
  return found;
}

/** `138****0000`: the network prefix and the last four digits. */
export function maskMobile(value: string): string {
  const digits = foldWidth(value).replace(/\D/g, '').slice(-11);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
