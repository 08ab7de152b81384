/**
 * Chinese telephone numbers as they are printed on public boards, and what
 * is wrong with one that is not. Accepted:
 *
 * - a landline with its area code: 0 + a two- or three-digit code, then a
 *   7- or 8-digit number (010 and 02X numbers have 8 digits), separated by
 *   spaces or hyphens, the area code optionally in brackets: "0570-6012 3000",
 *   "(010) 6512 3456", optionally with an extension: "0570-6012 3000 转 8001";
 * - a mobile number: 11 digits starting 13–19: "138 0570 1234";
 * - a 400 or 800 number: "400-123-4567";
 * - a short public hotline (12345, 12388, 110, 120, …), also behind an area
 *   code ("0570-12388", the county's own line), and 95xxx bank and insurer
 *   service numbers.
 *
 * A country code (+86) may precede any of them. Pure functions, no I/O.
 */

export type PhoneKind = 'landline' | 'mobile' | 'service' | 'hotline' | 'customer-service';

export interface PhoneNumber {
  kind: PhoneKind;
  /** The area code with its leading 0, for landlines and local hotlines. */
  areaCode?: string;
  /** The number after the area code (or the whole number), digits only. */
  number: string;
  extension?: string;
  /** Written without its area code: a local landline that takes the site's `areaCode` (site.yaml). */
  local?: true;
}

/** How a number may be written where it is read. */
export interface PhoneOptions {
  /**
   * Accept a local landline written without its area code ("2342699"), as
   * real boards print them. The schema accepts it; the checker then requires
   * site.yaml's `areaCode`, which pages use to dial and display it.
   */
  allowLocal?: boolean;
}

export type PhoneCheck = { ok: true; phone: PhoneNumber } | { ok: false; message: string; fix: string };

/**
 * Short public-service numbers (公益服务号码) with their Chinese names: the
 * emergency numbers and the 123xx government hotlines allocated nationally.
 */
export const PUBLIC_HOTLINES: ReadonlyMap<string, string> = new Map([
  ['110', '报警电话'],
  ['112', '紧急呼救'],
  ['114', '查号台'],
  ['119', '火警电话'],
  ['120', '医疗急救'],
  ['121', '天气预报'],
  ['122', '交通事故报警'],
  ['999', '红十字急救'],
  ['12301', '旅游服务热线'],
  ['12306', '铁路客服'],
  ['12308', '领事保护热线'],
  ['12309', '检察服务热线'],
  ['12310', '共青团服务热线'],
  ['12315', '市场监管投诉举报'],
  ['12316', '三农服务热线'],
  ['12317', '乡村振兴服务热线'],
  ['12318', '文化市场举报'],
  ['12319', '城建服务热线'],
  ['12320', '卫生健康热线'],
  ['12321', '网络不良信息举报'],
  ['12322', '防汛抗旱热线'],
  ['12328', '交通运输服务热线'],
  ['12329', '住房公积金热线'],
  ['12330', '知识产权举报'],
  ['12333', '人力资源和社会保障热线'],
  ['12336', '自然资源违法举报'],
  ['12338', '妇女维权热线'],
  ['12339', '国家安全举报'],
  ['12345', '政务服务便民热线'],
  ['12348', '法律援助热线'],
  ['12350', '安全生产举报'],
  ['12351', '职工维权热线'],
  ['12355', '青少年服务热线'],
  ['12356', '心理援助热线'],
  ['12358', '价格举报'],
  ['12360', '海关服务热线'],
  ['12365', '质量技术监督'],
  ['12366', '纳税服务热线'],
  ['12368', '法院服务热线'],
  ['12369', '生态环境举报'],
  ['12378', '银行保险消费者投诉'],
  ['12380', '组工干部监督举报'],
  ['12381', '涉诈预警劝阻'],
  ['12386', '证券期货投资者服务'],
  ['12388', '纪检监察举报'],
  ['12390', '扫黄打非举报'],
  ['12393', '医疗保障服务热线'],
  ['12395', '水上遇险求救'],
]);

