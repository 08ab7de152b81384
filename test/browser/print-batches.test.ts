/**
 * The exporter prints many print pages, of several paper sizes, into one
 * Chromium document and cuts it into files. Each cut file must be what its
 * print page gives when printed on its own from the browser: the same
 * pages, with the same text in the same places (the A4 pledge card's
 * layout, keyed on its page's paper, included), at the exact paper size;
 * the unit's combined file the sum of its files.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fixPdfText } from '#tools/pdf/to-unicode.ts';
import { mmToPoints } from '#lib/print/formats.ts';
import { printFontGlyphFixes } from '#node/fonts.ts';
import { exportPosters, readManifest, selectPages, type ExportResult, type Manifest } from '#node/posters.ts';
import { serveStatic } from '#node/static-server.ts';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { launch } from '../helpers/browser.ts';
import { renderPage } from '../helpers/pdf.ts';

const site = inject('exampleDir');
const temp = mkdtempSync(join(tmpdir(), 'siliang-batches-'));
const UNITS = ['huzheng', 'site'];
/**
 * The formats under test, chosen to be few pages yet everything batching
 * must get right: three paper sizes (A4, A5 and the landscape 50 × 25 cm
 * plaque), files of one sheet and of four (a plaque per window), the A4
 * pledge card whose layout is keyed on its page's paper, and a unit's pages
 * beside the site's own. Boards and procedure posters print the same way
 * and would only make the test longer.
 */
const FORMATS = ['badges', 'window-plaques', 'pledge', 'supervision'] as const;
let batched: ExportResult;
let pages: Manifest['pages'];
/** One Chromium for the file: the print pages alone, and the exporter's runs. */
let browser: Browser;

interface Page {
  width: number;
  height: number;
  /** Each run of text with where it starts and how wide it is, in points. */
  runs: Array<{ text: string; x: number; y: number; width: number }>;
}

async function read(file: string): Promise<Page[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  return readDocument(pdf);
}

async function readDocument(pdf: Awaited<ReturnType<Awaited<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>['getDocument']>['promise']>): Promise<Page[]> {
  const out: Page[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [x1, y1, x2, y2] = page.view as [number, number, number, number];
    const items = (await page.getTextContent()).items;
    const runs = items.flatMap((item) => ('str' in item ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number, width: item.width }] : []));
    out.push({ width: x2 - x1, height: y2 - y1, runs });
  }
  await pdf.cleanup();
  return out;
}

beforeAll(async () => {
  const { server, url } = await serveStatic({ dir: site, base: '/' });
  try {
    pages = selectPages(await readManifest(url), { units: UNITS, formats: FORMATS });
    // Each print page on its own, opened and printed as from the browser (and as the exporter once did).
    browser = await launch();
    const tab = await browser.newPage();
    await tab.emulateMedia({ media: 'print' });
    for (const p of pages) {
      await tab.goto(`${url}${p.path}`, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.documentElement.dataset.fitted === 'true');
      mkdirSync(join(temp, 'alone', p.unit ?? 'site'), { recursive: true });
      // With the text layer corrected as the exporter corrects it (⾝ back to 身), so that texts compare.
      const { bytes } = await fixPdfText(await tab.pdf({ preferCSSPageSize: true, printBackground: true }), printFontGlyphFixes());
      writeFileSync(join(temp, 'alone', p.unit ?? 'site', p.file), bytes);
    }
    await tab.close();
  } finally {
    server.close();
  }
  // Four to a document, of mixed sizes, in two tabs.
  batched = await exportPosters({ siteDir: site, base: '/', outDir: join(temp, 'batched'), units: UNITS, formats: FORMATS, batch: 4, jobs: 2, browser });
});
afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

