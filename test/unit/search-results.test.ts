import { describe, expect, it } from 'vitest';
import { zhCN } from '#i18n/zh-CN.ts';
import type { SearchStrings } from '#lib/search/page-text.ts';
import { KIND_PRIORITY, PINYIN_PRIORITY } from '#lib/search/kinds.ts';
import { afterTitle, byTitle, describe as describeResult, partialMatches, statusLine, weighByKind, type PagefindData } from '#lib/search/results.ts';

const r = (id: string, score: number) => ({ id, score });
const ids = (list: ReadonlyArray<{ id: string }>) => list.map((x) => x.id);

describe('ordering results by kind', () => {
  it("multiplies each score by its kind's weight, the default weight for pages of no ranked kind", () => {
    const results = [r('person', 10), r('guide', 7), r('pledge', 12)];
    const weights = new Map([
      ['guide', 1.6],
      ['pledge', 0.6],
    ]);
    // 7 × 1.6 = 11.2, 10 × 1 = 10, 12 × 0.6 = 7.2
    expect(ids(weighByKind(results, weights, 1))).toEqual(['guide', 'person', 'pledge']);
  });

  it("keeps Pagefind's order between equal products", () => {
    expect(ids(weighByKind([r('a', 2), r('b', 1), r('c', 2)], new Map([['b', 2]]), 1))).toEqual(['a', 'b', 'c']);
  });
});

describe('results for most of the words, when no page has them all', () => {
  it('ranks pages by how many of the words they hold, then by their best score', () => {
    const runs = [
      [r('p1', 1), r('p2', 5)],
      [r('p1', 2), r('p2', 1), r('p3', 9)],
      [r('p1', 1), r('p3', 3)],
    ];
    expect(ids(partialMatches(runs))).toEqual(['p1', 'p3', 'p2']);
  });

  it('leaves out pages with fewer than half of the words', () => {
    const runs = [[r('p1', 1), r('p2', 1)], [r('p1', 1)], [r('p1', 1)], [r('p2', 1)], [r('p3', 1)]];
    // Three of five words are needed: only p1 has them.
    expect(ids(partialMatches(runs))).toEqual(['p1']);
  });

  it('never answers with a page that holds one word only, even of two', () => {
    expect(partialMatches([[r('p1', 1)], [r('p2', 1)]])).toEqual([]);
  });
});

describe('titles that say what was asked for', () => {
  it('come first among the results shown, the others keeping their order', () => {
    const shown = [{ title: '新生儿户口登记' }, { title: '出生医学证明补发' }, { title: '居民身份证补领' }];
    expect(byTitle(shown, ['出生医学证明', '补发']).map((s) => s.title)).toEqual(['出生医学证明补发', '新生儿户口登记', '居民身份证补领']);
  });

  it('keep results with every word before partial ones, unless only a partial one says what was asked for', () => {
    const shown = [
      { title: '门诊病历复印', partial: false },
      { title: '居民身份证补领', partial: true },
      { title: '灵活就业人员参保登记', partial: true },
    ];
    expect(byTitle(shown, ['没有单位', '交社保', '参保']).map((s) => s.title)).toEqual(['灵活就业人员参保登记', '门诊病历复印', '居民身份证补领']);
    expect(byTitle(shown, ['复印']).map((s) => s.title)).toEqual(['门诊病历复印', '居民身份证补领', '灵活就业人员参保登记']);
    expect(byTitle(shown, ['护照']).map((s) => s.title)).toEqual(['门诊病历复印', '居民身份证补领', '灵活就业人员参保登记']);
  });
});

describe('the weight of a kind of page', () => {
  it('puts a post found by its pinyin level with a person found by theirs, services still first', () => {
    expect(PINYIN_PRIORITY.职责).toBe(PINYIN_PRIORITY.身份);
    expect(KIND_PRIORITY.职责).toBeLessThan(KIND_PRIORITY.身份);
    expect(PINYIN_PRIORITY.流程).toBeGreaterThan(PINYIN_PRIORITY.职责);
  });
});

