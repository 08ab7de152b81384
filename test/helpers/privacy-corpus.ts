/**
 * A deterministic corpus for the privacy guard: identity numbers, mobile
 * numbers and home addresses written in the ways people write them (full
 * width digits, groups with every common separator, country prefixes,
 * addresses by their shape), each inside a sentence, and sentences full of
 * numbers and addresses that are not personal (look-alikes).
 *
 * The numbers are made here from a small seeded generator, so a failure
 * names the same sentence on every run. The identity check character is
 * computed here on its own (GB 11643 / ISO 7064 MOD 11-2), not by the code
 * under test.
 */

export type Group = 'identity' | 'mobile' | 'address';

export interface Plant {
  group: Group;
  /** How it is written, for failure messages and per-format counts. */
  format: string;
  /** The personal data exactly as written in the sentence. */
  value: string;
  /** The sentence carrying it. */
  sentence: string;
}

/** A small seeded generator (mulberry32): the same corpus on every run. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, int, pick };
}
type Rng = ReturnType<typeof seeded>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.int(0, 9)).join('');

/** Full-width digits and letters (１２３Ｘ), as a Chinese input method in full-width mode types them. */
export const fullWidth = (text: string) => text.replace(/[0-9A-Za-z+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** Splits `value` into groups of the given sizes joined by `sep`. */
export function grouped(value: string, sizes: readonly number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(value.slice(at, at + size));
    at += size;
  }
  if (at !== value.length) throw new Error(`groups ${sizes.join('-')} do not cover ${value}`);
  return parts.join(sep);
}

// ---------------------------------------------------------------- identity

/** Province codes (first two digits) of mainland identity numbers. */
export const PROVINCES = [
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
];
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The GB 11643 check character of 17 digits. */
export function gbCheck(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] as number), 0);
  return '10X98765432'[sum % 11] as string;
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
function birth(rng: Rng, from: number, to: number): { y: number; m: number; d: number } {
  const y = rng.int(from, to);
  const m = rng.int(1, 12);
  return { y, m, d: rng.int(1, daysIn(y, m)) };
}
const region = (rng: Rng) => `${rng.pick(PROVINCES)}${pad(rng.int(1, 90), 2)}${pad(rng.int(1, 30), 2)}`;

/** A valid 18-character identity number; `x` forces a check character X. */
export function identity18(rng: Rng, x = false): string {
  for (;;) {
    const { y, m, d } = birth(rng, 1935, 2008);
    const first17 = `${region(rng)}${y}${pad(m, 2)}${pad(d, 2)}${digits(rng, 3)}`;
    const check = gbCheck(first17);
    if (x === (check === 'X')) return first17 + check;
  }
}

/** A valid old 15-digit identity number (address, YYMMDD in 1930–1999, sequence). */
export function identity15(rng: Rng): string {
  const { y, m, d } = birth(rng, 1930, 1999);
  return `${region(rng)}${pad(y % 100, 2)}${pad(m, 2)}${pad(d, 2)}${digits(rng, 3)}`;
}

/** Separators people put between groups of digits. */
export const SEPARATORS: Readonly<Record<string, string>> = {
  space: ' ',
  'ideographic space': '\u3000',
  hyphen: '-',
  'en dash': '–',
  'em dash': '—',
  'full-width hyphen': '－',
  dot: '.',
  'middle dot': '·',
};

const ID_SENTENCES = [
  '申请人身份证号：{}。',
  '经核对，{} 的材料齐全。',
  '（{}）',
  '已在社区备案。，{}',
  '身份证{}已登记',
  '| 张三 | {} | 已办结 |',
  '{}',
  '公民身份号码 {}，有效期至 2030 年',
];

