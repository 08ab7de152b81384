/**
 * The privacy guard's detectors on their own: identity numbers, mobile
 * numbers and home addresses planted among the numbers a public-service
 * board is full of (document numbers, landlines, hotlines, masked numbers,
 * credit codes, licence numbers, amounts, dates) are all found, and nothing
 * else is.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  findHomeAddresses,
  findIdentityNumbers,
  findStatedHomeAddresses,
  findMobiles,
  isIdentityNumber15,
  isIdentityNumber18,
  maskAddress,
  maskIdentity,
  maskMobile,
  normaliseValue,
} from '#lib/privacy/index.ts';

const TODAY = '2026-11-22';

/** Realistic numbers that are not personal: none of them may be reported. */
const NOT_PERSONAL = [
  '根据《关于调整部分医疗服务价格的通知》（发改价格〔2003〕2322号）执行',
  '浙ICP备20260088号-1',
  '浙公网安备 33110202000123号',
  '统一社会信用代码：91330100MA2H3XYZ4K',
  '统一社会信用代码：12330100470000001X',
  '事业单位法人证书号 123301004700000012',
  '咨询电话：0570-6012 3311（工作日 8:30-17:30）',
  '监督电话 (0570)6012 3000，传真 0570-6012 3312',
  '急诊电话 0570-6021 1120 转 8120',
  '总机 057088886666',
  '身份证号码：3301**********1234',
  '3301 **** **** 1234',
  '手机：138****5678',
  '手机 138 **** 5678',
  '执业证书编号：110330122000123',
  '医师执业证书编码 110330000201456',
  '护士执业证书 202033018862',
  '12345 政务服务便民热线',
  '工商银行客服 95588，医保服务热线 12393',
  '客服热线 400-800-1234，4008001234，800-820-8820',
  '住宅登记费 80 元/件，合计 1380571.00 元，共 13805710000 元',
  '年度预算 13805710000元，增长 13.8%',
  '公示期为 2026 年 11 月 18 日至 11 月 26 日，2026-11-22，20261122',
  '办公时间 08:30-12:00、14:00-17:30，13:30-17:30',
  '银行卡号 6222 0213 8057 1000 123',
  '订单号 202611220001234567，流水号 20261122000123456789',
  '快递单号 SF1380571000012',
  '邮政编码 323000',
  '第6期(总第6期)，1.96 万人次，平均满意率 96.3%',
  '窗口号 13，工号 CW0512，警号 330188',
  '门诊楼三楼 305 室，县行政服务中心 2 楼 201 室',
  '版本 v13.8.0571.0000',
  '网址 https://gongkai.qingxi.example/notices/2026-q3/',
  '医保编码 330100000000000000123',
  '身份证号码错一位：330106199001011230',
  '出生日期不存在：440304200102290011',
  '出生在未来：330106203001011239',
];

describe('identity numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character, X included', () => {
    expect(checkCharacter('33010619900101123')).toBe('X');
    expect(checkCharacter('33072519850315002')).toBe('6');
  });

  it('accepts an 18-character number only with a province, a real birth date and the right check character', () => {
    expect(isIdentityNumber18('33010619900101123X', TODAY)).toBe(true);
    expect(isIdentityNumber18('33010619900101123x', TODAY)).toBe(true);
    expect(isIdentityNumber18('440304200002290014', TODAY)).toBe(true); // 29 February of a leap year
    expect(isIdentityNumber18('440304200102290011', TODAY)).toBe(false); // 2001 was not a leap year
    expect(isIdentityNumber18('330106199001011230', TODAY)).toBe(false); // wrong check character
    expect(isIdentityNumber18('993301199001011230', TODAY)).toBe(false); // no such province
    expect(isIdentityNumber18('91330100MA2H3XYZ4K', TODAY)).toBe(false);
  });

  it('accepts an old 15-digit number with a province and a birth date in 1920–1999', () => {
    expect(isIdentityNumber15('330106850315123', TODAY)).toBe(true);
    expect(isIdentityNumber15('110330000201456', TODAY)).toBe(false); // 1900: a licence number
    expect(isIdentityNumber15('110330122000123', TODAY)).toBe(false); // month 20
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdentity('33010619900101123X')).toBe('3301**********123X');
    expect(maskIdentity('330106850315123')).toBe('3301*******5123');
  });
});

describe('mobile numbers', () => {
  it('finds solid, grouped and +86 numbers', () => {
    const text = '电话 13805710000、138 0571 0001、138-0571-0002、+86 139-0570-1234、0086 13712345678、+8615000000000';
    expect(findMobiles(text).map((m) => m.text)).toEqual(['13805710000', '138 0571 0001', '138-0571-0002', '+86 139-0570-1234', '0086 13712345678', '+8615000000000']);
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('+86 139-0570-1234')).toBe('139****1234');
  });
});