describe('what a result shows', () => {
  const page = (more: Partial<PagefindData> = {}): PagefindData => ({
    url: '/units/huzheng/procedures/shenfenzheng-buling/',
    content: '居民身份证补领。 丢失身份证的居民，到窗口申请补领。',
    meta: { title: '居民身份证补领', kind: '流程', unit: '公安户政窗口', time: '承诺 20 个工作日', fee: '20 元' },
    sub_results: [],
    ...more,
  });

  it('shows a page by its title, kind and unit, its text after the title, and its facts', () => {
    expect(describeResult(page(), ['补领'])).toEqual({
      url: '/units/huzheng/procedures/shenfenzheng-buling/',
      title: '居民身份证补领',
      kind: '流程',
      unit: '公安户政窗口',
      text: '丢失身份证的居民，到窗口申请补领。',
      facts: '承诺 20 个工作日 · 20 元',
    });
  });

  it('shows the section of a duties page that matched best, by its heading and text', () => {
    const content = '岗位职责。 受理岗 负责受理申请。 收费岗 负责收取挂号费。';
    const shown = describeResult(
      page({
        url: '/units/menzhen/duties/',
        content,
        meta: { title: '岗位职责', kind: '职责', unit: '门诊服务中心' },
        anchors: [
          { id: 'shouli', text: '受理岗', location: 1 },
          { id: 'shoufei', text: '收费岗', location: 4 },
        ],
        sub_results: [
          { title: '受理岗', url: '/units/menzhen/duties/#shouli', anchor: { id: 'shouli' }, plain_excerpt: '负责受理申请' },
          { title: '收费岗', url: '/units/menzhen/duties/#shoufei', anchor: { id: 'shoufei' }, plain_excerpt: '负责收取挂号费' },
        ],
      }),
      ['挂号费'],
    );
    expect(shown).toMatchObject({ url: '/units/menzhen/duties/#shoufei', title: '收费岗', text: '负责收取挂号费。' });
  });

  it('drops the title only where the text opens with it', () => {
    expect(afterTitle('居民身份证补领。 需要带户口簿。', '居民身份证补领')).toBe('需要带户口簿。');
    expect(afterTitle(`${'前言'.repeat(50)}居民身份证补领`, '居民身份证补领')).toBe(`${'前言'.repeat(50)}居民身份证补领`);
    expect(afterTitle('正文', undefined)).toBe('正文');
  });
});

describe('the status line', () => {
  const strings: SearchStrings = {
    searching: zhCN['search.searching'],
    found: zhCN['search.found'],
    none: zhCN['search.noResults'],
    partial: zhCN['search.partial'],
    partialMore: zhCN['search.partialMore'],
    partialTag: zhCN['search.partialTag'],
    soundsLike: zhCN['search.soundsLike'],
    weak: zhCN['search.weak'],
    missing: zhCN['search.missing'],
    missingWord: zhCN['search.missingWord'],
    wordSeparator: zhCN['search.wordSeparator'],
    unavailable: zhCN['search.unavailable'],
    inScope: zhCN['search.inScope'],
  };
  const outcome = { count: 0, query: '火星签证', partial: false, missing: [] as string[] };

  it('says how many results were found', () => {
    expect(statusLine(strings, { ...outcome, count: 17 })).toBe('找到 17 条结果');
  });

  it('repeats what was typed when nothing was found, and names the group of units searched', () => {
    expect(statusLine(strings, outcome)).toBe('没有找到相关结果：“火星签证”');
    expect(statusLine(strings, { ...outcome, scope: '青溪县' })).toBe('没有找到相关结果（在“青溪县”中）：“火星签证”');
  });

  it('says when the results hold only most of the words', () => {
    expect(statusLine(strings, { ...outcome, count: 2, partial: true })).toBe(`找到 2 条结果 ${zhCN['search.partial']}`);
  });

  it('names each word that found nothing', () => {
    expect(statusLine(strings, { ...outcome, count: 6, missing: ['量子', '火星'] })).toBe('找到 6 条结果 没有找到含“量子”、“火星”的内容，下面的结果只包含其他词。');
  });
});
