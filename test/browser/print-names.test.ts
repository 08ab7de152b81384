/**
 * A name never breaks on paper: four- and five-character names (欧阳晓峰,
 * 爱新觉罗·明) stay on one line, uncut, on the wall board in every size,
 * on both faces of the desk card and on the badge; a long name is set
 * smaller rather than wrapped. Measured from the line boxes Chromium lays
 * out for print, after the pages' fitting script has run.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { launch } from '../helpers/browser.ts';
import { buildInto, ROOT } from '../helpers/run.ts';

const temp = mkdtempSync(join(tmpdir(), 'siliang-print-names-'));
const NAMES = ['欧阳晓峰', '爱新觉罗·明'];
let browser: Browser;
let url: string;
let close: () => void;

beforeAll(async () => {
  const content = join(temp, 'content');
  cpSync(join(ROOT, 'test/fixtures/small'), content, { recursive: true });
  const staff = join(content, 'units/chuangkou/staff');
  const liHua = readFileSync(join(staff, 'li-hua.yaml'), 'utf8');
  writeFileSync(join(staff, 'li-hua.yaml'), liHua.replace('name: 李华', `name: ${NAMES[0]}`));
  writeFileSync(
    join(staff, 'aixinjueluo-ming.yaml'),
    liHua.replace('name: 李华', `name: ${NAMES[1]}`).replace('./li-hua.jpg', './aixinjueluo-ming.jpg').replace('CK0101', 'CK0102'),
  );
  copyFileSync(join(staff, 'li-hua.jpg'), join(staff, 'aixinjueluo-ming.jpg'));
  await buildInto(content, join(temp, 'site'));
  const served = await serveStatic({ dir: join(temp, 'site'), base: '/' });
  url = served.url;
  close = () => served.server.close();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  close?.();
  rmSync(temp, { recursive: true, force: true });
});

interface NameBox {
  text: string;
  lines: number;
  cut: boolean;
  pt: number;
}

/** Every name on a print page as laid out for print: how many lines it takes, whether its box cuts it, its size. */
async function namesOn(path: string, selector: string): Promise<NameBox[]> {
  const page = await browser.newPage();
  try {
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${url}${path}`);
    await page.waitForSelector('html[data-fitted]', { state: 'attached' });
    return await page.evaluate((selector) => {
      return [...document.querySelectorAll<HTMLElement>(selector)].map((el) => {
        // A one-line box sized at build time (badge, desk card) holds the name with its tags: that box is what may cut it.
        const box = el.closest('[data-fit-line]') ?? el;
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops: number[] = [];
        for (const r of range.getClientRects()) if (r.width > 0.5 && !tops.some((t) => Math.abs(t - r.top) < r.height / 2)) tops.push(r.top);
        return { text: el.textContent?.trim() ?? '', lines: tops.length, cut: box.scrollWidth > box.clientWidth + 1, pt: parseFloat(getComputedStyle(el).fontSize) * 0.75 };
      });
    }, selector);
  } finally {
    await page.close();
  }
}

describe('long names on paper', () => {
  it.each(['a3', 'a4', 'a2'])('stay on one line, whole, on the %s wall board, smaller than a short name at most', async (size) => {
    const names = await namesOn(`print/units/chuangkou/board/${size}/`, '.person .name');
    expect(names.map((n) => n.text).sort()).toEqual([...NAMES].sort());
    for (const n of names) {
      expect(n.lines, n.text).toBe(1);
      expect(n.cut, n.text).toBe(false);
    }
    // The five-character name is shrunk to fit, not kept large and wrapped.
    const [four, five] = NAMES.map((name) => names.find((n) => n.text === name)?.pt ?? 0);
    expect(five).toBeLessThanOrEqual(four as number);
  });

  it('stay on one line, whole, on both faces of every desk card and on every badge', async () => {
    const desk = await namesOn('print/units/chuangkou/desk-cards/', '.desk-face .name');
    const badges = await namesOn('print/units/chuangkou/badges/', '.staff-badge .name');
    expect(desk).toHaveLength(4);
    expect(badges).toHaveLength(2);
    for (const n of [...desk, ...badges]) {
      expect(n.lines, n.text).toBe(1);
      expect(n.cut, n.text).toBe(false);
    }
  });
});
