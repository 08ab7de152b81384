/**
 * Printed sheets readable at arm's length, measured from the exported PDFs
 * (real Chromium, pdf.js): no text below its format's minimum size
 * (src/lib/print/type-scale.ts) but for the few captions marked as such,
 * and no content dropped to get there: a long guide continues on another
 * sheet instead. Text is checked by its role on the page: each heading
 * (h1–h4, `[data-heading]`: a sheet's title, a section's, a name on a desk
 * card or badge, a window plaque's number and posts) at least at the
 * heading minimum, everything else at least at the body minimum. Two
 * units of the example and the organisation's own supervision poster,
 * every format they print.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { textRunsOfFile, type TextRun } from '#node/bench/print-type.ts';
import { exportPosters, type Manifest } from '#node/posters.ts';
import { FORMATS } from '#lib/print/formats.ts';
import { typeScale } from '#lib/print/type-scale.ts';
import { page, text } from '../helpers/html.ts';
import { fillPrintedOn } from '../../src/scripts/printed-on.ts';

const site = inject('exampleDir');
const out = mkdtempSync(join(tmpdir(), 'siliang-print-type-'));
const UNITS = ['huzheng', 'menzhen'];
const manifest = JSON.parse(readFileSync(join(site, 'print', 'manifest.json'), 'utf8')) as Manifest;
// The units' sheets and the organisation's own (unit undefined: its supervision poster).
const printed = manifest.pages.filter((p) => p.unit === undefined || UNITS.includes(p.unit));
const runs = new Map<string, TextRun[][]>();

beforeAll(async () => {
  await exportPosters({ siteDir: site, base: '/', outDir: out, units: [...UNITS, 'site'] });
  for (const p of printed) runs.set(p.path, await textRunsOfFile(join(out, p.unit ?? 'site', p.file)));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Text without white space: pdf.js and the HTML space runs differently. */
const bare = (s: string) => s.replace(/\s+/gu, '');

interface TextNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}
/** Each piece of text in an element, one per text node: the PDF may draw the pieces of an item in another order (a step's number after its name). */
function pieces(node: TextNode): string[] {
  if (node.nodeType === 3) return bare(node.textContent ?? '') ? [bare(node.textContent ?? '')] : [];
  return Array.from(node.childNodes).flatMap(pieces);
}

/** The text of a PDF's pages in order, without white space, from its runs set at `pt` or larger (all of them without it). */
function pdfText(path: string, pt = 0): string {
  return bare(
    (runs.get(path) ?? [])
      .flat()
      .filter((r) => r.pt >= pt - 0.05)
      .map((r) => r.str)
      .join(''),
  );
}

/** The print page's document as printed: the printed-on date written in, as the page's script does. */
function printedPage(path: string) {
  const doc = page(site, path);
  fillPrintedOn(doc as unknown as ParentNode);
  return doc;
}

/**
 * Each piece of heading text of a print page (one per text node, as the
 * fitting script's role check reads them): h1–h4 and `[data-heading]`.
 * What only a continued sheet shows (`[data-continued-only]`: a board's
 * running head) counts when the PDF has more than one sheet.
 */
function headingPieces(path: string): string[] {
  const doc = printedPage(path);
  const sheets = (runs.get(path) ?? []).length;
  return [...doc.querySelectorAll('h1, h2, h3, h4, [data-heading]')]
    .filter((h) => sheets > 1 || !h.closest('[data-continued-only]'))
    .flatMap((h) => pieces(h as unknown as TextNode));
}