export function identityPlants(seed = 11643): Plant[] {
  const rng = seeded(seed);
  const plants: Plant[] = [];
  const add = (format: string, value: string) => plants.push({ group: 'identity', format, value, sentence: rng.pick(ID_SENTENCES).replace('{}', value) });
  for (const x of [false, true]) {
    const tag = x ? '（校验位 X）' : '';
    add(`18 位连写${tag}`, identity18(rng, x));
    add(`18 位全角${tag}`, fullWidth(identity18(rng, x)));
    for (const [name, sep] of Object.entries(SEPARATORS)) add(`18 位 6-8-4，${name}${tag}`, grouped(identity18(rng, x), [6, 8, 4], sep));
    for (const sep of [' ', '-']) add(`18 位 4-4-4-4-2，“${sep}”${tag}`, grouped(identity18(rng, x), [4, 4, 4, 4, 2], sep));
    add(`18 位 6-4-4-4 空格${tag}`, grouped(identity18(rng, x), [6, 4, 4, 4], ' '));
    add(`18 位全角 6-8-4，全角连字符${tag}`, fullWidth(grouped(identity18(rng, x), [6, 8, 4], '－')));
  }
  add('18 位小写 x', identity18(rng, true).toLowerCase());
  add('18 位全角小写ｘ', fullWidth(identity18(rng, true).toLowerCase()));
  add('15 位连写', identity15(rng));
  add('15 位全角', fullWidth(identity15(rng)));
  for (const [name, sep] of Object.entries(SEPARATORS)) add(`15 位 6-6-3，${name}`, grouped(identity15(rng), [6, 6, 3], sep));
  plants.push({ group: 'identity', format: '15 位，在“备案。，”之后', value: '620102940106793', sentence: '经办人已备案。，620102940106793' });
  return plants;
}

/** Not identity numbers, though they are long runs of digits. */
export function identityLookAlikes(seed = 7064): string[] {
  const rng = seeded(seed);
  const wrongCheck = () => {
    const id = identity18(rng);
    const check = id[17] === '0' ? '1' : '0';
    return id.slice(0, 17) + check;
  };
  const impossibleDate = (month: number, day: number) => {
    const first17 = `${region(rng)}${rng.int(1950, 2000)}${pad(month, 2)}${pad(day, 2)}${digits(rng, 3)}`;
    return first17 + gbCheck(first17);
  };
  const badRegion15 = () =>
    `${rng.pick(['00', '10', '19', '20', '66', '70', '84', '90', '99'])}${digits(rng, 4)}${pad(rng.int(30, 99), 2)}${pad(rng.int(1, 12), 2)}${pad(rng.int(1, 28), 2)}${digits(rng, 3)}`;
  const badDate15 = () => `${region(rng)}${pad(rng.int(30, 99), 2)}${rng.pick(['13', '00', '20'])}${pad(rng.int(1, 28), 2)}${digits(rng, 3)}`;
  return [
    `订单号 ${digits(rng, 19)}，流水号 2026112200${digits(rng, 10)}`,
    `订单号 202611220001234567`,
    `银行卡号 ${grouped(`6222${digits(rng, 15)}`, [4, 4, 4, 4, 3], ' ')}`,
    `银行卡号 ${grouped(`6217${digits(rng, 12)}`, [4, 4, 4, 4], ' ')}`,
    `账户 ${grouped(`6228${digits(rng, 13)}`, [4, 4, 4, 4, 1], '-')}`,
    `卡号 ${grouped(wrongCheck(), [4, 4, 4, 4, 2], ' ')}（校验位不对）`,
    `编号 ${wrongCheck()}`,
    `号码 ${grouped(wrongCheck(), [6, 8, 4], '-')}，${fullWidth(wrongCheck())}，${grouped(wrongCheck(), [6, 8, 4], '－')}`,
    `银行卡 ${digits(rng, 16)}，${grouped(digits(rng, 17), [6, 8, 3], ' ')}，${fullWidth(digits(rng, 19))}`,
    `号码 ${impossibleDate(13, 1)}（没有 13 月）`,
    `号码 ${impossibleDate(2, 30)}（没有 2 月 30 日）`,
    `号码 ${grouped(impossibleDate(0, 12), [6, 8, 4], ' ')}`,
    `未来出生：${(() => {
      const first17 = `330106${2030}0101${digits(rng, 3)}`;
      return first17 + gbCheck(first17);
    })()}`,
    `旧号样式但地区码不对：${badRegion15()}`,
    `旧号样式但日期不对：${badDate15()}`,
    '咨询电话：0570-6012 3311（工作日 8:30-17:30），手机 138****5678',
    '监督电话 (0570)6012 3000，传真 0570-6012 3312，总机 057088886666',
    '公示期为 2026 年 11 月 18 日至 11 月 26 日，2026-11-22，20261122，2026.11.22',
    '办公时间 08:30-12:00、14:00-17:30',
    '事项编码：11330100002482405X4330117001000',
    '事项编码 11330100002482405X-330-0117-001',
    '实施编码 11330100002482405X33301170010001',
    '统一社会信用代码：91330100MA2H3XYZ4K，12330100470000001X',
    '依据《关于做好窗口服务工作的通知》（青溪卫〔2026〕12号）',
    '浙ICP备20260088号-1，浙公网安备 33110202000123号',
    `发票代码 0330021001${digits(rng, 2)}，发票号码 ${digits(rng, 8)}`,
    `电子发票号码 2433200000${digits(rng, 10)}`,
    '身份证号码：3301**********1234，3301 **** **** 1234',
    '执业证书编号：110330122000123，医师执业证书编码 110330000201456',
    '医保编码 330100000000000000123',
    '快递单号 SF1380571000012',
    '版本 v13.8.0571.0000，IP 192.168.100.10',
  ];
}

