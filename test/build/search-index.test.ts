/**
 * What the Pagefind index of the example organisation holds: the six kinds
 * of citizen page and nothing else, each with its kind, unit and result
 * details, and index-only words that nobody sees.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSearchIndex, INDEX_CHUNK_SIZE } from '#integration/search-index.ts';
import { htmlFiles, page, text } from '../helpers/html.ts';
import { readCbor } from '../helpers/pagefind.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const out = inject('exampleDir');
const KINDS: Array<[RegExp, string]> = [
  [/^units\/[^/]+\/procedures\/[^/]+\/index\.html$/, '流程'],
  [/^units\/[^/]+\/staff\/[^/]+\/index\.html$/, '身份'],
  [/^units\/[^/]+\/duties\/index\.html$/, '职责'],
  [/^units\/[^/]+\/pledges\/index\.html$/, '承诺'],
  [/^notices\/[^/]+\/index\.html$/, '公告'],
  // Every unit of the example publishes evaluation results.
  [/^units\/[^/]+\/evaluations\/index\.html$/, '评价'],
];
const kindOf = (file: string) => KINDS.find(([re]) => re.test(file))?.[1];

describe('the search index', () => {
  const files = htmlFiles(out).filter((f) => !f.startsWith('pagefind/'));

  it('marks the main content of services, people, duties, pledges, notices and evaluation results, and of no other page', () => {
    for (const file of files) {
      const bodies = page(out, file).querySelectorAll('[data-pagefind-body]');
      const kind = kindOf(file);
      expect(bodies.length, file).toBe(kind ? 1 : 0);
      if (kind) expect(bodies[0]?.tagName, file).toBe('MAIN');
    }
  });

  it('gives every indexed page its kind and, within a unit, its unit, as filter and result detail', () => {
    for (const file of files) {
      const kind = kindOf(file);
      if (!kind) continue;
      const doc = page(out, file);
      const attr = (a: string) => [...doc.querySelectorAll(`[${a}]`)].map((e) => e.getAttribute(a));
      expect(attr('data-pagefind-filter'), file).toContain(`kind:${kind}`);
      expect(attr('data-pagefind-meta'), file).toContain(`kind:${kind}`);
      if (file.startsWith('units/')) {
        const unit = text(doc.querySelector('.unit-line a, .unit-header h1'));
        expect(
          attr('data-pagefind-filter').some((f) => f?.startsWith('unit:') && unit.startsWith(f.slice(5))),
          file,
        ).toBe(true);
      }
      if (kind === '流程')
        expect(
          attr('data-pagefind-meta').some((m) => m?.startsWith('time:承诺 ')),
          file,
        ).toBe(true);
    }
  });

  it('adds pinyin and initials of names, hidden from readers and screen readers', () => {
    const doc = page(out, 'units/huzheng/staff/lin-xiaowen/');
    const hidden = [...doc.querySelectorAll('main [hidden]')].map((e) => e.textContent ?? '').join(' ');
    for (const word of ['linxiaowen', 'lxw', '32号窗口']) expect(hidden).toContain(word);
    expect(text(doc.querySelector('main')).includes('linxiaowen')).toBe(true);
    // Visible text never carries them.
    const visible = [...doc.querySelectorAll('main :not([hidden])')]
      .filter((e) => !e.closest('[hidden]'))
      .map((e) => e.textContent ?? '')
      .join(' ');
    expect(visible).not.toContain('linxiaowen');
  });

  it('weighs a person’s own name as a title and their post’s name as plain text, so that the post comes before its people', () => {
    const doc = page(out, 'units/huzheng/staff/lin-xiaowen/');
    const words = (selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '').join(' ');
    const weighted = words('main [hidden][data-pagefind-weight]');
    const plain = words('main [hidden]:not([data-pagefind-weight])');
    expect(weighted).toContain('lxw');
    // 居民身份证受理岗: jmsfzslg.
    expect(weighted).not.toContain('jmsfzslg');
    expect(plain).toContain('jmsfzslg');
  });

  it('adds synonyms from the content folder to pages that use a word of the group', () => {
    const hidden = [...page(out, 'units/menzhen/procedures/chusheng-yixue-zhengming/').querySelectorAll('main [hidden]')].map((e) => e.textContent).join(' ');
    for (const word of ['孩子', '出生证明']) expect(hidden).toContain(word);
  });

  it('is written by Pagefind with one fragment per indexed page', () => {
    const indexed = files.filter(kindOf).length;
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(join(out, 'pagefind/fragment')).length).toBe(indexed);
    expect(readdirSync(join(out, 'pagefind')).some((f) => f.startsWith('pagefind.zh-cn'))).toBe(true);
  });

  it('tells the ranking each page’s kind with a rank filter over every indexed page but people’s', () => {
    const indexed = files.filter(kindOf);
    const filters = readdirSync(join(out, 'pagefind/filter')).map((f) => readCbor(join(out, 'pagefind/filter', f)) as [string, Array<[string, number[]]>]);
    const rank = filters.find(([name]) => name === 'rank')?.[1] ?? [];
    expect(rank.map(([value]) => value).sort()).toEqual(['公告', '承诺', '流程', '职责', '评价']);
    expect(rank.reduce((n, [, pages]) => n + pages.length, 0)).toBe(indexed.filter((f) => kindOf(f) !== '身份').length);
  });

  it('cuts the word index into small chunks (Pagefind still reads PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE)', () => {
    const chunks = readdirSync(join(out, 'pagefind/index')).map((f) => readCbor(join(out, 'pagefind/index', f)) as [Array<[string, Array<[number, number[], number[]?]>]>]);
    // Pagefind closes a chunk once its words' locations (plus one per page) reach the size.
    const size = (word: [string, Array<[number, number[], number[]?]>]) => word[1].reduce((n, [, locs, meta]) => n + locs.length + (meta?.length ?? 0) + 1, 0);
    for (const [words] of chunks) expect(words.slice(0, -1).reduce((n, w) => n + size(w), 0)).toBeLessThan(INDEX_CHUNK_SIZE);
  });

  it('comes out byte for byte the same from the same pages, so a deploy only changes what changed', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'siliang-search-again-'));
    try {
      // The example's output is a link to its current version (src/node/output.ts): copy the
      // files it points at, or the copy would be a link and the test would rebuild the real index.
      cpSync(realpathSync(out), temp, { recursive: true });
      const digest = () => {
        const hash = createHash('sha256');
        const files = readdirSync(join(temp, 'pagefind'), { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => join(d.parentPath, d.name))
          .sort();
        for (const file of files) hash.update(file).update(readFileSync(file));
        return hash.digest('hex');
      };
      rmSync(join(temp, 'pagefind'), { recursive: true });
      await buildSearchIndex(temp);
      const first = digest();
      rmSync(join(temp, 'pagefind'), { recursive: true });
      await buildSearchIndex(temp);
      expect(digest()).toBe(first);
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe('pages with nothing on them', () => {
  it('are not indexed: a unit with no pledges has a pledges page (暂无服务承诺。) but no search result for it', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'siliang-empty-'));
    try {
      const content = join(temp, 'content');
      cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
      rmSync(join(content, 'units/chuangkou/pledges'), { recursive: true });
      const site = join(temp, 'out');
      await buildInto(content, site);
      const pledges = page(site, 'units/chuangkou/pledges/');
      expect(text(pledges.querySelector('main'))).toContain('暂无');
      expect(pledges.querySelector('[data-pagefind-body]')).toBeNull();
      // The unit's other pages still are.
      expect(page(site, 'units/chuangkou/duties/').querySelector('[data-pagefind-body]')).not.toBeNull();
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});
