/**
 * The example organisation's hall screens read from where people wait: on
 * every slide (every kind: unit board, service guide, staff, duties,
 * pledges, notices, evaluation, supervision, custom, urgent notice, rest),
 * laid out by the player at the screen's own size, no character is drawn
 * under the minimum cap height for the screen's reading distance, no line
 * ends with a character alone, and a slide that pages fills its screens.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { measureKioskType } from '#node/bench/kiosk-type.ts';
import { minCapPixels, typeScale } from '#lib/kiosk/type-scale.ts';
import { launch } from '../helpers/browser.ts';

const site = inject('exampleUrl');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['zhengwu-dating', { width: 1920, height: 1080 }],
  ['jiezhong-houzhen', { width: 1920, height: 1080 }],
  ['yiyuan-menzhen', { width: 1080, height: 1920 }],
] as const)('the example screen %s', (screen, viewport) => {
  it('draws no character under the minimum cap height for 3 m on a 55-inch screen, and leaves none alone on a line', async () => {
    const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.clock.install({ time: new Date('2026-11-23T09:59:00+08:00') });
    await page.clock.pauseAt(new Date('2026-11-23T10:00:00+08:00'));
    await page.goto(`${site}kiosk/${screen}/`);
    const r = await measureKioskType(page);
    // The example's screen files say neither distance nor size: the default, 55 inches read from 3 m.
    const expected = minCapPixels(typeScale({}), viewport.width, viewport.height);
    expect(r.minCap).toBeCloseTo(expected, 1);
    // About 30 px at 1080p: 19 mm of cap height, 22′ of arc at 3 m.
    expect(r.minCap).toBeGreaterThan(30);
    const kinds = await page.evaluate(() => document.querySelectorAll('.slide').length);
    expect(r.slides).toHaveLength(kinds);
    for (const s of r.slides) {
      expect(s.chars, s.label).toBeGreaterThan(10);
      expect(s.small, `${s.label}: smallest cap height ${s.smallest.px} px (${s.smallest.text})`).toBe(0);
      expect(s.strays, `${s.label}: lines ending with one character`).toEqual([]);
    }
    await context.close();
  });
});
