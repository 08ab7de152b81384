/**
 * Every kind of citizen page as an older reader meets it on a 320 px phone,
 * in normal and in large-text mode, measured in Chromium: nothing scrolls
 * sideways, no wrapped text is squeezed under eight characters a line, no
 * phone number or time is split across lines, no text is under 18 px (22 px
 * in large mode), and every stand-alone target is 44 × 44 px (60 × 60 in
 * large mode). And the large-text switch is remembered.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureReadability } from '#node/bench/readability.ts';
import { launch } from '../helpers/browser.ts';
import { CITIZEN_PAGES } from '../helpers/pages.ts';

const base = inject('exampleUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { width?: number; height?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 320, height: options.height ?? 700 }, javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  return page;
}

describe.each([
  ['normal', false, 18, 44],
  ['large-text', true, 22, 60],
] as const)('at 320 px in %s mode', (_mode, large, minText, minTarget) => {
  it.each(CITIZEN_PAGES)('the %s page reads without squeezing, splitting or tiny text and targets', async (_kind, path) => {
    // Without JavaScript: the switch is a checkbox that works on its own.
    const page = await open(path, { javaScript: false });
    if (large) await page.getByRole('checkbox', { name: '大字模式' }).check();
    const r = await measureReadability(page, minTarget);
    expect(r.overflow, 'sideways scroll').toBe(0);
    expect(r.narrowestColumn.chars, `narrowest column: ${r.narrowestColumn.text}`).toBeGreaterThanOrEqual(8);
    expect(r.splitNumbers, 'numbers split across lines').toEqual([]);
    expect(r.smallestText.px, `smallest text: ${r.smallestText.text}`).toBeGreaterThanOrEqual(minText);
    expect(r.smallTargets, 'targets under the minimum').toEqual([]);
    await page.context().close();
  });
});

describe('the large-text switch', () => {
  it('stays on across a link and a reload, and off again once turned off', async () => {
    const page = await open('units/menzhen/', { width: 360 });
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const normal = await size();
    const box = page.getByRole('checkbox', { name: '大字模式' });
    await box.check();
    expect(await size()).toBeGreaterThan(normal);
    await Promise.all([page.waitForURL(/\/procedures\/$/), page.locator('a[href$="/units/menzhen/procedures/"]').first().click()]);
    expect(await box.isChecked()).toBe(true);
    expect(await size()).toBeGreaterThan(normal);
    await page.reload();
    expect(await box.isChecked()).toBe(true);
    expect(await size()).toBeGreaterThan(normal);
    await box.uncheck();
    await page.goto(`${base}notices/`);
    expect(await box.isChecked()).toBe(false);
    expect(await size()).toBe(normal);
    await page.context().close();
  });

  it('is announced once, as a checkbox, and its state shows in the label’s colours', async () => {
    const page = await open('', { width: 360 });
    const header = await page.locator('.site-header .bar').ariaSnapshot();
    expect(header.match(/大字模式/g)).toHaveLength(1);
    expect(header).toMatch(/checkbox "大字模式"/);
    const label = page.locator('label.large-text');
    const off = await label.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.getByRole('checkbox', { name: '大字模式' }).check();
    expect(await label.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(off);
    await page.context().close();
  });

  it('leaves the reader’s own text size in charge: a larger browser default makes everything larger', async () => {
    const page = await open('units/menzhen/', { width: 360 });
    const measure = () => page.$eval('main p', (p) => parseFloat(getComputedStyle(p).fontSize));
    const normal = await measure();
    // What a phone's larger-text setting does to a page: a larger default font size.
    // Set through the CSS object model: the page's Content-Security-Policy refuses an added <style>.
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '140.625%', 'important'));
    expect(await measure()).toBeGreaterThan(normal);
    await page.context().close();
  });
});

describe('what screen readers hear', () => {
  it('does not read the breadcrumb separator aloud', async () => {
    const page = await open('units/huzheng/staff/', { width: 1280 });
    expect(await page.locator('nav.breadcrumbs').ariaSnapshot()).not.toContain('›');
    await page.context().close();
  });

  it('reads an optional material’s tag as a remark after its name, not as part of it', async () => {
    const page = await open('units/huzheng/procedures/shenfenzheng-buling/', { width: 1280 });
    const names = await page.locator('.materials .name').allTextContents();
    expect(names.some((n) => /^\S+（视情况提交）$/.test(n.replace(/\s+/g, '')))).toBe(true);
    await page.context().close();
  });
});

describe('on a short window (a phone on its side, or 400% zoom)', () => {
  it('keeps the header to two rows of targets, the search box giving way to the navigation’s 搜索 link', async () => {
    // 1280 × 720 at 400% lays out like 320 × 180.
    const page = await open('units/menzhen/', { width: 320, height: 180 });
    const { header, target } = await page.evaluate(() => ({
      header: document.querySelector('.site-header')?.getBoundingClientRect().height ?? Infinity,
      target: 2.75 * parseFloat(getComputedStyle(document.documentElement).fontSize),
    }));
    expect(header).toBeLessThanOrEqual(2 * target + 1);
    expect(await page.locator('.site-header form[role="search"]').isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '搜索' }).isVisible()).toBe(true);
    await page.context().close();
  });
});
