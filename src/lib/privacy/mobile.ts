/**
 * Mainland mobile numbers (手机号码) in free text: 11 digits starting 13–19,
 * written solid (13805710000), in the usual 3-4-4 groups with spaces or
 * hyphens (138 0571 0000, 138-0571-0000), optionally after +86 or 0086.
 *
 * Not mobiles: landlines (0570-6012 3311: the number after the area code
 * never starts with 1), short hotlines (12345, 95588), 400/800 numbers,
 * masked numbers (138****5678), digits inside a longer number (an identity
 * number, a bank card, an 18-digit code, a grouped number such as
 * 6222 0213 8057 1000), amounts (13800000000 元) and decimals.
 */
import type { Found } from './identity.ts';

// Not inside a longer run of digits, a decimal or an amount. The 3-4-4
// groups may be split by one space or hyphen each; a longer number written
// in groups of four (a bank card) never lines up with 3-4-4.
const MOBILE = /(?<![\d.])(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d|\.\d|\s*(?:元|万|亿|%|％))/g;

/** Every mobile number in `text`, in order. */
export function findMobiles(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(MOBILE)) {
    found.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return found;
}

/** `138****0000`: the network prefix and the last four digits. */
export function maskMobile(value: string): string {
  const digits = value.replace(/\D/g, '').slice(-11);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