describe('printed sheets measured from their PDFs', () => {
  it('cover every format in every size it comes in (src/lib/print/formats.ts), for two units and the organisation', () => {
    const offered = Object.entries(FORMATS).flatMap(([format, f]) => f.sizes.map((size) => `${format} ${size}`));
    expect(new Set(printed.map((p) => `${p.format} ${p.size}`))).toEqual(new Set(offered));
    expect(printed.some((p) => p.unit === undefined)).toBe(true);
  });

  it('print no text below the format’s body minimum, except captions (QR address, printed-on line), which keep to their own floor', () => {
    const tooSmall: string[] = [];
    for (const p of printed) {
      const scale = typeScale(p.format, p.size);
      const doc = printedPage(p.path);
      const captions = [...doc.querySelectorAll('[data-caption]')].map((c) => bare(text(c)));
      for (const run of (runs.get(p.path) ?? []).flat()) {
        if (run.pt >= scale.body - 0.05) continue;
        const isCaption = captions.some((c) => c.includes(bare(run.str)));
        if (!isCaption || run.pt < scale.caption - 0.05) tooSmall.push(`${p.file} (${p.unit}) 第 ${run.page} 页 ${run.pt}pt：${run.str}`);
      }
    }
    expect(tooSmall).toEqual([]);
  });

  it('set every heading (a title, a section’s heading, a name on a card or badge, a plaque’s window and posts) at least at the heading minimum', () => {
    const small: string[] = [];
    let checked = 0;
    for (const p of printed) {
      const { heading } = typeScale(p.format, p.size);
      const large = pdfText(p.path, heading);
      const headings = headingPieces(p.path);
      // Every print page has headings: a check over none would pass for nothing.
      expect(headings.length, p.path).toBeGreaterThan(0);
      for (const piece of headings) {
        checked += 1;
        if (!large.includes(piece)) small.push(`${p.file} (${p.unit ?? 'site'})：${piece}${pdfText(p.path).includes(piece) ? `（小于 ${heading}pt）` : '（PDF 里没有）'}`);
      }
    }
    expect(small).toEqual([]);
    expect(checked).toBeGreaterThan(printed.length);
  });

  it('number the sheets of a piece that continues, and give a board’s further sheets a running head instead of its header and channels strip', () => {
    const boards = printed.filter((p) => p.format === 'board');
    const continued = boards.filter((p) => (runs.get(p.path) ?? []).length > 1);
    expect(continued.length).toBeGreaterThan(0);
    for (const p of continued) {
      const sheets = runs.get(p.path) ?? [];
      const doc = printedPage(p.path);
      const channels = bare(text(doc.querySelector('.channels h2')));
      const unitName = bare(text(doc.querySelector('.running-head .unit-name')));
      for (const [i, sheet] of sheets.entries()) {
        const sheetText = bare(sheet.map((r) => r.str).join(''));
        expect(sheetText, `${p.file} 第 ${i + 1} 张`).toContain(`第${i + 1}张，共${sheets.length}张`);
        expect(sheetText.includes(channels), `${p.file} 第 ${i + 1} 张：监督渠道条`).toBe(i === 0);
        if (i > 0) expect(sheetText, `${p.file} 第 ${i + 1} 张`).toContain(`${unitName}“四亮”公示栏（续）`);
      }
    }
  });

  it('write the em dash of the content as — (U+2014) in the PDF’s text, not the ― (U+2015) Chromium names its glyph', () => {
    const dashed = printed.filter((p) => text(page(site, p.path).querySelector('main')).includes('\u2014'));
    expect(dashed.length).toBeGreaterThan(0);
    for (const p of dashed) {
      const pdf = pdfText(p.path);
      expect(pdf, p.path).toContain('\u2014');
      expect(pdf, p.path).not.toContain('\u2015');
    }
    // A time range with a dash reads back as written.
    expect(dashed.map((p) => pdfText(p.path)).join('')).toMatch(/1\u201410月/u);
  });

  it('drop nothing: every listed item (material, step, condition, basis, duty, pledge item, staff, a plaque’s posts and honours) and every phone number of the page is in its PDF', () => {
    const missing: string[] = [];
    for (const p of printed) {
      const doc = page(site, p.path);
      const pdf = pdfText(p.path);
      const items = [...doc.querySelectorAll('[data-flow-list] > li, [data-flow-list] > tr, .name, .plaque .number, .plaque .posts, .plaque .honours > li')].flatMap((li) =>
        pieces(li as unknown as TextNode),
      );
      const phones = [...text(doc.querySelector('main')).matchAll(/\b0\d{2,3}[-－—]\d{3,4} ?\d{4}\b|\b123\d{2}\b/gu)].map((m) => bare(m[0]));
      for (const item of [...items, ...phones]) if (!pdf.includes(item)) missing.push(`${p.file} (${p.unit})：${item}`);
      expect(items.length + phones.length, p.path).toBeGreaterThan(0);
    }
    expect(missing).toEqual([]);
  });

  it('continue a guide too long for one A4 sheet on another instead of shrinking it below the minimum', () => {
    const sheets = printed.filter((p) => p.format === 'procedure' && p.size === 'a4').map((p) => (runs.get(p.path) ?? []).length);
    expect(Math.max(...sheets)).toBeGreaterThan(1);
  });
});
