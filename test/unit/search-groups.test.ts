/**
 * Splitting the search index of a large site: which units go together, and
 * that the indexing step builds one index per group from one read of
 * each page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SPLIT, groupLabel, groupOfUnit, groupShortLabel, planSearchGroups, type PlannedUnit } from '#lib/search/groups.ts';
import { readSiliangOptions } from '#lib/options.ts';
import { serialiseSearchData } from '#lib/search/page-text.ts';

// Counts the reads of each built file, to check that each is read once.
const reads = new Map<string, number>();
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    readFile: (async (path: string, ...rest: unknown[]) => {
      reads.set(String(path), (reads.get(String(path)) ?? 0) + 1);
      return (fs.readFile as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
    }) as typeof fs.readFile,
  };
});
const { buildSearchIndex } = await import('#integration/search-index.ts');
type PagefindApi = import('#integration/search-index.ts').PagefindApi;

const unit = (id: string, parent: string, pages: number): PlannedUnit => ({ id, parent, pages });

describe('planSearchGroups', () => {
  it('keeps one index while the pages fit', () => {
    expect(planSearchGroups([unit('a', '甲医院', 40), unit('b', '乙中心', 60)], 100)).toEqual({ groups: [] });
  });

  it('packs whole 所属单位, in pinyin order, into groups under the threshold, each unit in exactly one group', () => {
    const units = [
      unit('qx-zw-1', '青溪县政务服务中心', 30),
      unit('an-yy-1', '安平县人民医院', 25),
      unit('qx-yy-1', '青溪县人民医院', 20),
      unit('an-zw-1', '安平县政务服务中心', 30),
      unit('an-zw-2', '安平县政务服务中心', 10),
      unit('qx-yy-2', '青溪县人民医院', 20),
    ];
    const { groups } = planSearchGroups(units, 70);
    // 安平 (an) before 青溪 (qing); a county's parents stay together.
    expect(groups.map((g) => g.parents)).toEqual([
      ['安平县人民医院', '安平县政务服务中心'],
      ['青溪县人民医院', '青溪县政务服务中心'],
    ]);
    expect(groups.map((g) => g.units)).toEqual([
      ['an-yy-1', 'an-zw-1', 'an-zw-2'],
      ['qx-yy-1', 'qx-yy-2', 'qx-zw-1'],
    ]);
    expect(groups.map((g) => g.pages)).toEqual([65, 70]);
    expect(groups.map((g) => g.id)).toEqual(['1', '2']);
    const all = groups.flatMap((g) => g.units);
    expect(new Set(all).size).toBe(units.length);
    expect(groupOfUnit({ groups }).get('qx-zw-1')).toBe('2');
  });

  it('cuts between counties rather than inside one when the group stays at least half full', () => {
    const units = [
      unit('an-yy', '安平县人民医院', 55),
      unit('qx-jk', '青溪县疾病预防控制中心', 15),
      unit('qx-yy', '青溪县人民医院', 25),
      unit('qx-zw', '青溪县政务服务中心', 25),
      unit('yn-yy', '永宁县人民医院', 40),
    ];
    // Filling each group in turn would put 青溪县's disease control and hospital with 安平县, its service centre apart.
    expect(planSearchGroups(units, 100).groups.map((g) => g.parents)).toEqual([
      ['安平县人民医院'],
      ['青溪县疾病预防控制中心', '青溪县人民医院', '青溪县政务服务中心'],
      ['永宁县人民医院'],
    ]);
    // Not at the price of a group less than half full: then 青溪县 is cut.
    expect(planSearchGroups([unit('an-yy', '安平县人民医院', 45), ...units.slice(1)], 100).groups.map((g) => g.parents)[0]).toEqual([
      '安平县人民医院',
      '青溪县疾病预防控制中心',
      '青溪县人民医院',
    ]);
  });

  it('splits a 所属单位 too large for one index between groups, unit by unit', () => {
    const big = Array.from({ length: 5 }, (_, i) => unit(`big-${i}`, '省人民医院', 30));
    const { groups } = planSearchGroups([unit('small', '安平县人民医院', 10), ...big], 70);
    for (const g of groups) expect(g.pages).toBeLessThanOrEqual(70);
    expect(groups.flatMap((g) => g.units).sort()).toEqual(['big-0', 'big-1', 'big-2', 'big-3', 'big-4', 'small']);
    expect(groups.filter((g) => g.parents.includes('省人民医院')).length).toBe(3);
  });

  it('names a group by its 所属单位, or by the first and the last and how many', () => {
    expect(groupLabel({ parents: ['甲', '乙'] })).toBe('甲、乙');
    expect(groupLabel({ parents: ['安平县人民医院', '安平县政务服务中心', '青溪县人民医院', '青溪县政务服务中心'] })).toBe('安平县人民医院 至 青溪县政务服务中心（4 个所属单位）');
    expect(groupShortLabel({ parents: ['甲', '乙', '丙'] })).toBe('甲 等 3 个所属单位');
  });

  it('takes the threshold from SILIANG_SEARCH_SPLIT, DEFAULT_SPLIT (1,500) by default, and refuses nonsense', () => {
    const splitThreshold = (env: Record<string, string>) => readSiliangOptions({}, env).searchSplit;
    expect(splitThreshold({})).toBe(DEFAULT_SPLIT);
    expect(splitThreshold({ SILIANG_SEARCH_SPLIT: '30' })).toBe(30);
    expect(() => splitThreshold({ SILIANG_SEARCH_SPLIT: 'many' })).toThrow('SILIANG_SEARCH_SPLIT');
    expect(() => splitThreshold({ SILIANG_SEARCH_SPLIT: '0' })).toThrow('SILIANG_SEARCH_SPLIT');
  });
});

describe('indexing a split site', () => {
  let temp: string | undefined;
  afterEach(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
    temp = undefined;
    reads.clear();
  });

  const indexed = (kind: string, text: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><body><main data-pagefind-body><span hidden data-pagefind-filter="kind:${kind}"></span><h1>${text}</h1></main></body></html>`;
  const plain = (text: string) => `<!DOCTYPE html><html lang="zh-CN"><body><main><h1>${text}</h1></main></body></html>`;
  const plan = {
    groups: [
      { id: '1', label: '甲医院', short: '甲医院', units: ['a'] },
      { id: '2', label: '乙中心', short: '乙中心', units: ['b', 'c'] },
    ],
  };

  function site(): string {
    temp = mkdtempSync(join(tmpdir(), 'siliang-search-groups-'));
    const files: Record<string, string> = {
      'search/index.html': `<html><body><script type="application/json" id="search-data">${serialiseSearchData({ base: '/', traditional: {}, indexes: [], plan })}</script></body></html>`,
      'index.html': plain('首页'),
      'notices/n1/index.html': indexed('公告', '停机公告'),
      'units/a/index.html': plain('甲单位'),
      'units/a/procedures/p/index.html': indexed('流程', '门诊病历复印'),
      'units/b/staff/s/index.html': indexed('身份', '林晓雯'),
      'units/c/duties/index.html': indexed('职责', '導醫崗'),
      'units/zzz/procedures/q/index.html': indexed('流程', '不在计划里的单位'),
    };
    for (const [path, html] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, path)), { recursive: true });
      writeFileSync(join(temp, path), html);
    }
    return temp;
  }

  /** A stand-in for Pagefind that records which pages each index got and where it was written. */
  function recorder() {
    const indexes: Array<{ urls: string[]; folder?: string; deleted: boolean; live: number }> = [];
    let live = 0;
    let peak = 0;
    const api = {
      createIndex: async () => {
        const record = { urls: [] as string[], deleted: false, live: 0 } as (typeof indexes)[number];
        indexes.push(record);
        record.live = ++live;
        peak = Math.max(peak, live);
        return {
          errors: [],
          index: {
            addHTMLFile: async (f: { url: string }) => (record.urls.push(f.url), { errors: [], file: { url: f.url } }),
            writeFiles: async ({ outputPath }: { outputPath: string }) => {
              record.folder = outputPath;
              mkdirSync(outputPath, { recursive: true });
              writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify(record.urls));
              return { errors: [], outputPath };
            },
            deleteIndex: async () => ((record.deleted = true), live--, null),
          },
        };
      },
      close: async () => null,
    } as unknown as PagefindApi;
    return { api, indexes, peak: () => peak };
  }

  it('builds the shared index and one per group, one at a time, each page in exactly one, from one read of each file', async () => {
    const dir = site();
    const { api, indexes, peak } = recorder();
    const result = await buildSearchIndex(dir, api);
    const byFolder = Object.fromEntries(indexes.filter((i) => i.folder).map((i) => [i.folder?.slice(dir.length + 1), i.urls]));
    expect(byFolder).toEqual({
      // Notices, and pages of a unit the plan does not know, go to the shared index.
      'pagefind/': ['/notices/n1/', '/units/zzz/procedures/q/'],
      'pagefind/1/': ['/units/a/procedures/p/'],
      'pagefind/2/': ['/units/b/staff/s/', '/units/c/duties/'],
    });
    expect(indexes.every((i) => i.deleted)).toBe(true);
    // Pagefind never holds two indexes at once.
    expect(peak()).toBe(1);
    expect(result.indexes.map((i) => [i.group, i.pages])).toEqual([
      ['', 2],
      ['1', 1],
      ['2', 2],
    ]);
    expect(result.pages).toBe(5);
    // Every HTML file read exactly once.
    const htmlReads = [...reads].filter(([p]) => p.startsWith(dir) && p.endsWith('.html'));
    expect(htmlReads.length).toBe(8);
    expect(htmlReads.every(([, n]) => n === 1)).toBe(true);
  });

  it('leaves the browser the indexes written, the groups’ ids and labels without their units, and a map from every group’s text', async () => {
    const dir = site();
    await buildSearchIndex(dir, recorder().api);
    const data = JSON.parse(/id="search-data">([^]*?)<\/script>/.exec(readFileSync(join(dir, 'search/index.html'), 'utf8'))?.[1] ?? '{}');
    expect(data.indexes).toEqual(['', '1', '2']);
    expect(data.plan).toEqual({
      groups: [
        { id: '1', label: '甲医院', short: '甲医院' },
        { id: '2', label: '乙中心', short: '乙中心' },
      ],
    });
    expect(data.build).toMatch(/^[0-9a-f]{12}$/);
    // From group 1 (病歷), group 2 (林曉雯) and the shared index (停機).
    expect(data.traditional).toMatchObject({ 歷: '历', 曉: '晓', 機: '机' });
  });

  it('indexes a site whose search page it already wrote as one index, which every scope then searches', async () => {
    const dir = site();
    await buildSearchIndex(dir, recorder().api);
    rmSync(join(dir, 'pagefind'), { recursive: true });
    const again = await buildSearchIndex(dir, recorder().api);
    expect(again.indexes.map((i) => [i.group, i.pages])).toEqual([['', 5]]);
  });
});