// ------------------------------------------------------------------ mobile

/** Mobile network prefixes allocated by MIIT (11-digit public numbers). */
export const MOBILE_PREFIXES = [
  ...Array.from({ length: 10 }, (_, i) => `13${i}`),
  '145',
  '146',
  '147',
  '148',
  '149',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '162',
  '165',
  '166',
  '167',
  '170',
  '171',
  '172',
  '173',
  '175',
  '176',
  '177',
  '178',
  ...Array.from({ length: 10 }, (_, i) => `18${i}`),
  '190',
  '191',
  '192',
  '193',
  '195',
  '196',
  '197',
  '198',
  '199',
];

export const mobile = (rng: Rng) => `${rng.pick(MOBILE_PREFIXES)}${digits(rng, 8)}`;

const MOBILE_SENTENCES = ['有事请打 {}。', '联系电话：{}', '值班手机{}，24 小时开机', '| 值班 | {} |', '请拨打{}咨询', '{}', '如有疑问，可致电 {} 反映。'];

export function mobilePlants(seed = 13800): Plant[] {
  const rng = seeded(seed);
  const plants: Plant[] = [];
  const add = (format: string, value: string) => plants.push({ group: 'mobile', format, value, sentence: rng.pick(MOBILE_SENTENCES).replace('{}', value) });
  add('连写', mobile(rng));
  add('全角', fullWidth(mobile(rng)));
  for (const [name, sep] of Object.entries(SEPARATORS)) add(`3-4-4，${name}`, grouped(mobile(rng), [3, 4, 4], sep));
  for (const [name, sep] of Object.entries(SEPARATORS)) add(`4-3-4，${name}`, grouped(mobile(rng), [4, 3, 4], sep));
  add('全角 3-4-4，全角连字符', fullWidth(grouped(mobile(rng), [3, 4, 4], '－')));
  add('全角 4-3-4，全角空格', fullWidth(grouped(mobile(rng), [4, 3, 4], '\u3000')));
  add('+86 连写', `+86${mobile(rng)}`);
  add('+86 空格', `+86 ${mobile(rng)}`);
  add('+86- 3-4-4', `+86-${grouped(mobile(rng), [3, 4, 4], '-')}`);
  add('+86 3 4 4', `+86 ${grouped(mobile(rng), [3, 4, 4], ' ')}`);
  add('0086 空格', `0086 ${mobile(rng)}`);
  add('0086- 连写', `0086-${mobile(rng)}`);
  add('0086 连写', `0086${mobile(rng)}`);
  add('86- 连写', `86-${mobile(rng)}`);
  add('86- 3-4-4', `86-${grouped(mobile(rng), [3, 4, 4], '-')}`);
  add('(+86) 3 4 4', `(+86) ${grouped(mobile(rng), [3, 4, 4], ' ')}`);
  add('全角 ＋８６', fullWidth(`+86 ${mobile(rng)}`));
  return plants;
}

