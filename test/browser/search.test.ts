/**
 * Search, in Chromium, against the example organisation's real Pagefind
 * index: what citizens type (simplified and traditional characters, phrases
 * without spaces, parts of words, pinyin and initials, everyday synonyms, a
 * name, a window number) must put the right page first.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as ToTraditional from 'opencc-js/cn2t';
import { serveStatic } from '#node/static-server.ts';
import { axeViolations, horizontalOverflow, launch } from '../helpers/browser.ts';
import { htmlFiles, page as builtPage } from '../helpers/html.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const base = inject('exampleUrl');

let browser: Browser;
let context: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 360, height: 800 } });
});
afterAll(async () => {
  await browser?.close();
});

interface Result {
  kind: string;
  unit: string;
  title: string;
  href: string;
}

/** Waits for the search page to settle and reads what it shows. */
async function results(page: Page): Promise<{ status: string; results: Result[] }> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('正在') && (document.querySelector('#search-results li') !== null || status.includes('没有找到相关结果'));
  });
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    results: [...document.querySelectorAll('#search-results li')].map((li) => ({
      kind: li.querySelector('.tag')?.textContent ?? '',
      unit: li.querySelector('.line span:nth-child(2)')?.textContent ?? '',
      title: li.querySelector('h2')?.textContent ?? '',
      href: li.querySelector('h2 a')?.getAttribute('href') ?? '',
    })),
  }));
}

async function search(query: string, params: Record<string, string> = {}): Promise<{ status: string; results: Result[] }> {
  const page = await context.newPage();
  await page.goto(`${base}search/?${new URLSearchParams({ q: query, ...params })}`);
  const found = await results(page);
  await page.close();
  return found;
}

// [query, what kind of query it is, the expected first result]
const QUERIES: Array<[string, string, string]> = [
  ['身份证补办', 'everyday phrase without spaces', '居民身份证补领'],
  ['孩子出生证明', 'everyday words for an official name', '出生医学证明首次签发'],
  ['出生医学证明', 'official name', '出生医学证明首次签发'],
  ['居民身份证', 'official name', '居民身份证补领'],
  ['户口迁移', 'phrase', '县内户口迁移'],
  ['不动产抵押', 'phrase across words', '抵押权首次登记'],
  ['异地就医', 'phrase', '异地就医备案'],
  ['病历复印', 'phrase', '门诊病历复印'],
  ['病案复印', 'phrase', '住院病案复印'],
  ['出院结算', 'exact name', '出院结算'],
  ['灵活就业', 'part of a name', '灵活就业人员参保登记'],
  ['挂号', 'part of a word', '门诊预约挂号'],
  ['预约挂', 'unfinished word', '门诊预约挂号'],
  ['醫保報銷', 'traditional (Hong Kong)', '医疗费用零星报销'],
  ['戶口遷移', 'traditional', '县内户口迁移'],
  ['預防接種證', 'traditional', '预防接种证补办'],
  ['謹防', 'traditional, a word only in a service guide’s Markdown body', '二手房转移登记（存量房买卖）'],
  ['寬鬆', 'traditional, a word only in a service guide’s Markdown body', '儿童预防接种'],
  ['身分證', 'Taiwan wording (身分 for 身份)', '居民身份证补领'],
  ['病歷影印', 'Taiwan wording (影印 for 复印)', '门诊病历复印'],
  ['社保卡补办', 'synonyms 社保卡 and 补办', '社会保障卡补领、换领'],
  ['二手房过户', 'synonym 过户', '二手房转移登记（存量房买卖）'],
  ['宝宝打疫苗', 'synonyms 宝宝 and 打疫苗', '儿童预防接种'],
  ['房产证丢了', 'synonyms 房产证 and 丢', '不动产权证书补证（遗失、灭失补发）'],
  ['身份证丢了怎么办', 'question with framing words', '居民身份证补领'],
  ['budongchan', 'pinyin', '不动产权证书补证（遗失、灭失补发）'],
  ['shenfenzheng', 'pinyin', '居民身份证补领'],
  ['ydjy', 'pinyin initials', '异地就医备案'],
  ['ＢＤＣ', 'full-width initials', '不动产权证书补证（遗失、灭失补发）'],
  ['林晓雯', 'a staff member’s name', '林晓雯'],
  ['lxw', 'a staff member’s initials', '林晓雯'],
  ['linxiaowen', 'a staff member’s name in pinyin', '林晓雯'],
  ['32号窗口', 'a window number', '林晓雯'],
  ['导医', 'a post', '导医岗'],
  ['慢性病续方', 'a duty of a post that is not the first on its page', '便民门诊岗'],
  ['冷链设备', 'a duty', '接种岗'],
  ['书记接待日', 'a pledge', '门诊党支部 2026 年度承诺'],
  ['欺诈骗保', 'a pledge whose words are common in an earlier pledge’s heading', '县医疗保障局机关党支部 2026 年度承诺'],
  ['服务之星公示', 'a notice', '2026 年第三季度窗口单位“服务之星”评选结果公示'],
];

