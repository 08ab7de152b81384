/**
 * The geometry of the sheets that are cut and folded, measured in Chromium
 * on a unit of nine people: badges exactly 85.6 × 54 mm, eight to an A4
 * sheet and the ninth on a second, each inside the paper and clear of the
 * others, with a crop mark at every corner; desk cards as two 200 × 100 mm
 * faces meeting at the fold, the upper one upside down so that both read
 * the right way up once folded into a tent.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '#node/static-server.ts';
import { launch } from '../helpers/browser.ts';
import { SMALL } from '../helpers/content.ts';
import { buildInto } from '../helpers/run.ts';

/** CSS pixels per millimetre: print layout is in mm, Chromium measures at 96 px per inch. */
const MM = 96 / 25.4;
const NAMES = ['李华', '王芳', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰'];

const work = mkdtempSync(join(tmpdir(), 'siliang-print-layout-'));
const content = join(work, 'content');
const out = join(work, 'out');
let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  cpSync(SMALL, content, { recursive: true });
  const staffDir = join(content, 'units/chuangkou/staff');
  const template = readFileSync(join(staffDir, 'li-hua.yaml'), 'utf8');
  NAMES.slice(1).forEach((name, i) => {
    const slug = `renyuan-${i + 2}`;
    cpSync(join(staffDir, 'li-hua.jpg'), join(staffDir, `${slug}.jpg`));
    writeFileSync(
      join(staffDir, `${slug}.yaml`),
      template
        .replace('name: 李华', `name: ${name}`)
        .replace('./li-hua.jpg', `./${slug}.jpg`)
        .replace('"CK0101"', `"CK01${String(i + 2).padStart(2, '0')}"`),
    );
  });
  await buildInto(content, out);
  ({ server, url: base } = await serveStatic({ dir: out, base: '/' }));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${base}${path}`);
  await page.emulateMedia({ media: 'print' });
  return page;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

describe('badges', () => {
  it('are 85.6 × 54 mm, eight to an A4 sheet, inside the paper, apart, each with four crop marks', async () => {
    const page = await open('print/units/chuangkou/badges/');
    const sheets = await page.locator('.badge-sheet').evaluateAll((all) =>
      all.map((sheet) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
        };
        return {
          sheet: box(sheet),
          badges: [...sheet.querySelectorAll('.staff-badge')].map(box),
          marks: [...sheet.querySelectorAll('.slot')].map((slot) => slot.querySelectorAll('.crop-marks .mark').length),
        };
      }),
    );
    expect(sheets.map((s) => s.badges.length)).toEqual([8, 1]);
    for (const { sheet, badges, marks } of sheets) {
      expect(sheet.width / MM).toBeCloseTo(210, 0);
      expect(sheet.height / MM).toBeCloseTo(297, 0);
      for (const b of badges) {
        expect(b.width / MM).toBeCloseTo(85.6, 1);
        expect(b.height / MM).toBeCloseTo(54, 1);
        expect(b.left).toBeGreaterThanOrEqual(sheet.left);
        expect(b.right).toBeLessThanOrEqual(sheet.right);
        expect(b.top).toBeGreaterThanOrEqual(sheet.top);
        expect(b.bottom).toBeLessThanOrEqual(sheet.bottom);
      }
      // No two badges overlap, and there is room to cut between them.
      badges.forEach((a: Box, i) =>
        badges.slice(i + 1).forEach((b: Box) => {
          const apart = a.right + 2 * MM <= b.left || b.right + 2 * MM <= a.left || a.bottom + 2 * MM <= b.top || b.bottom + 2 * MM <= a.top;
          expect(apart).toBe(true);
        }),
      );
      // Two short lines (one across, one down) at each of the four corners.
      for (const m of marks) expect(m).toBe(8);
    }
    const names = await page.locator('.staff-badge').allTextContents();
    for (const name of NAMES) expect(names.some((t) => t.replace(/\s+/g, '').includes(name))).toBe(true);
    await page.close();
  });
});

describe('desk cards', () => {
  it('are two 200 × 100 mm faces meeting at the fold, the upper one upside down, both with the name', async () => {
    const page = await open('print/units/chuangkou/desk-cards/');
    expect(await page.locator('.desk-sheet').count()).toBe(NAMES.length);
    const sheets = await page.locator('.desk-sheet').evaluateAll((all) =>
      all.map((sheet) => {
        const faces = [...sheet.querySelectorAll('.desk-face')].map((f) => {
          const r = f.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, width: r.width, height: r.height, transform: getComputedStyle(f).transform, text: f.textContent?.replace(/\s+/g, '') ?? '' };
        });
        const fold = (sheet.querySelector('.fold') as Element).getBoundingClientRect().top;
        return { faces, fold };
      }),
    );
    const seen = new Set<string>();
    for (const { faces, fold } of sheets) {
      expect(faces).toHaveLength(2);
      const [upper, lower] = [...faces].sort((a, b) => a.top - b.top) as [(typeof faces)[number], (typeof faces)[number]];
      for (const face of faces) {
        expect(face.width / MM).toBeCloseTo(200, 0);
        expect(face.height / MM).toBeCloseTo(100, 0);
      }
      // Turned half a circle: the matrix of rotate(180deg).
      expect(upper.transform).toMatch(/^matrix\(-1, [-\d.e]+, [-\d.e]+, -1, 0, 0\)$/);
      expect(lower.transform).toBe('none');
      expect(Math.abs(upper.bottom - fold)).toBeLessThan(1);
      expect(Math.abs(lower.top - fold)).toBeLessThan(1);
      // One person per card, the same on both faces.
      const name = NAMES.find((n) => lower.text.includes(n)) as string;
      expect(name).toBeDefined();
      expect(upper.text).toContain(name);
      seen.add(name);
    }
    expect([...seen].sort()).toEqual([...NAMES].sort());
    await page.close();
  });
});