/** Not mobile numbers, though they have 11 digits, start with 1 or hold one. */
export function mobileLookAlikes(seed = 12345): string[] {
  const rng = seeded(seed);
  return [
    '咨询电话：0570-6012 3311，(0570)6012 3000，057088886666，0570-6021 1120 转 8120',
    '12345 政务服务便民热线，工商银行客服 95588，医保服务热线 12393',
    '客服热线 400-800-1234，4008001234，800-820-8820',
    '手机：138****5678，手机 138 **** 5678',
    `年度预算 ${mobile(rng)} 元，合计 ${mobile(rng)}元，增长 13.8%`,
    `住宅登记费 80 元/件，合计 1380571.00 元`,
    `银行卡号 ${grouped(`6222${digits(rng, 15)}`, [4, 4, 4, 4, 3], ' ')}`,
    `订单号 2026${mobile(rng)}${digits(rng, 3)}，快递单号 SF${mobile(rng)}12`,
    `14 位数字 ${mobile(rng)}123，10 位数字 ${mobile(rng).slice(0, 10)}`,
    '办公时间 08:30-12:00、14:00-17:30，13:30-17:30',
    '版本 v13.8.0571.0000，IP 地址 192.168.100.10，172.168.100.123',
    '号段未分配：12012345678，11012345678，10012345678，15412345678，14012345678',
    `第 13 期，${rng.int(1, 9)}.${digits(rng, 2)} 万人次，平均满意率 96.3%`,
    '窗口号 13，工号 CW0512，警号 330188',
  ];
}

// ----------------------------------------------------------------- address

const ESTATES = ['滨江公寓', '阳光小区', '金色家园', '幸福新村', '翠苑', '锦绣花园', '和平大院', '东湖名苑', '教师新村', '丽都花园', '南湖小区'];
const ROADS = ['人民路', '解放路', '长乐路', '滨江大道', '文昌街', '建设北路'];
const TOWNS = ['青石乡', '城关镇', '白沙镇', ''];
const VILLAGES = ['白沙村', '上庄村', '青石村', '下溪村'];
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const ADDRESS_SENTENCES = [
  '为家住{}的吴女士上门服务',
  '王某某（{}）反映窗口服务态度问题',
  '现住{}',
  '地址：{}',
  '工作人员把证件送到{}',
  '{}的李大爷办理了医保',
  '住在{}的群众可以预约上门',
  '{}',
];

export function addressPlants(seed = 501): Plant[] {
  const rng = seeded(seed);
  const plants: Plant[] = [];
  const s = () => (rng.next() < 0.5 ? ' ' : '');
  const add = (format: string, value: string) => plants.push({ group: 'address', format, value, sentence: rng.pick(ADDRESS_SENTENCES).replace('{}', value) });
  const room = () => `${rng.int(1, 18)}0${rng.int(1, 4)}`;
  for (let i = 0; i < 2; i++) {
    add('小区 + 栋 + 单元 + 室', `${rng.pick(ESTATES)}${s()}${rng.int(1, 30)}${s()}栋${s()}${rng.int(1, 6)}${s()}单元${s()}${room()}${s()}室`);
    add('小区 + 幢 + 单元 + 号', `${rng.pick(ESTATES)}${s()}${rng.int(1, 30)}${s()}幢${s()}${rng.int(1, 6)}${s()}单元${s()}${room()}${s()}号`);
    add('小区 + 号楼 + 室', `${rng.pick(ESTATES)}${s()}${rng.int(1, 30)}${s()}号楼${s()}${room()}${s()}室`);
    add('小区 + 号楼 + 单元 + 室', `${rng.pick(ESTATES)}${rng.int(1, 30)} 号楼 ${rng.pick(CN.slice(0, 5))}单元 ${room()} 室`);
    add('栋 + 单元 + 房号', `${rng.int(1, 30)}幢${rng.int(1, 6)}单元${room()}`);
    add('小区 + 楼-单元-房号', `${rng.pick(ESTATES)} ${rng.int(1, 30)}-${rng.int(1, 6)}-${room()}`);
    add('村 + 组 + 号', `${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${s()}${rng.int(1, 12)}${s()}组${s()}${rng.int(1, 60)}${s()}号`);
    add('村 + 中文组 + 号', `${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${rng.pick(CN)}组${rng.int(1, 60)}号`);
    add('路 + 号 + 栋 + 单元 + 室', `${rng.pick(ROADS)}${s()}${rng.int(1, 300)}${s()}号${rng.int(1, 12)}${s()}栋${s()}${rng.int(1, 6)}${s()}单元${s()}${room()}${s()}室`);
    add('路 + 号 + 单元 + 室', `${rng.pick(ROADS)}${rng.int(1, 300)}号${rng.int(1, 6)}单元${room()}室`);
    add('路 + 号 + 幢 + 室', `${rng.pick(ROADS)} ${rng.int(1, 300)} 号 ${rng.int(1, 12)} 幢 ${room()} 室`);
    add('路 + 弄 + 号 + 室', `${rng.pick(ROADS)}${rng.int(1, 300)}弄${rng.int(1, 60)}号${room()}室`);
    add('小区 + 幢 + 房号', `${rng.pick(ESTATES)}${s()}${rng.int(1, 30)}${s()}幢${s()}${room()}`);
    add('小区 + 字母栋 + 室', `${rng.pick(ESTATES)} ${rng.pick(['A', 'B', 'C'])} 栋 ${room()} 室`);
    add('村 + 中文组 + 中文门牌', `${rng.pick(VILLAGES)}${rng.pick(CN)}组${rng.pick(CN)}${rng.pick(['', '一', '二', '三'])}号`);
  }
  plants.push({
    group: 'address',
    format: '承诺佐证里的“家住”',
    value: '青石乡滨江公寓 11 栋 5 单元 1001 室',
    sentence: '为家住青石乡滨江公寓 11 栋 5 单元 1001 室的吴女士上门服务',
  });
  plants.push({
    group: 'address',
    format: '办公地点之后的住户',
    value: '阳光小区 3 栋 2 单元 501 室',
    sentence: '县行政服务中心工作人员到阳光小区 3 栋 2 单元 501 室为老人上门办理',
  });
  plants.push({ group: 'address', format: '服务站为家住…', value: '幸福新村 5 号楼 102 室', sentence: '社区服务站为家住幸福新村 5 号楼 102 室的老人送药' });
  return plants;
}

