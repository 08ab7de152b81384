/**
 * Private residential addresses (家庭住址) in free text, by their shape, in
 * any field of any content file.
 *
 * An address is private when it goes down to a flat or a farmhouse:
 * - an estate, a building, maybe a stair, and a room: 滨江公寓 11 栋 5 单元
 *   1001 室, 金色家园 5 号楼 302 室, 阳光小区 3-2-501;
 * - a building, a stair (单元) and a room, estate or not: 3 幢 1 单元 201;
 * - a road and number, then a building or stair and a room: 人民路 12 号
 *   3 栋 2 单元 501 室, 解放路 56 号 2 单元 301 室, 人民路 12 号 3 幢 501 室;
 * - a village group and house number: 青石村 3 组 18 号;
 * - a lane and house number: 长乐路 100 弄 5 号;
 * - an address said to be someone's home: 家住, or 家庭住址, 家庭地址,
 *   现住址, 住址 with a colon, 为 or 是, followed in the same clause by a
 *   house, building or room number (家住人民路 12 号, 住址：青石村 3 组
 *   18 号).
 *
 * Offices are not homes. Public buildings are numbered by building, floor
 * and room, never by stair (单元), and name what they are: "政务服务中心
 * 3 号楼 201 室", "县人民医院 5 号楼 3 楼 312 室", "县政府 3 号楼 2 层
 * 201 室", "行政服务中心 2 楼 3 号窗口". So a building and a room count only
 * in an estate (小区, 公寓, 花园, 苑, 家园, 新村, 大院…) or after a road
 * number with 栋/幢; a floor (2 楼, 3 层) or an office word (窗口, 大厅,
 * 中心, 医院, 政府, 派出所, 村委…) in the address makes it an office's; a
 * compound named after an office (县委大院) is one; so is an address without
 * a stair that names its office next to it ("县医保局（人民路 88 号 1 栋
 * 201 室）", "办理地点：…"), unless a person is named there too ("为家住…
 * 的老人上门服务"). Residence talked of in
 * general ("户口簿住址与实际居住地址不一致的", "家住外地的群众") and a
 * home down to the village or community only ("家住城东新村") are not
 * reported: the fix is to write no more than that.
 */
import type { Found } from './identity.ts';
import { foldWidth } from './text.ts';

/** A number in figures or Chinese numerals (after folding full width). */
const N = '(?:\\d+|[一二三四五六七八九十百零〇两]+)';
/** A room or house number: figures only (a Chinese numeral before 号 is usually a building or a group); not 户, which counts households. */
const ROOM = '\\d{1,5}\\s*(?:室|号)';
/** A bare room number after a stair or an estate's building: 3 幢 1 单元 201, 城东新村 12 幢 301 (not a year or an amount). */
const BARE_ROOM = '\\d{3,4}(?!\\d|\\s*[号楼层室年月日元万人户个平米%])';
/** A building: 3 栋, 5 号楼, 12 幢, A 栋. */
const BUILDING = `(?:${N}|[A-Za-z])\\s*(?:栋|幢|号楼|座)`;
const STAIR = `${N}\\s*单元`;
/** Words ending the name of a residential estate or compound. */
const ESTATE = '(?:小区|公寓|花园|家园|嘉园|新村|新苑|名苑|花苑|苑|大院|家属院|山庄|宿舍|社区)';
const GAP = '[^，。；,;、\\n]{0,12}?';
const S = '\\s*';

const PATTERNS: readonly RegExp[] = [
  // An estate, a building, maybe a stair, a room: 滨江公寓 11 栋 5 单元 1001 室, 金色家园 5 号楼 302 室.
  new RegExp(`${ESTATE}${S}(?:${N}${S}(?:区|期)${S})?${BUILDING}${S}(?:${STAIR}${S})?(?:${ROOM}|${BARE_ROOM})`, 'g'),
  // A building, a stair and a room, estate or not: 3 幢 1 单元 201, 5 号楼 2 单元 302 室.
  new RegExp(`${BUILDING}${S}${STAIR}${S}(?:${ROOM}|${BARE_ROOM})`, 'g'),
  // An estate written as building-stair-room: 阳光小区 3-2-501.
  new RegExp(`${ESTATE}${S}\\d{1,3}${S}-${S}\\d{1,2}${S}-${S}\\d{3,4}(?![\\d-])`, 'g'),
  // A road and number, then a stair, or a 栋/幢 building, and a room: 人民路 12 号 2 单元 301 室, 人民路 12 号 3 幢 501 室.
  new RegExp(`(?:路|街|大道|巷|道)${S}\\d+${S}号${S}(?:院${S})?(?:(?:${BUILDING}${S})?${STAIR}${S}(?:${ROOM}|${BARE_ROOM})|${N}${S}(?:栋|幢)${S}${ROOM})`, 'g'),
  // A village group and house number: 青石村 3 组 18 号, 白沙村五组二十一号.
  new RegExp(`村${S}${N}${S}(?:组|队|社)${S}${N}${S}号`, 'g'),
  // A lane and house number: 长乐路 100 弄 5 号 302 室.
  /\d+\s*弄\s*\d+\s*号(?:\s*\d+\s*室)?/g,
];