const EXAMPLES = '例如固定电话 "0570-6012 3000"、手机 "138 0570 1234"、"400-123-4567" 或 12345 这样的公共服务热线';
const FIX = `写成区号加号码，${EXAMPLES}`;

const fail = (message: string, fix = FIX): PhoneCheck => ({ ok: false, message, fix });

/** The area code at the start of `digits` (which begins with 0), or undefined when there cannot be one. */
function areaCodeOf(digits: string): string | undefined {
  if (digits.startsWith('010')) return '010';
  if (/^02\d/.test(digits)) return digits.slice(0, 3);
  if (/^0[3-9]\d\d/.test(digits)) return digits.slice(0, 4);
  return undefined;
}

/** A local short number that may follow an area code: a 123xx hotline or a 96xxx local service line. */
const isLocalShort = (rest: string) => (rest.startsWith('123') && PUBLIC_HOTLINES.has(rest)) || /^96\d{3,4}$/.test(rest);

function classify(digits: string, groups: readonly string[], extension: string | undefined, options: PhoneOptions = {}): PhoneCheck {
  const ok = (phone: PhoneNumber): PhoneCheck => ({ ok: true, phone: extension ? { ...phone, extension } : phone });
  const noExtension = (what: string) => fail(`${what}没有分机号，不要写“转 ${extension}”`, '删除“转”和后面的分机号');

  if (digits.startsWith('0')) {
    if (/^01[3-9]\d{9}$/.test(digits)) return fail(`手机号码前面不用加 0：“${digits}”`, `写成 "${digits.slice(1)}"`);
    const area = areaCodeOf(digits);
    if (!area) return fail(`“${digits.slice(0, 3)}”不是有效的区号：区号是 0 加两到三位数字，例如 010、0570`);
    const first = groups[0] ?? '';
    if (groups.length > 1 && first.startsWith('0') && first.length < area.length) {
      return fail(`区号应为 ${area}，这里把它断开了`, `写成 "${area}-${digits.slice(area.length)}"`);
    }
    const rest = digits.slice(area.length);
    if (rest === '') return fail(`只有区号 ${area}，缺少电话号码`, `在区号后面写上号码，例如 "${area}-6012 3000"`);
    if (isLocalShort(rest)) return extension ? noExtension('热线') : ok({ kind: 'hotline', areaCode: area, number: rest });
    if (rest.startsWith('0')) return fail(`区号 ${area} 后面的号码不能以 0 开头：“${rest}”`, `核对号码，是不是把区号写了两遍？例如 "${area}-6012 3000"`);
    const eight = area.length === 3;
    if (eight && rest.length !== 8) {
      return fail(`区号 ${area} 的电话号码应为 8 位，这里是 ${rest.length} 位：“${rest}”`, `核对号码，例如 "${area}-6512 3456"`);
    }
    if (rest.length < 7) return fail(`区号后面的电话号码应为 7 到 8 位，这里只有 ${rest.length} 位：“${rest}”`, '核对号码，是不是少写了数字？');
    if (rest.length > 8) return fail(`区号后面的电话号码应为 7 到 8 位，这里有 ${rest.length} 位：“${rest}”`, '核对号码，是不是多写了数字，或把两个号码写在了一起？');
    return ok({ kind: 'landline', areaCode: area, number: rest });
  }

  if (PUBLIC_HOTLINES.has(digits)) return extension ? noExtension('热线') : ok({ kind: 'hotline', number: digits });
  if (/^123\d\d$/.test(digits)) {
    return fail(`${digits} 不是已知的公共服务热线`, '核对号码；常用的有 12345（政务服务）、12388（纪检监察）、12315（市场监管）、12320（卫生健康）、12333（人社）');
  }
  if (digits.startsWith('1')) {
    if (/^1[3-9]/.test(digits)) {
      if (digits.length < 11) return fail(`手机号码应为 11 位，这里只有 ${digits.length} 位：“${digits}”`, '核对号码，是不是少写了数字？');
      if (digits.length > 11) return fail(`手机号码应为 11 位，这里有 ${digits.length} 位：“${digits}”`, '核对号码，是不是多写了数字？');
      return extension ? noExtension('手机号码') : ok({ kind: 'mobile', number: digits });
    }
    if (/^100\d\d$/.test(digits)) return ok({ kind: 'customer-service', number: digits });
    return fail(`看不出“${digits}”是什么号码：手机号码以 13 到 19 开头，共 11 位`);
  }
  if (/^[48]00/.test(digits)) {
    if (digits.length !== 10) return fail(`${digits.slice(0, 3)} 号码应为 10 位，这里是 ${digits.length} 位：“${digits}”`, `核对号码，例如 "${digits.slice(0, 3)}-123-4567"`);
    return ok({ kind: 'service', number: digits });
  }
  if (/^95\d{3,4}$/.test(digits)) return ok({ kind: 'customer-service', number: digits });
  if (/^96\d{3,4}$/.test(digits)) return ok({ kind: 'hotline', number: digits });
  if (/^[2-9]\d{6,7}$/.test(digits)) {
    if (options.allowLocal) return ok({ kind: 'landline', number: digits, local: true });
    // The fix names no real area code: the example county's would be copied as it stands.
    const number = digits.length === 8 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
    return fail(`固定电话要写区号：“${digits}”前面缺少区号`, `在前面加上本地的区号（0 开头的 3 到 4 位数字），写成 "区号-${number}"`);
  }
  return fail(`看不出“${digits}”是什么电话号码`);
}

