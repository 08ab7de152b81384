/**
 * How the home page lists a large organisation's units: past a limit, by
 * kind, each kind with a directory of its units under their 所属单位.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOME_CARDS, unitsByParent, usesDirectory } from '#lib/directory.ts';
import { readSiliangOptions } from '#lib/options.ts';
import { pageKind } from '#tools/bench/page-kinds.ts';

describe('the home page limit', () => {
  it('lists every unit up to the limit, and kinds past it', () => {
    expect(usesDirectory(DEFAULT_HOME_CARDS, DEFAULT_HOME_CARDS)).toBe(false);
    expect(usesDirectory(DEFAULT_HOME_CARDS + 1, DEFAULT_HOME_CARDS)).toBe(true);
  });

  it('comes from SILIANG_HOME_CARDS, and refuses what is not a positive whole number', () => {
    const homeCardLimit = (env: Record<string, string>) => readSiliangOptions({}, env).homeCards;
    expect(homeCardLimit({})).toBe(DEFAULT_HOME_CARDS);
    expect(homeCardLimit({ SILIANG_HOME_CARDS: ' ' })).toBe(DEFAULT_HOME_CARDS);
    expect(homeCardLimit({ SILIANG_HOME_CARDS: '3' })).toBe(3);
    expect(() => homeCardLimit({ SILIANG_HOME_CARDS: '0' })).toThrow('SILIANG_HOME_CARDS 应为正整数');
    expect(() => homeCardLimit({ SILIANG_HOME_CARDS: '2.5' })).toThrow('SILIANG_HOME_CARDS');
  });
});

describe('a kind’s directory', () => {
  const unit = (id: string, parent: string) => ({ id, data: { parent } });

  it('puts units under their 所属单位, parents in pinyin order, units in the order given', () => {
    const listed = unitsByParent([unit('zhuyuan', '青溪县人民医院'), unit('hunyin', '安平县民政局'), unit('menzhen', '青溪县人民医院'), unit('huzheng', '白沙县公安局')]);
    expect(listed.map((g) => g.parent)).toEqual(['安平县民政局', '白沙县公安局', '青溪县人民医院']);
    expect(listed[2]?.units.map((u) => u.id)).toEqual(['zhuyuan', 'menzhen']);
  });

  it('is weighed as its own kind of page by the benchmark', () => {
    expect(pageKind('kinds/hospital-department/index.html')).toBe('kind');
    expect(pageKind('kinds/index.html')).toBe('other');
  });
});