describe('what citizens type', () => {
  it.each(QUERIES)('%s (%s) puts %s first', async (query, _what, expected) => {
    const { results: found } = await search(query);
    expect(
      found[0]?.title,
      found
        .map((r) => r.title)
        .slice(0, 3)
        .join(' | '),
    ).toBe(expected);
  });

  it.each(['身分證', '病歷影印', '簡訊通知'])('reads the Taiwan wording %s as the site’s own words, so no word of it goes unfound', async (query) => {
    const { status, results: found } = await search(query);
    expect(found.length).toBeGreaterThan(0);
    expect(status).not.toContain('没有找到含');
  });

  it('links a pledge or a duty to its own section of the unit’s page', async () => {
    const { results: pledge } = await search('书记接待日');
    expect(pledge[0]).toMatchObject({ kind: '承诺', unit: '门诊服务中心', href: '/units/menzhen/pledges/#pledge-2026-dangzhibu' });
    const { results: duty } = await search('慢性病续方');
    expect(duty[0]).toMatchObject({ kind: '职责', unit: '门诊服务中心' });
    expect(duty[0]?.href).toMatch(/^\/units\/menzhen\/duties\/#/);
  });

  it.each([
    ['满意率', undefined],
    ['好评率', '公安户政窗口'],
    ['公安户政窗口 评价', '公安户政窗口'],
    ['户政窗口满意度', '公安户政窗口'],
  ])('finds evaluation results by %s', async (query, unit) => {
    const { results: found } = await search(query);
    const evaluation = found.slice(0, 3).find((r) => r.kind === '评价');
    expect(evaluation, found.map((r) => `${r.kind} ${r.unit} ${r.title}`).join(' | ')).toBeDefined();
    expect(evaluation?.href).toMatch(/^\/units\/[^/]+\/evaluations\/$/);
    if (unit) expect(evaluation?.unit).toBe(unit);
  });

  it('ranks a service guide above evaluation results that mention it', async () => {
    const { results: found } = await search('身份证');
    expect(found[0]?.kind).toBe('流程');
  });

  it('links each result to its page, and a person to their own page', async () => {
    const { results: found } = await search('林晓雯');
    expect(found[0]).toMatchObject({ kind: '身份', unit: '公安户政窗口', href: '/units/huzheng/staff/lin-xiaowen/' });
    const page = await context.newPage();
    await page.goto(`${base}search/?q=${encodeURIComponent('身份证补办')}`);
    await results(page);
    await page.locator('#search-results h2 a').first().click();
    await page.waitForURL(/\/units\/huzheng\/procedures\/shenfenzheng-buling\/$/);
    expect(await page.locator('h1').textContent()).toBe('居民身份证补领');
    await page.close();
  });

  it('shows the kind, the unit, an excerpt with the words marked, and a service’s time limit and fee', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/?q=${encodeURIComponent('身份证补办')}`);
    await results(page);
    const first = page.locator('#search-results li').first();
    expect(await first.locator('.tag').textContent()).toBe('流程');
    const marked = await first.locator('.excerpt mark').allTextContents();
    expect(marked).toContain('身份证补办');
    expect(await first.locator('.facts').textContent()).toBe('承诺 10 个工作日 · 居民身份证补领工本费 40 元/证 等 2 项');
    // The index-only block (pinyin, synonyms) never shows.
    expect(await first.locator('.excerpt').textContent()).not.toMatch(/[⟦⟧]|shenfenzheng/);
    await page.close();
  });
});

describe('the traditional-to-simplified map on the search page', () => {
  it('maps back every traditional form of every character the index holds, bodies of guides and notices included', () => {
    const out = inject('exampleDir');
    const data = JSON.parse(builtPage(out, 'search/').getElementById('search-data')?.textContent ?? '{}') as { traditional: Record<string, string> };
    const forms = (['hk', 'tw', 't'] as const).map((to) => ToTraditional.Converter({ from: 'cn', to }));
    const missing = new Set<string>();
    for (const file of htmlFiles(out)) {
      const main = builtPage(out, file).querySelector('main[data-pagefind-body]');
      if (!main) continue;
      const original = [...(main.textContent ?? '')];
      for (const convert of forms) {
        const converted = [...convert(original.join(''))];
        if (converted.length !== original.length) continue;
        original.forEach((s, i) => {
          const t = converted[i] as string;
          if (t !== s && data.traditional[t] === undefined) missing.add(`${t}→${s} (${file})`);
        });
      }
    }
    expect([...missing]).toEqual([]);
  });
});

describe('excerpts', () => {
  it('show visible text for every result, never the index-only words', async () => {
    for (const query of ['醫保報銷', 'bdc', '导医']) {
      const page = await context.newPage();
      await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
      await results(page);
      for (const excerpt of await page.locator('#search-results .excerpt').allTextContents()) {
        expect(excerpt.length, query).toBeGreaterThan(10);
        expect(excerpt, query).not.toMatch(/[⟦⟧]|\b[a-z]{3,}\b/);
      }
      await page.close();
    }
  });
});

describe('filters', () => {
  it('keeps only the chosen unit', async () => {
    const { results: found } = await search('补办', { unit: '社保医保窗口' });
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found.map((r) => r.unit))).toEqual(new Set(['社保医保窗口']));
    expect(found[0]?.title).toBe('社会保障卡补领、换领');
  });

  it('keeps only the chosen kind', async () => {
    const { results: found } = await search('户政', { kind: '身份' });
    expect(found.length).toBeGreaterThanOrEqual(3);
    expect(new Set(found.map((r) => r.kind))).toEqual(new Set(['身份']));
  });

  it('lists everything of a kind when there is no query', async () => {
    const { results: found, status } = await search('', { kind: '公告' });
    expect(status).toBe(`找到 ${found.length} 条结果`);
    expect(found.length).toBe(5);
    expect(new Set(found.map((r) => r.kind))).toEqual(new Set(['公告']));
  });

  it('filters from the form controls and keeps the choice in the address', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/`);
    await page.getByLabel('搜索办事事项、工作人员和公告').fill('登记');
    await page.locator('#unit').selectOption('公安户政窗口');
    const found = await results(page);
    expect(new Set(found.results.map((r) => r.unit))).toEqual(new Set(['公安户政窗口']));
    expect(new URL(page.url()).searchParams.get('unit')).toBe('公安户政窗口');
    expect(new URL(page.url()).searchParams.get('q')).toBe('登记');
    await page.close();
  });
});