describe('print pages printed together and cut apart', () => {
  it('come out as one file per print page and one per unit, nothing overflowing', () => {
    expect(new Set(pages.map((p) => p.size)).size).toBeGreaterThan(2);
    expect(pages.some((p) => p.format === 'pledge' && p.size === 'a4')).toBe(true);
    expect(batched.files).toEqual([...pages.map((p) => join(p.unit ?? 'site', p.file)), ...UNITS.map((u) => join(u, `${u}-all.pdf`))]);
    expect(batched.overflowing).toEqual([]);
    expect(batched.cut).toEqual([]);
  });

  it('give each file its own pages at its exact paper size, with the same text in the same places', async () => {
    let total = 0;
    let longest = 0;
    for (const p of pages) {
      const file = join(p.unit ?? 'site', p.file);
      const [one, cut] = [await read(join(temp, 'alone', file)), await read(join(temp, 'batched', file))];
      expect(cut.length, file).toBe(one.length);
      expect(cut.length, file).toBeGreaterThan(0);
      total += cut.length;
      longest = Math.max(longest, cut.length);
      for (const [i, page] of cut.entries()) {
        expect(page.width, `${file} p${i + 1}`).toBeCloseTo(mmToPoints(p.paper.width), 2);
        expect(page.height, `${file} p${i + 1}`).toBeCloseTo(mmToPoints(p.paper.height), 2);
        const before = one[i] as Page;
        expect(page.runs.map((r) => r.text).join(''), `${file} p${i + 1}`).toBe(before.runs.map((r) => r.text).join(''));
        expect(page.runs.length, `${file} p${i + 1}`).toBe(before.runs.length);
        for (const [k, run] of page.runs.entries()) {
          const was = before.runs[k] as Page['runs'][number];
          expect(Math.abs(run.x - was.x) + Math.abs(run.y - was.y) + Math.abs(run.width - was.width), `${file} p${i + 1} “${run.text}”`).toBeLessThan(0.1);
        }
      }
    }
    expect(batched.pdfPages).toBe(total);
    // Files of several sheets were cut out whole too.
    expect(longest).toBeGreaterThan(1);
  });

  it('title each file with its print page’s title', async () => {
    const doc = await PDFDocument.load(readFileSync(join(temp, 'batched', 'huzheng', 'badges-a4.pdf')), { updateMetadata: false });
    expect(doc.getTitle()).toMatch(/^公安户政窗口 工作牌/);
  });

  it('combine into each unit’s file the pages of all its files, in manifest order', async () => {
    for (const unit of UNITS) {
      const mine = pages.filter((p) => (p.unit ?? 'site') === unit);
      const expected: Array<[number, number]> = [];
      for (const p of mine) {
        const count = (await read(join(temp, 'batched', unit, p.file))).length;
        for (let i = 0; i < count; i++) expected.push([mmToPoints(p.paper.width), mmToPoints(p.paper.height)]);
      }
      const combined = await read(join(temp, 'batched', unit, `${unit}-all.pdf`));
      expect(combined.length, unit).toBe(expected.length);
      for (const [i, page] of combined.entries()) {
        expect(page.width, `${unit} p${i + 1}`).toBeCloseTo((expected[i] as [number, number])[0], 2);
        expect(page.height, `${unit} p${i + 1}`).toBeCloseTo((expected[i] as [number, number])[1], 2);
      }
    }
  });
});

describe('a colour theme chosen for the export', () => {
  /** The colour near the top left corner, inside the sheet's header band. */
  const band = async (file: string) => {
    const { data, info } = await sharp(renderPage(file, 1, 20))
      .raw()
      .toBuffer({ resolveWithObject: true });
    const at = (5 * info.width + 5) * info.channels;
    return [data[at], data[at + 1], data[at + 2]];
  };

  it('applies to the sheets of a batch instead of the site’s own', async () => {
    expect(await band(join(temp, 'batched', 'site', 'supervision-a4.pdf'))).toEqual([168, 7, 26]);
    await exportPosters({ siteDir: site, base: '/', outDir: join(temp, 'mono'), units: ['site'], formats: ['supervision'], theme: 'mono', browser });
    expect(await band(join(temp, 'mono', 'site', 'supervision-a4.pdf'))).toEqual([0, 0, 0]);
  });
});
