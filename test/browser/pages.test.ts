/**
 * Every kind of citizen page in Chromium, as a phone and as a desktop: it
 * fits the screen, passes the WCAG 2.2 AA checks axe can make, reads at a
 * size older people can manage, and needs no JavaScript.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, horizontalOverflow, launch, loadAllImages } from '../helpers/browser.ts';
import { CITIZEN_PAGES, PAGES_WITHOUT_SCRIPT } from '../helpers/pages.ts';

const base = inject('exampleUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width: number, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return page;
}

describe.each([360, 1280])('at %i px wide', (width) => {
  it.each(PAGES_WITHOUT_SCRIPT)('the %s page fits the screen and has no serious accessibility violation', async (_kind, path) => {
    const page = await open(path, width);
    expect(await horizontalOverflow(page)).toBe(0);
    const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    // Every image the page shows arrives and decodes.
    await loadAllImages(page);
    const broken = await page.$$eval('img', (imgs) => imgs.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src));
    expect(broken).toEqual([]);
    await page.context().close();
  });
});

describe('for older readers', () => {
  it.each(PAGES_WITHOUT_SCRIPT)('the %s page still fits at 320 px and at 200%% zoom', async (_kind, path) => {
    for (const width of [320, 640]) {
      // 1280 px at 200% zoom lays out like a 640 px window.
      const page = await open(path, width);
      expect(await horizontalOverflow(page), `${width} px`).toBe(0);
      await page.context().close();
    }
  });

  it('sets body text at 18 px or more with a line height of 1.5 or more on a phone', async () => {
    const page = await open('units/huzheng/procedures/shenfenzheng-buling/', 360);
    const small = await page.$$eval('main p, main li, main dd', (els) =>
      els
        .filter((el) => !el.closest('.meta, .tag, .small, .codes, .unit-line, .breadcrumbs') && (el.textContent ?? '').trim().length > 0)
        .map((el) => {
          const style = getComputedStyle(el);
          const size = parseFloat(style.fontSize);
          const lineHeight = style.lineHeight === 'normal' ? size * 1.2 : parseFloat(style.lineHeight);
          return { text: (el.textContent ?? '').trim().slice(0, 20), size, ratio: lineHeight / size };
        })
        .filter((m) => m.size < 18 || m.ratio < 1.5),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });

  it('enlarges all text with the large-text switch, without JavaScript, and still fits', async () => {
    const page = await open('units/menzhen/', 360, { javaScript: false });
    const before = await page.$eval('main p', (p) => parseFloat(getComputedStyle(p).fontSize));
    await page.getByLabel('大字模式').check();
    const after = await page.$eval('main p', (p) => parseFloat(getComputedStyle(p).fontSize));
    expect(after / before).toBeGreaterThanOrEqual(1.2);
    expect(await horizontalOverflow(page)).toBe(0);
    await page.context().close();
  });

  it('gives every stand-alone link and control a tap target at least 44 px high', async () => {
    for (const path of ['', 'units/menzhen/', 'units/huzheng/procedures/shenfenzheng-buling/', 'notices/']) {
      const page = await open(path, 360);
      const small = await page.$$eval('a, input, label', (els) =>
        els
          // A control inside its label: the label is the target.
          .filter((el) => !(el.tagName === 'INPUT' && el.closest('label')))
          // Links inside running text are exempt (WCAG 2.5.8); a link alone in its paragraph is not.
          .filter((el) => !(el.closest('p, li, dd') && (el.closest('p, li, dd')?.textContent ?? '').trim() !== (el.textContent ?? '').trim()))
          .filter((el) => !el.classList.contains('skip-link') && !el.classList.contains('visually-hidden') && getComputedStyle(el).display !== 'none')
          .map((el) => ({ el: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
          .filter((t) => t.height > 0 && t.height < 44),
      );
      expect(small, path).toEqual([]);
      await page.context().close();
    }
  });
});

describe('without JavaScript', () => {
  it.each(PAGES_WITHOUT_SCRIPT)('the %s page loads no script file, and its only script is the large-text memory', async (_kind, path) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${base}${path}`);
    expect(scripts).toEqual([]);
    // Structured data (JSON-LD) is a script element the browser never runs.
    expect(await page.locator('script:not([data-large-text]):not([type="application/ld+json"])').count()).toBe(0);
    expect(await page.locator('script[data-large-text]').evaluateAll((els) => els.map((el) => el.textContent?.length ?? 0))).toEqual([expect.any(Number)]);
    expect(await page.locator('script[data-large-text]').evaluate((el) => el.textContent?.length ?? 0)).toBeLessThan(600);
    await context.close();
  });
});

describe('on paper', () => {
  it('drops the navigation and prints the page address and date', async () => {
    const page = await open('units/huzheng/procedures/shenfenzheng-buling/', 1280);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.nav').isVisible()).toBe(false);
    expect(await page.locator('.breadcrumbs').isVisible()).toBe(false);
    expect(await page.locator('.toc').isVisible()).toBe(false);
    const stamp = page.locator('.site-footer .print-only');
    expect(await stamp.isVisible()).toBe(true);
    expect(await stamp.textContent()).toContain('https://gongkai.qingxi.example/units/huzheng/procedures/shenfenzheng-buling/');
    expect(await page.locator('.supervision').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('a page that does not exist', () => {
  it('answers 404 with the site’s own page, which leads home and gives a phone number', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}units/no-such-unit/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('没有找到这个页面');
    expect(await page.locator('main a[href^="tel:"]').count()).toBe(1);
    await context.close();
  });
});

describe('staff boards', () => {
  it('show every photo at the same size, however long the text beside it', async () => {
    const page = await open('units/huzheng/staff/', 1280);
    const widths = await page.$$eval('.staff-card img', (imgs) => imgs.map((i) => Math.round(i.getBoundingClientRect().width)));
    expect(widths.length).toBeGreaterThan(1);
    expect(new Set(widths).size).toBe(1);
    await page.context().close();
  });
});

/** Print sheets and hall screens: pages staff and screens open, not citizens, but they load in a browser all the same. */
const OTHER_PAGES: ReadonlyArray<readonly [kind: string, path: string]> = [
  ['A4 service guide poster', 'print/units/huzheng/procedures/shenfenzheng-buling/a4/'],
  ['desk cards', 'print/units/huzheng/desk-cards/'],
  ['hall screen', 'kiosk/zhengwu-dating/'],
];