describe('when nothing is found', () => {
  it('says so and gives the consultation phone and the supervision channels', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/?q=${encodeURIComponent('航天飞机')}`);
    const found = await results(page);
    expect(found.results).toEqual([]);
    expect(found.status).toBe('没有找到相关结果：“航天飞机”');
    const none = page.locator('#search-none');
    expect(await none.isVisible()).toBe(true);
    expect(await none.locator('a[href^="tel:"]').first().textContent()).toBe('0570-6012 3000');
    expect(await none.locator('li').count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('names the words that matched nothing when it answers with the others', async () => {
    // Not 量子计算机 any more: since evaluation results are indexed (取号量比一季度), Pagefind, which cuts a word it
    // does not have shorter until something matches, finds something for 量子. Nothing in the index begins with 航.
    const { status } = await search('航天身份证');
    expect(status).toContain('没有找到含“航天”的内容');
  });
});

describe('the search page', () => {
  it('works from the keyboard: type, arrow down into the results, arrow between them, Escape clears', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/`);
    const box = page.getByLabel('搜索办事事项、工作人员和公告');
    await box.focus();
    await page.keyboard.type('出生');
    await results(page);
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await page.locator('#search-results').isVisible()).toBe(false);
    await page.close();
  });

  it.each([360, 1280])('fits %i px with results, also in large-text mode, with no serious accessibility violation', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(`${base}search/?q=${encodeURIComponent('补办')}`);
    await results(page);
    expect(await horizontalOverflow(page)).toBe(0);
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByLabel('大字模式').check();
    expect(await horizontalOverflow(page)).toBe(0);
    await page.close();
  });

  it('without JavaScript: every page’s search box opens the search page, which lists every service by unit', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await noJs.newPage();
    await page.goto(`${base}units/menzhen/`);
    await page.locator('#site-search').fill('出生证明');
    await page.locator('form[role="search"] button').click();
    await page.waitForURL(/\/search\/\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('出生证明');
    expect(await page.locator('#search-nojs').isVisible()).toBe(true);
    const services = await page.locator('#directory ul a').count();
    // Every guide of the example, however many units it has.
    const guides = htmlFiles(inject('exampleDir')).filter((f) => /^units\/[^/]+\/procedures\/[^/]+\/index\.html$/.test(f)).length;
    expect(guides).toBeGreaterThan(0);
    expect(services).toBe(guides);
    await noJs.close();
  });

  it('hides the note about JavaScript once its script runs', async () => {
    const page = await context.newPage();
    await page.goto(`${base}search/`);
    await page.waitForFunction(() => document.getElementById('search-nojs')?.hidden === true);
    await page.close();
  });

  it('is the only page that loads a script, and loads the index only once searching starts', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}search/`);
    await page.waitForLoadState('networkidle');
    const index = `${new URL(base).pathname}pagefind/`;
    expect(requested.some((p) => p.startsWith(index))).toBe(false);
    await page.getByLabel('搜索办事事项、工作人员和公告').fill('挂号');
    await results(page);
    expect(requested).toContain(`${index}pagefind.js`);
    await page.close();
  });
});

describe('under a base path', () => {
  let server: Server;
  let url: string;
  const temp = mkdtempSync(join(tmpdir(), 'siliang-search-'));
  beforeAll(async () => {
    const content = join(temp, 'content');
    cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
    await buildInto(content, join(temp, 'out'), { base: '/gongkai/' });
    ({ server, url } = await serveStatic({ dir: join(temp, 'out'), base: '/gongkai/' }));
  });
  afterAll(() => {
    server?.close();
    rmSync(temp, { recursive: true, force: true });
  });

  it('loads its index and links results below the base path', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${url}search/?q=${encodeURIComponent('测试证明')}`);
    const found = await results(page);
    expect(requested).toContain('/gongkai/pagefind/pagefind.js');
    expect(requested.filter((p) => p.includes('/pagefind/') && !p.startsWith('/gongkai/pagefind/'))).toEqual([]);
    expect(found.results[0]).toMatchObject({ title: '测试证明办理', href: '/gongkai/units/chuangkou/procedures/ceshi-shixiang/' });
    await page.locator('#search-results h2 a').first().click();
    await page.waitForURL(/\/gongkai\/units\/chuangkou\/procedures\/ceshi-shixiang\/$/);
    await page.close();
  });
});