/** Office addresses, windows and rooms of public buildings, and residence spoken of in general: none is a home. */
export const ADDRESS_LOOK_ALIKES: readonly string[] = [
  '办理地点：青溪县人民路 88 号政务服务中心 3 号楼 201 室',
  '青溪县人民路88号政务服务中心3号楼201室',
  '县行政服务中心 2 楼 3 号窗口',
  '门诊楼三楼 305 室',
  '县人民医院 5 号楼 3 楼 312 室',
  '住院部 2 号楼 5 层 502 室',
  '县政府 3 号楼 2 层 201 室',
  '县委大院 3 号楼 201 室',
  '综合办公楼 4 楼 402 会议室',
  '医技楼 2 楼 CT 室，门诊楼 1 号窗口，1—6 号窗口，8 号综合服务窗口',
  '便民服务中心一楼 22 号窗口',
  '青溪县人民路 88 号门诊楼一楼 3 号窗口',
  '邮寄至青溪县政务服务中心 1 号楼 101 室收发室',
  '县大数据中心（科技园 3 栋 201 室）',
  '县档案馆（人民路 88 号 201 室）',
  '城关镇人民路 56 号 2 号楼 3 层 301 室（县不动产登记中心）',
  '住院部 3 病区 12 床，5 楼产科病房护士站',
  '请到人民路 12 号派出所办理',
  '向家住地派出所（人民路 12 号）申请',
  '户口簿住址与实际居住地址不一致的，以实际居住地址为准',
  '家庭住址变更，请到人民路12号派出所办理',
  '青石村村委会（青石村 18 号）',
  '评选结果：青石村三组 王某某',
  '居住在城关片区的 0—6 岁儿童，家住外地的群众可以网上申请',
  '完成第 3 单元课程学习，共 12 学时',
  '来信寄至人民路 88 号政务服务中心 3 号楼 201 室',
  '青溪县人民医院（人民路 199 号）门诊楼 2 楼 208 室',
  '青石村 3 组、5 组的村民',
  '阳光社区卫生服务站（阳光小区 3 栋 101 室）',
  '办理地点：幸福新村 5 号楼 102 室',
  '村委会（青石村 3 组 18 号）',
  '县医疗保障局（人民路 88 号 1 栋 201 室）',
  '人民路 88 号 1 栋 201 室（县医保局）',
  '阳光小区 3 号楼 101 室（阳光社区居委会）',
  '青石村 3 组 18 号（村卫生室）',
  '阳光小区 3 栋 120 户居民全部完成登记',
  '城东新村 12 幢 2026 年完成改造，滨江公寓 5 号楼 300 平方米',
];

/** Every plant of every group, in a fixed order. */
export const allPlants = (): Plant[] => [...identityPlants(), ...mobilePlants(), ...addressPlants()];

