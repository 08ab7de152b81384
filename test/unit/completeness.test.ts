import { describe, expect, it } from 'vitest';
import { checkContent } from '#lib/content/check.ts';
import type { CheckedEntry } from '#lib/content/entry.ts';
import { completeness, completenessHtml, displayWidth, formatCompleteness, formatTable, type EntryLike, type UnitCompleteness } from '#lib/content/completeness.ts';
import { SMALL } from '../helpers/content.ts';

const TODAY = '2026-11-22';
const small = checkContent(SMALL, { today: TODAY, lastChanged: () => TODAY }).entries;
const only = (units: UnitCompleteness[]) => {
  expect(units).toHaveLength(1);
  return units[0] as UnitCompleteness;
};
const scoreOf = (u: UnitCompleteness, key: string) => [...u.procedureScores, ...u.board].find((s) => s.key === key);

/** The fixture's entries with one entry's data changed: data its schema might refuse, planted to test the report. */
function withData(collection: string, change: (data: Record<string, unknown>) => Record<string, unknown>): EntryLike[] {
  return small.map((e) => (e.collection === collection ? ({ ...e, data: change(structuredClone(e.data)) } as CheckedEntry) : e));
}

describe('completeness of a service guide', () => {
  it('marks each element filled or missing, counting what the unit and site supply', () => {
    const [p] = only(completeness(small, { today: TODAY })).procedures;
    expect(p).toMatchObject({ id: 'ceshi-shixiang', name: '测试证明办理', percent: 88, missing: ['表格下载', '办理结果'] });
    // No place of its own: the unit's building and floor count; hours and phones come from the unit and site.
    expect(p?.marks).toMatchObject({ place: true, hours: true, consult: true, complaint: true, online: true, faq: true, forms: false, result: false });
  });

  it('leaves out form downloads for a guide that needs no materials', () => {
    const [p] = only(
      completeness(
        withData('procedures', (d) => ({ ...d, materials: [] })),
        { today: TODAY },
      ),
    ).procedures;
    expect(p?.marks.materials).toBe(true);
    expect(p?.marks.forms).toBeNull();
    expect(p?.missing).toEqual(['办理结果']);
    expect(p?.percent).toBe(94);
  });

  it('counts 未公布 and 待填写 as gaps, never as filled', () => {
    const entries = withData('procedures', (d) => ({
      ...d,
      code: 'unfilled',
      fee: 'not-published',
      visits: 'unfilled',
      timeLimit: { ...(d.timeLimit as object), statutory: 'not-published', promised: 'unfilled' },
      legalBasis: ['not-published'],
    }));
    const [p] = only(completeness(entries, { today: TODAY })).procedures;
    expect(p?.marks).toMatchObject({ code: false, fee: false, visits: false, statutory: false, promised: false, legalBasis: false });
    expect(p?.missing).toEqual(['事项编码', '法定时限', '承诺时限', '到现场次数', '收费标准', '设定依据', '表格下载', '办理结果']);
  });

  it('does not count placeholder text as filled: 待填写受理条件, 原文未写, xxx', () => {
    const entries = withData('procedures', (d) => ({
      ...d,
      eligibility: ['待填写受理条件'],
      steps: [{ name: '原文未写' }],
      result: '证明 xxx 份',
    }));
    const [p] = only(completeness(entries, { today: TODAY })).procedures;
    expect(p?.marks).toMatchObject({ eligibility: false, steps: false, result: false });
    expect(scoreOf(only(completeness(entries, { today: TODAY })), 'eligibility')).toMatchObject({ filled: 0, total: 1, percent: 0 });
  });

  it('counts a blank form on any material as forms to download', () => {
    const entries = withData('procedures', (d) => ({ ...d, materials: [{ ...(d.materials as object[])[0], blankForm: './forms/a.pdf' }] }));
    expect(only(completeness(entries, { today: TODAY })).procedures[0]?.marks.forms).toBe(true);
  });

  it('finds no complaint phone when the unit replaces the site channels with a mailbox', () => {
    const entries = withData('units', (d) => ({ ...d, supervision: { mode: 'replace', channels: [{ type: 'suggestion-box', value: '大厅入口' }] } }));
    const u = only(completeness(entries, { today: TODAY }));
    expect(u.procedures[0]?.marks.complaint).toBe(false);
    expect(scoreOf(u, 'supervision')).toMatchObject({ filled: 0, total: 1, percent: 0 });
  });

  it('counts opening hours written 上午 with no clock times as a gap', () => {
    const entries = withData('procedures', (d) => ({ ...d, hours: { regular: [{ days: '工作日', times: ['上午'] }], holidays: '法定节假日休息' } }));
    expect(only(completeness(entries, { today: TODAY })).procedures[0]?.marks.hours).toBe(false);
    const clock = withData('procedures', (d) => ({ ...d, hours: { regular: [{ days: '工作日', times: ['08:30-12:00'] }], holidays: '法定节假日休息' } }));
    expect(only(completeness(clock, { today: TODAY })).procedures[0]?.marks.hours).toBe(true);
  });

  it('gives each element the share of guides that have it', () => {
    const second = { ...small.find((e) => e.collection === 'procedures')!, id: 'chuangkou/b', slug: 'b' };
    const entries = [...small, { ...second, data: { ...second.data, result: '证明一份' } }];
    const u = only(completeness(entries, { today: TODAY }));
    expect(u.procedures.map((p) => p.id)).toEqual(['b', 'ceshi-shixiang']);
    expect(scoreOf(u, 'result')).toMatchObject({ label: '办理结果', filled: 1, total: 2, percent: 50 });
    expect(scoreOf(u, 'eligibility')).toMatchObject({ filled: 2, total: 2, percent: 100 });
  });
});

