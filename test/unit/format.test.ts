import { describe, expect, it } from 'vitest';
import { byOrderThenName, feeSummary, formatLimit, formatLocation, formatVisits, isFree, joinClauses, showFee } from '#lib/format.ts';
import { ON_THE_SPOT } from '#schemas/procedure.ts';

describe('formatLimit', () => {
  it('writes an on-the-spot limit as 当场办结', () => {
    expect(formatLimit(ON_THE_SPOT)).toBe('当场办结');
  });

  it.each([
    [1, '1 个工作日'],
    [5, '5 个工作日'],
    [20, '20 个工作日'],
  ])('writes %i days as %s', (days, expected) => {
    expect(formatLimit(days)).toBe(expected);
  });
});

describe('formatVisits', () => {
  it.each([
    [0, '全程网办，不用到现场'],
    [1, '最多跑一次'],
    [2, '到现场 2 次'],
    [3, '到现场 3 次'],
  ])('writes %i visits as %s', (visits, expected) => {
    expect(formatVisits(visits)).toBe(expected);
  });
});

describe('feeSummary', () => {
  it('writes no fee as 不收费', () => {
    expect(feeSummary('不收费')).toBe('不收费');
  });

  it('writes an empty fee list as 不收费', () => {
    expect(feeSummary([])).toBe('不收费');
  });

  it('writes a single fee item as its name and amount', () => {
    expect(feeSummary([{ name: '不动产权证书工本费', amount: '10 元/本' }])).toBe('不动产权证书工本费 10 元/本');
  });

  it('writes several fee items as the first one and how many there are in all', () => {
    expect(
      feeSummary([
        { name: '不动产权证书工本费', amount: '10 元/本' },
        { name: '登记费', amount: '80 元/件' },
        { name: '证明费', amount: '5 元/份' },
      ]),
    ).toBe('不动产权证书工本费 10 元/本 等 3 项');
  });
});

describe('a fee as every output shows it', () => {
  const fees = [
    { name: '居民身份证补领工本费', amount: '40 元/证', basis: '发改价格〔2003〕2322号' },
    { name: '临时居民身份证工本费', amount: '10 元/证', basis: '发改价格〔2003〕2322号' },
  ];

  it('counts 不收费 as free, and a list of fees as not', () => {
    expect(isFree('不收费')).toBe(true);
    expect(isFree(fees)).toBe(false);
  });

  it('shows 不收费 as nothing charged, summarised in those words', () => {
    expect(showFee('不收费')).toEqual({ charged: false, summary: '不收费' });
  });

  it('shows charged fees item by item, each with all it carries, and their summary', () => {
    const shown = showFee(fees);
    expect(shown.charged).toBe(true);
    expect(shown.charged && shown.items).toEqual(fees);
    expect(shown.summary).toBe(feeSummary(fees));
    expect(shown.summary).toBe('居民身份证补领工本费 40 元/证 等 2 项');
  });
});

describe('byOrderThenName', () => {
  interface Row {
    name: string;
    order?: number;
  }
  const sortNames = (rows: Row[]) =>
    [...rows]
      .sort(
        byOrderThenName(
          (r: Row) => r.order,
          (r: Row) => r.name,
        ),
      )
      .map((r) => r.name);

  it('puts smaller order numbers first, regardless of name', () => {
    expect(
      sortNames([
        { name: '安', order: 3 },
        { name: '张', order: 1 },
        { name: '李', order: 2 },
      ]),
    ).toEqual(['张', '李', '安']);
  });

  it('accepts negative order numbers', () => {
    expect(
      sortNames([
        { name: '安', order: 0 },
        { name: '张', order: -5 },
      ]),
    ).toEqual(['张', '安']);
  });

  it('puts items without an order after every item with one', () => {
    expect(sortNames([{ name: '安' }, { name: '张', order: 1000 }, { name: '李', order: 1 }])).toEqual(['李', '张', '安']);
  });

  it('sorts items with the same order by name in pinyin order', () => {
    expect(
      sortNames([
        { name: '张', order: 1 },
        { name: '安', order: 1 },
      ]),
    ).toEqual(['安', '张']);
  });

  it('sorts items without an order by name in pinyin order', () => {
    expect(sortNames([{ name: '赵' }, { name: '张' }, { name: '王' }, { name: '安' }, { name: '李' }])).toEqual(['安', '李', '王', '张', '赵']);
  });

  it('sorts by pinyin rather than by code point', () => {
    // 张 (U+5F20) has a smaller code point than 李 (U+674E), but li comes before zhang.
    expect('张' < '李').toBe(true);
    expect(sortNames([{ name: '张晓明' }, { name: '李华' }])).toEqual(['李华', '张晓明']);
  });

  it('gives equal items a zero comparison', () => {
    const compare = byOrderThenName(
      (r: Row) => r.order,
      (r: Row) => r.name,
    );
    expect(compare({ name: '安', order: 1 }, { name: '安', order: 1 })).toBe(0);
    expect(compare({ name: '安' }, { name: '安' })).toBe(0);
  });
});

describe('formatLocation', () => {
  it('joins building, floor and windows into one line', () => {
    expect(formatLocation({ building: '门诊楼', floor: '一楼', windows: ['1', '2', '3'] })).toBe('门诊楼一楼 1、2、3 号窗口');
  });

  it('puts the address before the place', () => {
    expect(formatLocation({ address: '青溪县人民路 88 号', building: '门诊楼', floor: '一楼' })).toBe('青溪县人民路 88 号 门诊楼一楼');
  });

  it('writes only the address when there is nothing else', () => {
    expect(formatLocation({ address: '青溪县人民路 88 号' })).toBe('青溪县人民路 88 号');
  });

  it('writes windows alone without a leading space', () => {
    expect(formatLocation({ windows: ['5'] })).toBe('5 号窗口');
  });

  it('leaves out an empty window list', () => {
    expect(formatLocation({ building: '行政楼', windows: [] })).toBe('行政楼');
  });

  it('returns an empty string for an empty location', () => {
    expect(formatLocation({})).toBe('');
  });
});

describe('joinClauses', () => {
  it('drops each clause’s own closing mark before joining with ；', () => {
    expect(joinClauses(['一次性告知所需材料。', '代收残疾人证申请材料；', '按时报送'])).toBe('一次性告知所需材料；代收残疾人证申请材料；按时报送');
  });

  it('ends a list that goes on with …… and no mark before it', () => {
    expect(joinClauses(['受理登记。', '解答咨询。'], true)).toBe('受理登记；解答咨询……');
  });

  it('keeps marks inside a clause', () => {
    expect(joinClauses(['材料齐全的，当场受理。'])).toBe('材料齐全的，当场受理');
  });
});
