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
 * - 15 digits, the old form (before 1999): address code (province 11–82),
 *   YYMMDD of a birth in 1920–1999, sequence; no check digit, so it is less
 *   certain. Medical licence numbers (执业证书编码) have the same shape, so
 *   the `licence` and `number` fields and numbers labelled as certificates,
 *   accounts or orders are not read as old identity numbers (an 18-digit one
 *   still is).
 *
 * As written: in full-width digits (３３０１…Ｘ), solid or in groups joined by
 * one separator used throughout (330106-19900101-123X, 3301 0619 9001 0112
 * 3X, 330106．850315．123). The groups are read as one number only when the
 * separator is the same between all of them, so a landline and a time
 * ("0570-6012 3311", "8:30-17:30") never join into one; a number that goes
 * on past the 18 or 15 digits (a longer code, 11330100002482405X4330…) is
 * not an identity number.
 *
 * Pure functions; the position-aware rule is in ./rules.ts.
 */
import { compactNumber, foldWidth, GROUP_SEPARATOR, JOINER } from './text.ts';

export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
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

/** True for a well-formed 18-character identity number: province, birth date (1900–today) and check character. Full width and separators allowed. */
export function isIdentityNumber18(value: string, today: string): boolean {
  const id = compactNumber(value).toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || !validDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)), today)) return false;
  return checkCharacter(id) === id[17];
}

/** True for a plausible old 15-digit identity number: province 11–82 and a birth date in 1920–1999. Full width and separators allowed. */
export function isIdentityNumber15(value: string, today: string): boolean {
  const id = compactNumber(value);
  if (!/^\d{15}$/.test(id)) return false;
  // 83 is the residence permit of Taiwan residents, issued only in the 18-digit form.
  if (!PROVINCE_CODES.has(id.slice(0, 2)) || id.startsWith('83')) return false;
  const year = 1900 + Number(id.slice(6, 8));
  return year >= 1920 && validDate(year, Number(id.slice(8, 10)), Number(id.slice(10, 12)), today);
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

/**
 * A run of digit groups joined by one separator used throughout (the
 * backreference), in folded text, possibly ending in X. Not after a letter or
 * digit: 18 digits at the end of a 20-digit bank reference are not an ID.
 */
const RUN = new RegExp(`(?<![0-9A-Za-z])\\d+(?:(${GROUP_SEPARATOR})\\d+(?:\\1\\d+)*)?(?:[Xx](?![0-9A-Za-z]))?`, 'g');
/** After a run: the number goes on (a letter or digit, or a hyphen or dot and more digits). */
const GOES_ON = new RegExp(`^(?:[0-9A-Za-z]|${JOINER}\\d)`);

// A label ends where the clause does: "已备案。，620102…" is a number after a full stop, not a 备案号.
const CLAUSE = '[^\\d\\n。，；！？,;!?]{0,6}$';
/** Labels after which an 18-character code is an organisation's code, not a person's number. */
const ORGANISATION_CODE = new RegExp(`(?:信用代码|纳税人识别号|税号|组织机构代码|注册号)${CLAUSE}`);
/** Labels after which a 15-digit number is a certificate, account or order number. */
const OTHER_NUMBER = new RegExp(`(?:证书|执业|资格|(?<!身份)证号|(?<!身份证)编号|编码|工号|警号|账号|帐号|卡号|单号|流水号|订单|文号|备案|代码|注册号)${CLAUSE}`);

export interface IdentityOptions {
  /** The build's today (YYYY-MM-DD): a birth date after it is not a birth date. */
  today: string;
  /** Look for old 15-digit numbers too (not in licence or staff number fields). */
  oldNumbers?: boolean;
}

interface Group {
  start: number;
  end: number;
  length: number;
}

/** Every identity number in `text`, in order. */
export function findIdentityNumbers(text: string, options: IdentityOptions): FoundIdentity[] {
  const folded = foldWidth(text);
  const found: FoundIdentity[] = [];
  const add = (kind: FoundIdentity['kind'], start: number, end: number) => {
    if (found.some((f) => start < f.end && f.start < end)) return;
    found.push({ kind, start, end, text: text.slice(start, end) });
  };
  const label = (start: number, pattern: RegExp) => pattern.test(text.slice(Math.max(0, start - 16), start));
  for (const m of folded.matchAll(RUN)) {
    const runEnd = m.index + m[0].length;
    if (GOES_ON.test(folded.slice(runEnd, runEnd + 2))) continue;
    const groups: Group[] = [];
    for (const g of m[0].matchAll(/\d+[Xx]?/g)) groups.push({ start: m.index + g.index, end: m.index + g.index + g[0].length, length: g[0].length });
    // Groups split by spaces may be a list of numbers ("张三 330106… 13805710000"):
    // any consecutive groups may then be the number. A hyphen or dot joins one code.
    const list = m[1] === ' ';
    for (let i = 0; i < groups.length; i++) {
      if (!list && i > 0) break;
      let digits = 0;
      for (let j = i; j < groups.length; j++) {
        digits += (groups[j] as Group).length;
        if (!list && j < groups.length - 1) continue;
        const first = groups[i] as Group;
        const last = groups[j] as Group;
        const value = folded.slice(first.start, last.end);
        if (digits === 18 && !label(first.start, ORGANISATION_CODE) && isIdentityNumber18(value, options.today)) add('id18', first.start, last.end);
        // Old numbers have no check digit: only whole runs or one solid group, in groups of three or more.
        const whole = (i === 0 && j === groups.length - 1) || i === j;
        if (
          digits === 15 &&
          options.oldNumbers !== false &&
          whole &&
          groups.slice(i, j + 1).every((g) => g.length >= 3) &&
          !label(first.start, OTHER_NUMBER) &&
          isIdentityNumber15(value, options.today)
        ) {
          add('id15', first.start, last.end);
        }
        if (digits >= 18) break;
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `3301**********123X`: the first four and the last four characters, never the birth date. */
export function maskIdentity(value: string): string {
  const id = compactNumber(value).toUpperCase();
  return `${id.slice(0, 4)}${'*'.repeat(Math.max(0, id.length - 8))}${id.slice(-4)}`;
}