/** Every look-alike sentence. */
export const allLookAlikes = (): string[] => [...identityLookAlikes(), ...mobileLookAlikes(), ...ADDRESS_LOOK_ALIKES];

// ------------------------------------------------- a content folder of them

/** Where a sentence was written in a planted content folder. */
export interface Planted {
  collection: string;
  file: string;
  line: number;
  sentence: string;
}

const block = (indent: string, sentences: readonly string[]) => sentences.map((s) => `${indent}${s}`).join('\n');
const markdownBody = (sentences: readonly string[]) => sentences.join('\n\n');

/**
 * The files of the small fixture with `sentences` written, one to a line, in
 * a free-text field of every collection (or its Markdown body): a file path
 * in the content folder → its text. `read` gives a fixture file's text.
 */
export function plantedFiles(read: (file: string) => string, sentences: readonly string[]): Record<string, string> {
  const replaceLine = (text: string, line: RegExp, by: string) => {
    if (!line.test(text)) throw new Error(`fixture line ${line} not found`);
    return text.replace(line, by);
  };
  return {
    'site.yaml': `${read('site.yaml')}description: |\n${block('  ', sentences)}\n`,
    'units/chuangkou/unit.yaml': replaceLine(read('units/chuangkou/unit.yaml'), /^summary: .*$/m, `summary: |\n${block('  ', sentences)}`),
    'units/chuangkou/procedures/ceshi-shixiang.md': `${read('units/chuangkou/procedures/ceshi-shixiang.md')}\n${markdownBody(sentences)}\n`,
    'units/chuangkou/staff/li-hua.yaml': `${read('units/chuangkou/staff/li-hua.yaml')}intro: |\n${block('  ', sentences)}\n`,
    'units/chuangkou/posts/shouli.yaml': replaceLine(
      read('units/chuangkou/posts/shouli.yaml'),
      /^duties: .*$/m,
      `duties:\n${block(
        '  - ',
        sentences.map((s) => JSON.stringify(s)),
      )}`,
    ),
    'units/chuangkou/pledges/2026.yaml': replaceLine(
      read('units/chuangkou/pledges/2026.yaml'),
      /^ {4}evidence: 全年当场受理率 100%$/m,
      `    evidence: |\n${block('      ', sentences)}`,
    ),
    'units/chuangkou/evaluations/2026-q3.yaml': replaceLine(read('units/chuangkou/evaluations/2026-q3.yaml'), /^explanation: .*$/m, `explanation: |\n${block('  ', sentences)}`),
    'notices/gonggao.md': `${read('notices/gonggao.md')}\n${markdownBody(sentences)}\n`,
    'screens/dating.yaml': [
      'name: 大厅屏',
      'location: 政务服务中心一楼大厅',
      'orientation: 横屏',
      'slides:',
      '  - type: 自定义',
      '    title: 温馨提示',
      '    text: |',
      block('      ', sentences),
      '',
    ].join('\n'),
  };
}

/** The collection a file of `plantedFiles` belongs to. */
export const PLANTED_COLLECTIONS: Readonly<Record<string, string>> = {
  'site.yaml': 'site',
  'units/chuangkou/unit.yaml': 'units',
  'units/chuangkou/procedures/ceshi-shixiang.md': 'procedures',
  'units/chuangkou/staff/li-hua.yaml': 'staff',
  'units/chuangkou/posts/shouli.yaml': 'posts',
  'units/chuangkou/pledges/2026.yaml': 'pledges',
  'units/chuangkou/evaluations/2026-q3.yaml': 'evaluations',
  'notices/gonggao.md': 'notices',
  'screens/dating.yaml': 'screens',
};

/** The line (1-based) of each sentence in each planted file. */
export function plantedLines(files: Record<string, string>, sentences: readonly string[]): Planted[] {
  const out: Planted[] = [];
  for (const [file, text] of Object.entries(files)) {
    const lines = text.split('\n');
    let from = 0;
    for (const sentence of sentences) {
      const written = file.endsWith('posts/shouli.yaml') ? JSON.stringify(sentence) : sentence;
      const index = lines.findIndex((line, i) => i >= from && line.endsWith(written) && line.trimStart().replace(/^- /, '') === written);
      if (index === -1) throw new Error(`${file}: “${sentence}” not written`);
      out.push({ collection: PLANTED_COLLECTIONS[file] as string, file, line: index + 1, sentence });
      from = index + 1;
    }
  }
  return out;
}
