/**
 * Every colour theme of the printed sheets stays legible, and stays legible
 * on a black-and-white printer: such a printer keeps only each colour's
 * lightness, so text must stand out from what is behind it by lightness
 * alone. WCAG's contrast ratio is computed from relative luminance, which
 * is exactly that, so each piece of text is held to it against the colour
 * it actually sits on.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../helpers/browser.ts';

const base = inject('exampleUrl');

const SHEETS = [
  'print/units/huzheng/board/a3/',
  'print/units/huzheng/procedures/shenfenzheng-buling/a4/',
  'print/units/huzheng/desk-cards/',
  'print/units/huzheng/badges/',
  'print/units/huzheng/window-plaques/',
  'print/units/huzheng/pledges/2026-danwei/a5/',
  'print/units/huzheng/supervision/',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Failure {
  text: string;
  ratio: number;
  needed: number;
}

describe('printed sheets in every colour theme', () => {
  it.each(['red', 'blue', 'mono'] as const)('the %s theme keeps every text legible by lightness alone', async (theme) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 1600 } });
    const page = await context.newPage();
    let checked = 0;
    for (const path of SHEETS) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      await page.emulateMedia({ media: 'print' });
      const { failures, count } = await page.evaluate(() => {
        const rgb = (css: string) => {
          const m = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:[,/]\s*([\d.]+))?/.exec(css);
          return m ? { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: m[4] === undefined ? 1 : Number(m[4]) } : { r: 0, g: 0, b: 0, a: 0 };
        };
        const channel = (v: number) => {
          const c = v / 255;
          return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        /** The colour an element's text sits on: the nearest opaque background (white paper at the end). */
        const backdrop = (el: Element | null): { r: number; g: number; b: number } => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.a >= 0.5) return c;
          }
          return { r: 255, g: 255, b: 255 };
        };
        const out: Array<{ text: string; ratio: number; needed: number }> = [];
        let n = 0;
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          const own = [...el.childNodes].some((c) => c.nodeType === 3 && (c.textContent ?? '').trim().length > 0);
          if (!own || el.closest('[aria-hidden="true"], .no-print, .toolbar, svg')) continue;
          const style = getComputedStyle(el);
          if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
          const fg = rgb(style.color);
          const bg = backdrop(el);
          const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
          const ratio = (a + 0.05) / (b + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          const needed = large ? 3 : 4.5;
          n += 1;
          if (ratio < needed) out.push({ text: (el.textContent ?? '').trim().slice(0, 30), ratio: Math.round(ratio * 100) / 100, needed });
        }
        return { failures: out, count: n };
      });
      expect(failures as Failure[], `${theme} ${path}`).toEqual([]);
      checked += count;
    }
    expect(checked).toBeGreaterThan(200);
    await context.close();
  });
});