describe('completeness of a unit board', () => {
  it('scores staff, posts, pledges, evaluations, supervision and hours', () => {
    const u = only(completeness(small, { today: TODAY }));
    expect(u.board.map((s) => [s.label, s.filled, s.total, s.percent])).toEqual([
      ['工作人员及工作照', 1, 1, 100],
      ['工号或执业证号', 1, 1, 100],
      ['岗位职责', 1, 1, 100],
      ['本年度服务承诺', 1, 1, 100],
      // One of four items is past its deadline and still in progress.
      ['承诺兑现情况及时', 3, 4, 75],
      ['评价结果', 1, 1, 100],
      ['监督投诉电话', 1, 1, 100],
      ['办公时间含节假日', 1, 1, 100],
      ['负责人', 0, 1, 0],
      // Asked of hospitals only.
      ['平面图', 0, 0, null],
    ]);
  });

  it('does not count a post that publishes its duties only, nor one whose elements are 未公布', () => {
    const dutiesOnly = withData('posts', (d) => ({ name: d.name, duties: d.duties }));
    expect(scoreOf(only(completeness(dutiesOnly, { today: TODAY })), 'postDuties')).toMatchObject({ filled: 0, total: 1, percent: 0 });
    const notPublished = withData('posts', (d) => ({ ...d, complaint: 'not-published' }));
    expect(scoreOf(only(completeness(notPublished, { today: TODAY })), 'postDuties')).toMatchObject({ filled: 0, total: 1 });
  });

  it('scores a unit with nobody on its board as 0, and leaves out staff who left', () => {
    const entries = withData('staff', (d) => ({ ...d, left: '2026-11-01' }));
    const u = only(completeness(entries, { today: TODAY }));
    expect(scoreOf(u, 'staffPhotos')).toMatchObject({ filled: 0, total: 1, percent: 0 });
    expect(only(completeness(entries, { today: '2026-10-31' })).board[0]).toMatchObject({ filled: 1, total: 1 });
  });

  it('wants a pledge for the current year', () => {
    expect(scoreOf(only(completeness(small, { today: '2027-01-04' })), 'pledges')).toMatchObject({ filled: 0, percent: 0 });
  });

  it('takes the unit percentage as the mean of every element that applies', () => {
    const u = only(completeness(small, { today: TODAY }));
    const percents = [...u.procedureScores, ...u.board].map((s) => s.percent).filter((p): p is number => p !== null);
    expect(percents).toHaveLength(26);
    expect(u.percent).toBe(Math.round(percents.reduce((a, b) => a + b) / percents.length));
    expect(u.percent).toBe(88);
  });

  it('lists nothing for a folder without units', () => {
    expect(
      completeness(
        small.filter((e) => e.collection !== 'units'),
        { today: TODAY },
      ),
    ).toEqual([]);
  });
});

describe('the report in a terminal', () => {
  it('measures Chinese characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('受理条件')).toBe(8);
    expect(displayWidth('（空）')).toBe(6);
    expect(displayWidth('１２３')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('100%')).toBe(4);
  });

  it('aligns columns of mixed Chinese and Latin text', () => {
    const lines = formatTable(
      ['事项', '比例'],
      [
        ['测试证明办理', '87%'],
        ['ID card', '100%'],
      ],
      ['left', 'right'],
    );
    const widths = lines.map((l) => displayWidth(l));
    expect(new Set(widths).size).toBe(1);
    expect(lines[2]).toBe('测试证明办理   87%');
    expect(lines[3]).toBe('ID card       100%');
  });

  it('prints each unit with its guides, their gaps and its board', () => {
    const text = formatCompleteness(completeness(small, { today: TODAY }), { today: TODAY });
    expect(text).toContain('公开内容完整度（截至 2026-11-22）');
    expect(text).toContain('综合受理窗口（units/chuangkou/）  完整度 88%');
    expect(text).toMatch(/测试证明办理\s+88%\s+表格下载、办理结果/);
    expect(text).toMatch(/承诺兑现情况及时\s+3\/4\s+75%/);
    expect(text).toMatch(/平面图\s+—\s+不适用/);
  });
});

describe('the printable report', () => {
  it('is a standalone A4 page with a table per unit', () => {
    const html = completenessHtml(completeness(small, { today: TODAY }), { today: TODAY });
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('<th scope="row">测试证明办理</th>');
    expect(html.match(/<td class="yes" aria-label="已填写">✓<\/td>/g)).toHaveLength(15);
    expect(html.match(/<td class="no" aria-label="缺少">✗<\/td>/g)).toHaveLength(2);
    expect(html).toContain('<td class="num">88%</td>');
  });

  it('escapes names that look like markup', () => {
    const entries = withData('units', (d) => ({ ...d, name: '<script>alert(1)</script>' }));
    const html = completenessHtml(completeness(entries, { today: TODAY }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});
