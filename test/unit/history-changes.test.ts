/** 变更记录: an item's changes in words, field by field, from its past states (src/lib/history/changes.ts). */
import { describe, expect, it } from 'vitest';
import { CHANGE_LIMIT, fieldChanges, itemChanges, withoutNames } from '#lib/history/changes.ts';

const guide = (fee: unknown, extra: Record<string, unknown> = {}) => ({
  name: '居民身份证补领',
  fee,
  timeLimit: { statutory: 20, statutoryUnit: 'working-days', promised: 10, promisedUnit: 'working-days' },
  materials: [{ name: '居民户口簿', form: 'original', copies: 1, required: true }],
  updated: '2026-03-01',
  ...extra,
});

describe('a change to a field', () => {
  it('names the field by its title and says the value before and after as the page shows it', () => {
    const changes = fieldChanges('procedures', guide([{ name: '工本费', amount: '20 元', basis: '某文件' }]), guide('不收费'));
    expect(changes).toEqual([{ field: '收费标准', from: '工本费 20 元', to: '不收费' }]);
  });

  it('says a promised time limit in words, and 未公布 as such', () => {
    const before = guide('不收费');
    const after = guide('不收费', { timeLimit: { ...before.timeLimit, promised: 'on-the-spot' }, result: 'not-published' });
    const changes = fieldChanges('procedures', before, after);
    expect(changes).toContainEqual({ field: '办结时限', from: '法定 20 个工作日，承诺 10 个工作日', to: '法定 20 个工作日，承诺 当场办结' });
    expect(changes).toContainEqual({ field: '办理结果', from: '（未填写）', to: '未公布' });
  });

  it('says a value kept as a key in the words it stands for (national → 跨省通办)', () => {
    const changes = fieldChanges('procedures', guide('不收费'), guide('不收费', { scope: 'national' }));
    expect(changes).toEqual([{ field: '通办范围', from: '（未填写）', to: '跨省通办' }]);
  });

  it('names a list too long to quote as changed, without values, and ignores the update date', () => {
    const changes = fieldChanges('procedures', guide('不收费'), guide('不收费', { materials: [], updated: '2026-04-01' }));
    expect(changes).toEqual([{ field: '申请材料' }]);
  });
});

describe('an item’s changes over its history', () => {
  const today = '2026-11-22';
  it('are newest first, dated by the commit that made them, with the first appearance as 首次发布', () => {
    const states = [
      { date: '2026-10-01', data: guide('不收费') },
      { date: '2026-06-01', data: guide([{ name: '工本费', amount: '20 元', basis: 'x' }]) },
      { date: '2026-05-01', data: guide([{ name: '工本费', amount: '20 元', basis: 'x' }], { updated: '2026-05-01' }) },
      { date: '2026-04-01', data: undefined },
    ];
    expect(itemChanges('procedures', states, today)).toEqual([
      { date: '2026-10-01', fields: [{ field: '收费标准', from: '工本费 20 元', to: '不收费' }] },
      { date: '2026-05-01', added: true, fields: [] },
    ]);
  });

  it('go back a year at most, and list at most CHANGE_LIMIT', () => {
    const old = [
      { date: '2025-10-01', data: guide('不收费') },
      { date: '2025-09-01', data: guide([{ name: '工本费', amount: '20 元', basis: 'x' }]) },
    ];
    expect(itemChanges('procedures', old, today)).toEqual([]);
    const many = Array.from({ length: CHANGE_LIMIT + 5 }, (_, i) => ({ date: '2026-11-01', data: guide('不收费', { name: `名称${i}` }) }));
    expect(itemChanges('procedures', many, today)).toHaveLength(CHANGE_LIMIT);
  });

  it('are none with no history (a folder outside Git) or a single state', () => {
    expect(itemChanges('procedures', [], today)).toEqual([]);
    expect(itemChanges('procedures', [{ date: '2026-11-01', data: guide('不收费') }], today)).toEqual([]);
  });
});

describe('changes on the page of a unit whose tier keeps names off the web (只公开岗位)', () => {
  it('name a field as changed without quoting a value that names one of its people, and quote the others', () => {
    const pledge = (title: string, year: number) => ({ title, year, by: { type: 'staff', staff: 'x' }, items: [] });
    const changes = itemChanges(
      'pledges',
      [
        { date: '2026-10-01', data: pledge('2026 年度导医岗个人承诺', 2027) },
        { date: '2026-06-01', data: pledge('沈雅琴 2026 年度个人承诺', 2026) },
      ],
      '2026-11-22',
    );
    expect(changes[0]?.fields).toContainEqual({ field: '承诺标题', from: '沈雅琴 2026 年度个人承诺', to: '2026 年度导医岗个人承诺' });
    expect(withoutNames(changes, ['沈雅琴'])).toEqual([{ date: '2026-10-01', fields: [{ field: '承诺标题' }, { field: '承诺年度', from: '2026', to: '2027' }] }]);
    expect(withoutNames(changes, [])).toEqual(changes);
  });
});
