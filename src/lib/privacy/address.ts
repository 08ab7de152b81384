/**
 * Private residential addresses (家庭住址) in free text.
 *
 * `findHomeAddresses` is for staff records, where no address of any kind
 * belongs: a unit's own address ("人民路 88 号门诊楼一楼") is never a reason
 * to write one there.
 *
 * An address is private when it goes down to a flat or a farmhouse:
 * - a building and a room: 阳光小区 3 栋 2 单元 501 室, 5 号楼 302 室,
 *   3 幢 1 单元 201, 阳光小区 3-2-501;
 * - a village group and house number: 青石村 3 组 18 号;
 * - a lane and house number: 长乐路 100 弄 5 号;
 * - anything after 家住, 住址, 家庭住址, 现住, 居住在.
 *
 * `findStatedHomeAddresses` is for notices and service guides, which name
 * offices by their street address (a procedure's `place`, "3 号楼 201 室")
 * and talk about residence in general ("户口簿住址与实际居住地址不一致的",
 * "居住在城关片区的儿童"). There only an address said to be someone's home
 * counts: 家住, or 家庭住址, 家庭地址, 现住址, 住址 with a colon, 为 or 是,
 * followed in the same clause by a house, building or room number
 * (家住人民路 12 号, 住址：青石村 3 组 18 号), unless what follows names an
 * office (派出所, 服务中心, 村委会…).
 */
import type { Found } from './identity.ts';

const N = '[0-9０-９一二三四五六七八九十百零〇]+';
const GAP = '[^，。；,;、\\n]{0,12}?';

const PATTERNS: readonly RegExp[] = [
  // A building, optionally a stair (单元), and a room.
  new RegExp(`${N}\\s*(?:栋|幢|号楼|座)${GAP}(?:${N}\\s*单元${GAP})?\\d+\\s*(?:室|号房|房)`, 'g'),
  // A building and a stair, with or without the word 室: 3 幢 1 单元 201.
  new RegExp(`${N}\\s*(?:栋|幢|号楼|座)\\s*${N}\\s*单元\\s*\\d{2,5}`, 'g'),
  // An estate written as building-stair-room: 阳光小区 3-2-501.
  /(?:小区|花园|公寓|家园|新村|新苑|苑|府|庭|湾)\s*\d+-\d+-\d+/g,
  // A village group and house number: 青石村 3 组 18 号.
  new RegExp(`[\\u4e00-\\u9fa5]{1,8}村${GAP}${N}\\s*(?:组|队)${GAP}\\d+\\s*号`, 'g'),
  // A lane and house number: 长乐路 100 弄 5 号.
  /\d+\s*弄\s*\d+\s*号(?:\s*\d+\s*室)?/g,
  // Said in words.
  /(?:家住|家庭住址|住址|现住|居住在|居住地)[：:\s]*[^，。；,;\n]{2,}/g,
];

// Said to be a home: 家住 (not 家住地, the place one is registered, whose police
// station is an office), or an address label followed by a colon, 为 or 是.
// 现住 alone is left out (现住地派出所), and so is 组: a village group is not a home.
const STATED = new RegExp(`(?:家住(?!地)|(?:家庭住址|家庭地址|现住址|住址)\\s*(?:[：:]|为|是))\\s*[^，。；,;、\\n]{0,30}?${N}\\s*(?:号|室|栋|幢|弄)(?:${GAP}${N}\\s*(?:号|室|单元))*`, 'g');
/** Words that make an address an office's, where people go to be served. */
const OFFICE = /派出所|服务中心|服务站|服务点|服务厅|营业厅|办事处|窗口|大厅|人民政府|委员会|村委|居委/;

/** Every private-looking address in `text`, in order, overlapping findings merged. */
export function findHomeAddresses(text: string): Found[] {
  return matches(text, PATTERNS);
}

/** Addresses in `text` said to be someone's home, down to a house number: see the rules above. */
export function findStatedHomeAddresses(text: string): Found[] {
  return matches(text, [STATED]).filter((found) => !OFFICE.test(found.text));
}

function matches(text: string, patterns: readonly RegExp[]): Found[] {
  const ranges: Array<[number, number]> = [];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const found: Found[] = [];
  for (const [start, end] of ranges) {
    const last = found.at(-1);
    if (last && start < last.end) {
      last.end = Math.max(last.end, end);
      last.text = text.slice(last.start, last.end);
    } else found.push({ start, end, text: text.slice(start, end) });
  }
  return found;
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
