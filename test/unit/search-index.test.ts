import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, pageUrl, type PagefindApi } from '#integration/search-index.ts';
import { indexedText, serialiseSearchData, withTraditionalMap } from '#lib/search/page-text.ts';
import { checkPagefind, pagefindFailureMessage } from '#lib/search/pagefind-errors.ts';

const searchPage = (data: unknown) =>
  `<!DOCTYPE html><html lang="zh-CN"><body><main id="main"><h1>搜索</h1><script type="application/json" id="search-data">${serialiseSearchData(data)}</script></main></body></html>`;
const indexedPage = (main: string) =>
  `<!DOCTYPE html><html lang="zh-CN"><body><header>網站導航</header><main id="main" tabindex="-1" data-pagefind-body>${main}</main><footer>页脚</footer></body></html>`;

let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

/** A built site in a temporary folder: path → HTML. */
function site(files: Record<string, string>): string {
  temp = mkdtempSync(join(tmpdir(), 'siliang-search-index-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(temp, path)), { recursive: true });
    writeFileSync(join(temp, path), html);
  }
  return temp;
}

const readData = (dir: string) =>
  JSON.parse(/id="search-data">([^]*?)<\/script>/.exec(readFileSync(join(dir, 'search/index.html'), 'utf8'))?.[1] ?? '{}') as {
    traditional: Record<string, string>;
    synonyms: string[][];
  };

/**
 * A stand-in for Pagefind's Node API whose steps answer with the given
 * errors; records the calls, and the pages each index was given.
 */
function fakePagefind(errors: { createIndex?: string[]; addHTMLFile?: string[]; writeFiles?: string[]; noIndex?: boolean }) {
  const calls: string[] = [];
  const added: Array<{ url: string; content: string }> = [];
  const index = {
    addHTMLFile: async (file: { url: string; content: string }) => (calls.push('addHTMLFile'), added.push(file), { errors: errors.addHTMLFile ?? [], file: { url: file.url } }),
    writeFiles: async ({ outputPath }: { outputPath: string }) => {
      calls.push('writeFiles');
      mkdirSync(outputPath, { recursive: true });
      writeFileSync(join(outputPath, 'pagefind-entry.json'), '{}');
      return { errors: errors.writeFiles ?? [], outputPath };
    },
    deleteIndex: async () => (calls.push('deleteIndex'), null),
  };
  const api = {
    createIndex: async () => (calls.push('createIndex'), { errors: errors.createIndex ?? [], index: errors.noIndex ? undefined : index }),
    close: async () => (calls.push('close'), null),
  } as unknown as PagefindApi;
  return { api, calls, added };
}

describe('the text of built pages', () => {
  it('is the indexed <main> only, tags and scripts removed, hidden index-only words kept, entities decoded', () => {
    const html = indexedPage('<h1>二手房转移登记</h1><p>&#x8C28;防&lt;中介&gt;&amp;骗局</p><script>var x = "脚本";</script><div hidden>⟦ 过户 ⟧</div>');
    expect(indexedText(html)).toBe('二手房转移登记 谨防<中介>&骗局 ⟦ 过户 ⟧');
    expect(indexedText(searchPage({}))).toBeUndefined();
  });

  it('gets the map written into the search page’s data, leaving the rest of the data and page as they were', () => {
    const html = searchPage({ base: '/', traditional: {}, synonyms: [['户口', '户籍']], note: '</script>' });
    const patched = withTraditionalMap(html, { 謹: '谨' }) as string;
    expect(patched.replace(/id="search-data">[^]*?<\/script>/, '')).toBe(html.replace(/id="search-data">[^]*?<\/script>/, ''));
    expect(JSON.parse(/id="search-data">([^]*?)<\/script>/.exec(patched)?.[1] ?? '')).toEqual({
      base: '/',
      traditional: { 謹: '谨' },
      synonyms: [['户口', '户籍']],
      note: '</script>',
    });
    expect(withTraditionalMap(indexedPage('甲'), {})).toBeUndefined();
  });

  it('give the search page a map for every indexed word, from a guide’s body too, and for no page that is not indexed', async () => {
    const dir = site({
      'search/index.html': searchPage({ base: '/', traditional: {}, synonyms: [] }),
      'units/a/procedures/b/index.html': indexedPage('<h1>二手房转移登记</h1><section><p>谨防中介收费骗局。</p></section>'),
      'units/a/index.html': '<html><body><main id="main"><p>只在单位首页出现的钥匙</p></main></body></html>',
    });
    const { api } = fakePagefind({});
    expect((await buildSearchIndex(dir, api)).traditional).toBeGreaterThan(0);
    const { traditional } = readData(dir);
    expect(traditional).toMatchObject({ 謹: '谨', 騙: '骗', 轉: '转' });
    expect(traditional['鑰']).toBeUndefined();
  });

  it('are addressed as Pagefind’s own directory walk would: a folder’s index.html is the folder', () => {
    expect(pageUrl('units/a/procedures/b/index.html')).toBe('/units/a/procedures/b/');
    expect(pageUrl('index.html')).toBe('/');
    expect(pageUrl('404.html')).toBe('/404.html');
  });
});

describe('Pagefind errors', () => {
  it('stop the build with a Chinese message naming the step and every error', () => {
    expect(() => checkPagefind('addDirectory', { errors: ['Failed to parse units/a/index.html', ' Bad UTF-8 '] })).toThrow(
      '搜索索引生成失败，网站没有发布：在“读取网站页面”这一步（addDirectory）出错。Pagefind 报告：Failed to parse units/a/index.html；Bad UTF-8。',
    );
  });

  it('pass quietly when the errors array is empty', () => {
    expect(() => checkPagefind('writeFiles', { errors: [] })).not.toThrow();
  });

  it('say so when Pagefind gave no reason', () => {
    expect(pagefindFailureMessage('createIndex', [])).toBe('搜索索引生成失败，网站没有发布：在“创建索引”这一步（createIndex）出错。Pagefind 没有给出原因。');
  });
});

describe('buildSearchIndex', () => {
  const builtSite = () => site({ 'search/index.html': searchPage({ traditional: {} }), 'notices/a/index.html': indexedPage('<h1>停机公告</h1>') });

  it('fails at the first step that reports errors, naming the page, goes no further, and still shuts Pagefind down', async () => {
    const { api, calls } = fakePagefind({ addHTMLFile: ['Error: no <html> element'] });
    await expect(buildSearchIndex(builtSite(), api)).rejects.toThrow(
      /^搜索索引生成失败，网站没有发布：在“读取网站页面”这一步（addHTMLFile）出错（页面 notices\/a\/index.html）。Pagefind 报告：Error: no <html> element/,
    );
    expect(calls).toEqual(['createIndex', 'addHTMLFile', 'deleteIndex', 'close']);
  });

  it('fails when Pagefind creates no index, even without an error', async () => {
    const { api, calls } = fakePagefind({ noIndex: true });
    await expect(buildSearchIndex(builtSite(), api)).rejects.toThrow('在“创建索引”这一步（createIndex）出错。Pagefind 没有给出原因');
    expect(calls).toEqual(['createIndex', 'close']);
  });

  it('fails when writing the files reports errors', async () => {
    const { api } = fakePagefind({ writeFiles: ['disk full'] });
    await expect(buildSearchIndex(builtSite(), api)).rejects.toThrow('在“写出索引文件”这一步（writeFiles）出错。Pagefind 报告：disk full。');
  });

  it('reports the pages indexed, where the index went and the size of the map when every step succeeds', async () => {
    const { api, calls } = fakePagefind({});
    const dir = builtSite();
    expect(await buildSearchIndex(dir, api)).toEqual({
      pages: 1,
      outputPath: join(dir, 'pagefind/'),
      traditional: 1,
      indexes: [{ group: '', folder: 'pagefind/', pages: 1 }],
      files: 2,
    });
    expect(readData(dir).traditional).toEqual({ 機: '机' });
    expect(calls).toEqual(['createIndex', 'addHTMLFile', 'writeFiles', 'deleteIndex', 'close']);
  });
});
