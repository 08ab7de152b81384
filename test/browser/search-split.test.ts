/**
 * A site whose search index is split into groups of units: the example
 * organisation built with a threshold of 30 indexed pages
 * (SILIANG_SEARCH_SPLIT), so that its three 所属单位 get indexes of their
 * own beside the shared one of notices. Checks what was written and what a
 * citizen gets: the group of the unit they came from, every unit when they
 * ask, traditional characters as everywhere.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { axeViolations, horizontalOverflow, launch } from '../helpers/browser.ts';
import { htmlFiles, page as builtPage } from '../helpers/html.ts';
import { readFragment } from '../helpers/pagefind.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-search-split-'));
const out = join(temp, 'out');
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  await buildInto(join(ROOT, 'content'), out, { env: { SILIANG_SEARCH_SPLIT: '30' } });
  ({ server, url: base } = await serveStatic({ dir: out, base: '/' }));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** Index folders below pagefind/: '' for the shared one, then the groups. */
const folders = () => [
  '',
  ...readdirSync(join(out, 'pagefind'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+$/.test(d.name))
    .map((d) => d.name),
];
const folderPath = (g: string) => join(out, 'pagefind', g);

/** The page addresses in an index, read from its fragments. */
function urlsIn(group: string): string[] {
  const dir = join(folderPath(group), 'fragment');
  return readdirSync(dir).map((f) => readFragment(join(dir, f)).url);
}

/** The group the search box of a built page passes, if any. */
const scopeOf = (path: string) => builtPage(out, path).querySelector('form[role="search"] input[name="scope"]')?.getAttribute('value') ?? undefined;

interface Shown {
  status: string;
  titles: string[];
  units: string[];
}

async function shown(page: Page): Promise<Shown> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? '';
    return status !== '' && !status.startsWith('正在') && (document.querySelector('#search-results li') !== null || status.includes('没有找到相关结果'));
  });
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    titles: [...document.querySelectorAll('#search-results li h2')].map((h) => h.textContent ?? ''),
    units: [...document.querySelectorAll('#search-results li .line span:nth-child(2)')].map((s) => s.textContent ?? ''),
  }));
}

async function search(params: Record<string, string>, requested?: string[]): Promise<Shown> {
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  if (requested) page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`${base}search/?${new URLSearchParams(params)}`);
  const found = await shown(page);
  await page.close();
  return found;
}

describe('the indexes of a split site', () => {
  it('are the shared one and one per group, each page of the site in exactly one of them', () => {
    const groups = folders().filter(Boolean);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const indexed = htmlFiles(out)
      .filter((f) => builtPage(out, f).querySelector('main[data-pagefind-body]'))
      .map((f) => `/${f.replace(/index\.html$/, '')}`)
      .sort();
    const everywhere = folders().flatMap(urlsIn).sort();
    expect(everywhere).toEqual(indexed);
    // Notices are shared; a unit's pages are all in one group.
    expect(urlsIn('').every((u) => u.startsWith('/notices/'))).toBe(true);
    for (const g of groups) {
      const units = new Set(urlsIn(g).map((u) => u.split('/')[2]));
      for (const other of groups.filter((o) => o !== g)) expect(urlsIn(other).some((u) => units.has(u.split('/')[2]))).toBe(false);
    }
  });

  it('keep the engine in pagefind/ only and none of Pagefind’s unused interfaces', () => {
    expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    for (const g of folders()) {
      const names = readdirSync(folderPath(g));
      expect(
        names.filter((n) => /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\./.test(n)),
        g,
      ).toEqual([]);
      if (g)
        expect(
          names.filter((n) => n === 'pagefind.js' || n.startsWith('wasm.')),
          g,
        ).toEqual([]);
    }
  });

  it('are named on the search page by their 所属单位', () => {
    const options = [...builtPage(out, 'search/').querySelectorAll('#scope option')].map((o) => [o.getAttribute('value'), o.textContent]);
    expect(options[0]).toEqual(['all', '全部单位']);
    expect(options.slice(1).map((o) => o[0])).toEqual(folders().filter(Boolean));
    expect(
      options
        .slice(1)
        .map((o) => o[1])
        .join('、'),
    ).toContain('青溪县人民医院');
  });

  it('are passed by the search box of a unit’s pages, as the unit’s group, and not by other pages', () => {
    const huzheng = scopeOf('units/huzheng/');
    expect(huzheng).toBeDefined();
    expect(urlsIn(huzheng as string)).toContain('/units/huzheng/staff/lin-xiaowen/');
    expect(scopeOf('units/huzheng/staff/lin-xiaowen/')).toBe(huzheng);
    expect(scopeOf('units/menzhen/procedures/')).not.toBe(huzheng);
    expect(scopeOf('')).toBeUndefined();
    expect(scopeOf('notices/')).toBeUndefined();
  });

  it('leave every citizen page with a search box (all but the search page) without a script', () => {
    for (const f of htmlFiles(out)) {
      const doc = builtPage(out, f);
      if (!doc.querySelector('form[role="search"]') || f.startsWith('search/')) continue;
      // The large-text memory and structured data (JSON-LD, never run) are the only script elements allowed.
      expect(doc.querySelectorAll('script:not([data-large-text]):not([type="application/ld+json"])').length, f).toBe(0);
    }
  });
});