// Said to be a home: 家住 (not 家住地, the place one is registered, whose police
// station is an office), or an address label followed by a colon, 为 or 是.
// 现住 alone is left out (现住地派出所), and so is 组: a village group is not a home.
const STATED = new RegExp(
  `(?:家住(?!地)|(?:家庭住址|家庭地址|现住址|住址)\\s*(?:[：:]|为|是))\\s*[^，。；,;、\\n]{0,30}?${N}\\s*(?:号|室|栋|幢|弄)(?:${GAP}${N}\\s*(?:号|室|单元))*`,
  'g',
);
/** Words that make an address an office's, where people go to be served. */
const OFFICE = /派出所|服务中心|服务站|服务点|服务厅|营业厅|办事处|窗口|大厅|办公|中心|医院|门诊|住院|病区|政府|人民政府|委员会|村委|居委|会议室/;
/** A floor between a building and a room (3 号楼 2 楼 201 室, 2 层): offices are numbered by floor. */
const FLOOR = /(?<!号)(?:\d+|[一二三四五六七八九十]+)\s*(?:楼|层)(?!栋|梯)/;
/** Just before 大院: a compound named after an office (县委大院, 政府大院). */
const OFFICE_COMPOUND = /(?:委|政府|机关|党校|法院|检察院|部队)\s*$/;
/**
 * Next to an address without a stair: the office it belongs to, such as a
 * community clinic in an estate ("阳光社区卫生服务站（阳光小区 3 栋 101 室）",
 * "人民路 88 号 1 栋 201 室（县医保局）") or a guide's place ("办理地点：…").
 * A stair (单元) is a flat whatever is around it.
 */
const OFFICE_NEAR = /服务站|服务点|服务中心|卫生院|卫生室|卫生服务|医院|诊所|门诊部|派出所|警务室|居委会|村委会|办事处|营业厅|办理地点|办公地点|服务地点|受理地点|局|办公室/;
/** ...unless a home is said: "服务站为家住阳光小区 3 栋 101 室的老人上门服务". */
const HOME_NEAR = /家住|住址|现住|住在|居住|住户|居民|老人|群众|女士|先生|大爷|大妈|阿姨/;

/** True when the words around `found` (in the same sentence, a dozen characters either side) say it is an office's address. */
function officeNear(folded: string, found: Found): boolean {
  const before =
    folded
      .slice(Math.max(0, found.start - 12), found.start)
      .split(/[。；;\n]/)
      .at(-1) ?? '';
  const after = folded.slice(found.end, found.end + 12).split(/[。；;,，\n]/)[0] ?? '';
  return OFFICE_NEAR.test(before + after) && !HOME_NEAR.test(before + after);
}

/**
 * A word every pattern needs. Most text (names, duties, steps, "3 号窗口")
 * has none, and the guard reads every string of every file, so it is spared
 * the patterns.
 */
const ANY_HOME_WORD = /[栋幢座组队社弄]|号楼|单元|家住|住址|家庭地址|[\d０-９]\s*-\s*[\d０-９]+\s*-\s*[\d０-９]/;

/** Every address in `text` that looks like someone's home, in order, overlapping findings merged. */
export function findHomeAddresses(text: string): Found[] {
  if (!ANY_HOME_WORD.test(text)) return [];
  const folded = foldWidth(text);
  const shaped = matches(text, folded, PATTERNS).filter(
    (found) =>
      !OFFICE.test(found.text) &&
      !FLOOR.test(found.text) &&
      !(found.text.startsWith('大院') && OFFICE_COMPOUND.test(folded.slice(Math.max(0, found.start - 4), found.start))) &&
      !(!found.text.includes('单元') && officeNear(folded, found)),
  );
  return merge(text, [...shaped, ...findStatedHomeAddresses(text)]);
}

/** Addresses in `text` said to be someone's home, down to a house number: see the rules above. */
export function findStatedHomeAddresses(text: string): Found[] {
  return matches(text, foldWidth(text), [STATED]).filter((found) => !OFFICE.test(found.text));
}

/** Where `patterns` match in `folded` (the same indexes as `text`), overlapping matches merged. */
function matches(text: string, folded: string, patterns: readonly RegExp[]): Found[] {
  const found: Found[] = [];
  for (const pattern of patterns) {
    for (const m of folded.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, text: '' });
  }
  return merge(text, found);
}

function merge(text: string, found: readonly Found[]): Found[] {
  const merged: Found[] = [];
  for (const { start, end } of [...found].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.text = text.slice(last.start, last.end);
    } else merged.push({ start, end, text: text.slice(start, end) });
  }
  return merged;
}

/** `3栋2单元501室` → `*栋*单元*室`: the shape of the address without its numbers, at most 20 characters. */
export function maskAddress(value: string): string {
  const masked = value
    .trim()
    .replace(/\s+/g, '')
    .replace(/[0-9０-９]+|[一二三四五六七八九十百零〇]+(?=(?:栋|幢|号楼|座|单元|组|队|号|室|弄))/g, '*');
  const chars = [...masked];
  return chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : masked;
}
