/**
 * The short version code printed on every sheet. It is computed from the
 * data the sheet prints, so the same data always gives the same code and
 * any change gives a new one; the page a sheet's QR code opens knows every
 * code the item has had and says whether the sheet in hand is current.
 */
import { createHash } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** JSON with object keys sorted, so that equal data always serialises the same way. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Six characters of base 32: about a billion codes, plenty for one item's history. */
export function versionCode(printed: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(printed)).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 6) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 6) break;
  }
  return out;
}

/**
 * The version code of a sheet's printed view (printed.ts). Its top-level
 * fields count by name, as the notes name them; below them, each record
 * counts as its values in order, not by its field names, so renaming a
 * field in the code leaves sheets on the wall current, and codes are the
 * same as when the views were written as lists.
 */
export function sheetCode(view: Readonly<Record<string, unknown>>): string {
  return versionCode(Object.fromEntries(Object.entries(view).map(([field, value]) => [field, valuesInOrder(value)])));
}

function valuesInOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(valuesInOrder);
  if (value !== null && typeof value === 'object') return Object.values(value).map(valuesInOrder);
  return value;
}

/** The labels of the top-level fields whose values differ between two printed versions. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, labels: Readonly<Record<string, string>>): string[] {
  const keys = [...new Set([...Object.keys(labels)])];
  return keys.filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k])).map((k) => labels[k] as string);
}