describe('searching a split site', () => {
  const huzheng = () => scopeOf('units/huzheng/') as string;
  const elsewhere = () => folders().find((g) => g && g !== huzheng()) as string;

  it('finds a name from the person’s group and from every unit, not from another group, loading only the indexes searched', async () => {
    const requested: string[] = [];
    const own = await search({ q: '林晓雯', scope: huzheng() }, requested);
    expect(own.titles[0]).toBe('林晓雯');
    expect(own.status).toContain('（在“');
    // The shared index and the group's: no other group's files.
    const folderOf = (p: string) => /^\/pagefind\/(?:(\d+)\/)?/.exec(p)?.[1] ?? '';
    expect(new Set(requested.filter((p) => p.startsWith('/pagefind/')).map(folderOf))).toEqual(new Set(['', huzheng()]));
    expect((await search({ q: '林晓雯', scope: 'all' })).titles[0]).toBe('林晓雯');
    const other = await search({ q: '林晓雯', scope: elsewhere() });
    expect(other.titles).not.toContain('林晓雯');
  });

  it('searches every unit when the address names no group', async () => {
    expect((await search({ q: '林晓雯' })).titles[0]).toBe('林晓雯');
    expect((await search({ q: '住院病案复印' })).titles[0]).toBe('住院病案复印');
  });

  it('finds notices whatever the group', async () => {
    expect((await search({ q: '服务之星公示', scope: elsewhere() })).titles[0]).toBe('2026 年第三季度窗口单位“服务之星”评选结果公示');
  });

  it('reads traditional characters and Taiwan wordings as on a site with one index', async () => {
    expect((await search({ q: '戶口遷移' })).titles[0]).toBe('县内户口迁移');
    expect((await search({ q: '身分證', scope: huzheng() })).titles[0]).toBe('居民身份证补领');
    expect((await search({ q: '病歷影印' })).titles[0]).toBe('门诊病历复印');
  });

  it('goes from a unit’s search box to the unit’s group, and to every unit in one click', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${base}units/huzheng/`);
    await page.locator('#site-search').fill('出生');
    await page.locator('form[role="search"] button').click();
    await page.waitForURL(/\/search\/\?/);
    expect(new URL(page.url()).searchParams.get('scope')).toBe(huzheng());
    const own = await shown(page);
    expect(new Set(own.units)).not.toContain('门诊服务中心');
    expect(await page.locator('#scope').inputValue()).toBe(huzheng());
    const widen = page.getByRole('button', { name: '在全部单位中搜索' });
    await widen.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scope') === 'all');
    const all = await shown(page);
    expect(all.units).toContain('门诊服务中心');
    expect(await widen.isVisible()).toBe(false);
    await page.close();
  });

  it('searches a chosen unit within its own group', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${base}search/?scope=${elsewhere()}`);
    await page.getByLabel('搜索办事事项、工作人员和公告').fill('补领');
    await page.locator('#unit').selectOption('公安户政窗口');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('unit') === '公安户政窗口');
    const found = await shown(page);
    expect(await page.locator('#scope').inputValue()).toBe(huzheng());
    expect(new Set(found.units)).toEqual(new Set(['公安户政窗口']));
    expect(found.titles[0]).toBe('居民身份证补领');
    await page.close();
  });

  it('labels the scope list, fits a phone and has no serious accessibility violation', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${base}search/?q=${encodeURIComponent('补领')}&scope=${huzheng()}`);
    await shown(page);
    expect(await page.getByLabel('搜索范围').count()).toBe(1);
    expect(await horizontalOverflow(page)).toBe(0);
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.close();
  });

  it('without JavaScript lists units under their 所属单位', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await noJs.newPage();
    await page.goto(`${base}search/?q=x&scope=${huzheng()}`);
    expect(await page.locator('#directory h3').allTextContents()).toEqual(expect.arrayContaining(['青溪县人民医院', '青溪县政务服务中心']));
    expect(await page.locator('#directory a[href="/units/huzheng/"]').count()).toBe(1);
    await noJs.close();
  });
});