/**
 * Dashes real pages put between area code and number: an em dash
 * (023—65751638), a full-width hyphen (0531－12380), an en dash or a
 * non-breaking hyphen. They mean the same as "-".
 */
const DASHES = /[—－–‑‒―]/g;

/** Checks a phone number as written on a board, saying what is wrong in Chinese. */
export function checkPhone(text: string, options: PhoneOptions = {}): PhoneCheck {
  const value = text.trim().replace(DASHES, '-');
  const whole = checkOne(value, options);
  if (whole.ok) return whole;
  // An extension written after a hyphen, as pages print it: 67475557-678, 0571-8888 6666-12.
  const hyphenExt = /^(.*\d)\s*-\s*(\d{1,5})$/.exec(value);
  if (hyphenExt && !/转/.test(value)) {
    const main = checkOne(hyphenExt[1] ?? '', options);
    if (main.ok && main.phone.kind === 'landline' && !main.phone.extension) return { ok: true, phone: { ...main.phone, extension: hyphenExt[2] ?? '' } };
  }
  return whole;
}

/** Splits a field that holds several numbers ("2342699;2342277", "0570-6012 3000、6012 3001") into its numbers. */
export function splitPhones(text: string): string[] {
  return text
    .trim()
    .split(/\s*(?:[、,，/;；]|\s或\s?)\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Checks a field that may hold one number or several separated by ；、，/
 * or 或, as real pages write them. A later number written without its area
 * code takes the area code of the first ("0570-6012 3000、6012 3001").
 */
export function checkPhones(text: string, options: PhoneOptions = {}): { ok: true; phones: PhoneNumber[] } | { ok: false; message: string; fix: string } {
  const parts = splitPhones(text);
  if (parts.length === 0) return fail('电话号码不能为空') as { ok: false; message: string; fix: string };
  const phones: PhoneNumber[] = [];
  for (const part of parts) {
    const first = phones[0];
    let result = checkPhone(part, options);
    if (!result.ok && first?.areaCode && !first.local) {
      const local = checkPhone(part, { allowLocal: true });
      if (local.ok && local.phone.local) {
        const { local: _local, ...rest } = local.phone;
        result = { ok: true, phone: { ...rest, areaCode: first.areaCode } };
      }
    }
    if (!result.ok) return parts.length > 1 ? { ok: false, message: `“${part}”：${result.message}`, fix: result.fix } : result;
    phones.push(result.phone);
  }
  return { ok: true, phones };
}

function checkOne(value: string, options: PhoneOptions): PhoneCheck {
  if (value === '') return fail('电话号码不能为空');
  if (/[０-９]/.test(value)) return fail(`“${value}”里有全角数字`, '把号码改成半角数字（关掉输入法的全角模式后重新输入）');
  const parts = value.split(/[、,，/;；]|\s或\s?/).filter((p) => (p.match(/\d/g)?.length ?? 0) >= 3);
  if (parts.length > 1) return fail(`这里写了不止一个号码：“${value}”`, '一个字段只写一个号码；其他号码可以写在说明里');

  const ext = /^(.*?)\s*转\s*(\d{1,6})$/.exec(value);
  const main = (ext ? ext[1] : value) ?? '';
  const extension = ext?.[2];
  if (/(?:分机|ext|x)\s*\d+$/i.test(main)) return fail(`分机号要用“转”连接：“${value}”`, '写成 "0570-6012 3000 转 8001"');
  const bad = /[^0-9+\s\-()（）]/.exec(main);
  if (bad) return fail(`电话号码里只能有数字、空格、短横线和括号，这里有“${bad[0]}”：“${value}”`);
  if (!/\d/.test(main)) return fail(`“${value}”里没有数字`);

  let rest = main.trim();
  const country = /^(?:\+|00)86[\s-]*|^[(（]\+?86[)）][\s-]*/.exec(rest);
  if (country) rest = rest.slice(country[0].length);
  else if (rest.includes('+')) return fail(`“+”只能用在国家代码 +86 前面：“${value}”`);
  const groups = rest.split(/[\s\-()（）]+/).filter(Boolean);
  let digits = groups.join('');
  // +86 571 … drops the area code's 0, which the national form keeps.
  if (country && !digits.startsWith('1') && !digits.startsWith('0')) digits = `0${digits}`;
  if (country && digits.startsWith('0') && groups[0]) groups[0] = `0${groups[0]}`.replace(/^00/, '0');
  return classify(digits, groups, extension, options);
}

/** True when `text` is a valid Chinese phone number as printed on a board. */
export function isPhone(text: string): boolean {
  return checkPhone(text).ok;
}

/** One number of a phone field, as a page shows it and as a phone dials it. */
export interface DialNumber {
  /** As written, dashes made plain, with the area code put in front of a local number when it is known. */
  text: string;
  /** A tel: link, the extension after a pause: tel:057188886666,678. */
  tel: string;
}

/**
 * The numbers of a phone field as pages show them: "2342699;2342277" with
 * the site's area code 0570 gives 0570-2342699 and 0570-2342277, each
 * dialled with its area code. A number the checker would refuse is shown
 * as written, with a link of its digits, so nothing is dropped.
 */
export function dialNumbers(written: string, areaCode?: string): DialNumber[] {
  const parts = splitPhones(written);
  const checked = checkPhones(written, { allowLocal: true });
  return parts.map((part, i) => {
    const plain = part.replace(DASHES, '-');
    const phone = checked.ok ? checked.phones[i] : undefined;
    if (!phone) return { text: plain, tel: `tel:${plain.replace(/转.*$/, '').replace(/[^\d+]/g, '')}` };
    const area = phone.local ? areaCode : phone.areaCode;
    const written = /^[0(（+]/.test(plain.trim()) || !area ? plain : `${area}-${plain}`;
    const extension = phone.extension ? `,${phone.extension}` : '';
    return { text: written, tel: `tel:${area ?? ''}${phone.number}${extension}` };
  });
}
