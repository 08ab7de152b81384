/**
 * The search page holds still while its answer arrives: what the script
 * adds (the status line, the results in place of the directory, the note
 * for browsers without JavaScript going away) does not push what the reader
 * is looking at. Measured as Chromium's cumulative layout shift.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../helpers/browser.ts';

const base = inject('exampleUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('the search page', () => {
  it.each([
    ['a phone', { width: 360, height: 800 }],
    ['a desktop', { width: 1280, height: 800 }],
  ] as const)('on %s, shifts its layout by less than 0.01 when results for a query in the address arrive', async (_what, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    // Before the page's own script runs: the observer sees every shift from the first paint on.
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) w.__shift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}search/?q=${encodeURIComponent('身份证')}`);
    await page.waitForFunction(() => document.querySelector('#search-results li') !== null);
    // Results drawn, and a frame after them for any shift they cause to be recorded.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBeLessThan(0.01);
    await context.close();
  });
});
