/**
 * Resident identity numbers (居民身份证号码) in free text.
 *
 * - 18 characters (GB 11643-1999): a six-digit address code whose first two
 *   digits are a province (11 Beijing … 65 Xinjiang, 71 Taiwan, 81/82/83 the
 *   residence permits of Hong Kong, Macao and Taiwan residents), the birth
 *   date YYYYMMDD, a three-digit sequence and an ISO 7064 MOD 11-2 check
 *   character (0–9 or X). All four must hold, so document numbers, credit
 *   codes, bank numbers and dates almost never qualify: a random 18-digit
 *   string passes by chance about once in 30 000 times.
 * - 15 digits, the old form (before 1999): address code, YYMMDD of a birth
 *   in 1920–1999, sequence; no check digit, so it is less certain. Medical
 *   licence numbers (执业证书编码) have the same shape, so the `licence` and
 *   `number` fields and numbers labelled as certificates, accounts or orders
 *   are not read as old identity numbers (an 18-digit one still is).
 *
 * Pure functions; the position-aware rule is in ./rules.ts.
 */

export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

function validDate(year: number, month: number, day: number, today: string): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return false;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso <= today;
}

/** True for a well-formed 18-character identity number: province, birth date (1900–today) and check character. */
export function isIdentityNumber18(value: string, today: string): boolean {
  const id = value.replace(/ /g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || !validDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)), today)) return false;
  return checkCharacter(id) === id[17];
}

/** True for a plausible old 15-digit identity number: province and a birth date in 1920–1999. */
export function isIdentityNumber15(value: string, today: string): boolean {
  if (!/^\d{15}$/.test(value)) return false;
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return false;
  const year = 1900 + Number(value.slice(6, 8));
  return year >= 1920 && validDate(year, Number(value.slice(8, 10)), Number(value.slice(10, 12)), today);
}

export interface Found {
  /** Index of the first character in the searched text. */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
}

export interface FoundIdentity extends Found {
  kind: 'id18' | 'id15';
}

// Not part of a longer run of letters or digits: 18 digits inside a 20-digit bank reference are not an ID.
const ID18 = /(?<![0-9A-Za-z])\d{6} ?\d{8} ?\d{3}[\dXx](?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g;

/** Labels after which an 18-character code is an organisation's code, not a person's number. */
const ORGANISATION_CODE = /(?:信用代码|纳税人识别号|税号|组织机构代码|注册号)[^\d\n]{0,6}$/;
/** Labels after which a 15-digit number is a certificate, account or order number. */
const OTHER_NUMBER = /(?:证书|执业|资格|(?<!身份)证号|(?<!身份证)编号|编码|工号|警号|账号|帐号|卡号|单号|流水号|订单|文号|备案|代码|注册号)[^\d\n]{0,6}$/;

export interface IdentityOptions {
  /** The build's today (YYYY-MM-DD): a birth date after it is not a birth date. */
  today: string;
  /** Look for old 15-digit numbers too (not in licence or staff number fields). */
  oldNumbers?: boolean;
}

/** Every identity number in `text`, in order. */
export function findIdentityNumbers(text: string, options: IdentityOptions): FoundIdentity[] {
  const found: FoundIdentity[] = [];
  for (const m of text.matchAll(ID18)) {
    const start = m.index;
    if (ORGANISATION_CODE.test(text.slice(Math.max(0, start - 16), start))) continue;
    if (isIdentityNumber18(m[0], options.today)) found.push({ kind: 'id18', start, end: start + m[0].length, text: m[0] });
  }
  if (options.oldNumbers !== false) {
    for (const m of text.matchAll(ID15)) {
      const start = m.index;
      if (OTHER_NUMBER.test(text.slice(Math.max(0, start - 16), start))) continue;
      if (isIdentityNumber15(m[0], options.today)) found.push({ kind: 'id15', start, end: start + m[0].length, text: m[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `3301**********123X`: the first four and the last four characters, never the birth date. */
export function maskIdentity(value: string): string {
  const id = value.replace(/ /g, '');
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}