describe('what every page declares', () => {
  it.each([...CITIZEN_PAGES, ...OTHER_PAGES])('the %s page has a meta description and a favicon, and no request of it fails', async (_kind, path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      // The not-found page is itself answered 404, as it should be.
      if (r.status() >= 400 && r.request().resourceType() !== 'document') failed.push(`${r.url()} ${r.status()}`);
    });
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    // Browsers ask for the favicon after the load event.
    await page.waitForLoadState('networkidle');
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.trim().length ?? 0).toBeGreaterThan(10);
    expect(await page.locator('link[rel="icon"]').count()).toBe(1);
    expect(failed).toEqual([]);
    await context.close();
  });

  it.each(CITIZEN_PAGES)('the %s page names each of its landmarks apart from the others of its kind', async (_kind, path) => {
    const page = await open(path, 1280);
    const duplicates = await axeViolations(page, ['landmark-unique', 'landmark-no-duplicate-banner', 'landmark-no-duplicate-contentinfo', 'landmark-no-duplicate-main']);
    expect(duplicates.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.context().close();
  });

  it('describes a unit’s pages by the unit’s own summary, and a notice by its kind, title and date', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const description = async (path: string) => {
      await page.goto(`${base}${path}`);
      return (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
    };
    await page.goto(`${base}units/menzhen/`);
    const summary = (await page.locator('main').textContent()) ?? '';
    for (const path of ['units/menzhen/', 'units/menzhen/duties/', 'units/menzhen/staff/']) {
      const d = await description(path);
      expect(d.length, path).toBeGreaterThan(10);
      expect(summary, path).toContain(d);
    }
    const notice = await description('notices/2026-q3-fuwu-zhixing-gongshi/');
    expect(notice).toContain('2026 年第三季度窗口单位“服务之星”评选结果公示');
    expect(notice).toContain('2026年11月18日');
    await context.close();
  });
});