describe('home addresses', () => {
  it('finds flats, village houses, lanes and addresses said in words', () => {
    const text = ['阳光小区3栋2单元501室', '金色家园 5 号楼 302 室', '3幢1单元201', '翠苑 3-2-501', '青石村3组18号', '长乐路100弄5号', '家住城东新村12号'];
    for (const line of text) expect(findHomeAddresses(line), line).toHaveLength(1);
  });

  it('leaves a home named down to its village or community only, which is what the fix asks for', () => {
    expect(findHomeAddresses('家住城东新村，现住青石村')).toEqual([]);
  });

  it('masks the numbers of an address', () => {
    expect(maskAddress('3栋2单元501室')).toBe('*栋*单元*室');
  });
});

describe('home addresses said in words, in notices and service guides', () => {
  it('finds an address said to be someone’s home, down to the house number', () => {
    expect(findStatedHomeAddresses('获奖者王某某，家住青溪县人民路12号，从事窗口工作十年。').map((f) => f.text)).toEqual(['家住青溪县人民路12号']);
    expect(findStatedHomeAddresses('家住阳光小区3栋2单元501室').map((f) => f.text)).toEqual(['家住阳光小区3栋2单元501室']);
    expect(findStatedHomeAddresses('住址：城关镇青石村3组18号').map((f) => f.text)).toEqual(['住址：城关镇青石村3组18号']);
    expect(findStatedHomeAddresses('家庭住址为城关镇长乐路100弄5号').map((f) => f.text)).toEqual(['家庭住址为城关镇长乐路100弄5号']);
  });

  it('raises no alarm on office addresses or on residence talked of in general', () => {
    for (const line of [
      '办理地点：青溪县人民路88号政务服务中心3号楼201室',
      '青溪县人民路 88 号门诊楼一楼 3 号窗口',
      '户口簿住址与实际居住地址不一致的，到人民路12号办理',
      '家庭住址变更，请到人民路12号派出所办理',
      '向家住地派出所（人民路12号）申请',
      '现住地派出所，人民路5号',
      '居住在城关片区（人民路12号）的 0—6 岁儿童',
      '家住外地的群众可以网上申请',
      '住址：城关镇青石村村委会（青石村18号）',
      '评选结果：青石村三组 王某某',
    ]) {
      expect(findStatedHomeAddresses(line), line).toEqual([]);
    }
  });
});

describe('a corpus of realistic numbers', () => {
  it('raises no false alarm', () => {
    for (const line of NOT_PERSONAL) {
      expect(findIdentityNumbers(line, { today: TODAY }), line).toEqual([]);
      expect(findMobiles(line), line).toEqual([]);
    }
  });

  it('finds every planted identity and mobile number and nothing else', () => {
    const planted = {
      id: ['33010619900101123X', '330725198503150026', '11010519491231002X', '210202195607073210', '650102199909098768', '330106850315123'],
      mobile: ['13805710000', '139 0570 1234', '150-6789-0123', '+86 18657012345'],
    };
    // Planted numbers between the realistic ones, in the ways people write them.
    const text = [
      NOT_PERSONAL[0],
      `申请人张三，身份证号${planted.id[0]}，`,
      NOT_PERSONAL[1],
      `联系电话：${planted.mobile[0]}。`,
      NOT_PERSONAL[6],
      `公民身份号码 ${planted.id[1]}`,
      NOT_PERSONAL[10],
      `（${planted.id[2]}）`,
      NOT_PERSONAL[14],
      `手机 ${planted.mobile[1]}`,
      NOT_PERSONAL[17],
      `身份证：${planted.id[3]}；${planted.id[4]}`,
      NOT_PERSONAL[20],
      `夜间请拨 ${planted.mobile[2]} 或 ${planted.mobile[3]}`,
      `旧身份证号：${planted.id[5]}`,
      ...NOT_PERSONAL.slice(21),
    ].join('\n');
    expect(findIdentityNumbers(text, { today: TODAY }).map((f) => f.text)).toEqual(planted.id);
    expect(findMobiles(text).map((f) => f.text)).toEqual(planted.mobile);
    for (const found of [...findIdentityNumbers(text, { today: TODAY }), ...findMobiles(text)]) {
      expect(text.slice(found.start, found.end)).toBe(found.text);
    }
  });

  it('does not read a licence-number field as an old identity number, but still finds an 18-character one there', () => {
    expect(findIdentityNumbers('330106850315123', { today: TODAY, oldNumbers: false })).toEqual([]);
    expect(findIdentityNumbers('33010619900101123X', { today: TODAY, oldNumbers: false })).toHaveLength(1);
  });
});

describe('allow-list values', () => {
  it('compare without spaces, hyphens, case and a +86 before a mobile', () => {
    expect(normaliseValue('+86 139-0570-1234')).toBe(normaliseValue('13905701234'));
    expect(normaliseValue('33010619900101123x')).toBe('33010619900101123X');
  });
});
