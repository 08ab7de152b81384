/**
 * Printed sheets readable at arm's length, measured from the exported PDFs
 * (real Chromium, pdf.js): no text below its format's minimum size
 * (src/lib/print/type-scale.ts) but for the few captions marked as such,
 * and no content dropped to get there: a long guide continues on another
 * sheet instead. Two units of the example, every format they print.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { textRunsOfFile, type TextRun } from '#node/bench/print-type.ts';
import { exportPosters, type Manifest } from '#node/posters.ts';
import { typeScale } from '#lib/print/type-scale.ts';
import { page, text } from '../helpers/html.ts';
import { fillPrintedOn } from '../../src/scripts/printed-on.ts';

const site = inject('exampleDir');
const out = mkdtempSync(join(tmpdir(), 'siliang-print-type-'));
const UNITS = ['huzheng', 'menzhen'];
const manifest = JSON.parse(readFileSync(join(site, 'print', 'manifest.json'), 'utf8')) as Manifest;
const printed = manifest.pages.filter((p) => p.unit !== undefined && UNITS.includes(p.unit) && p.format !== 'window-plaques');
const runs = new Map<string, TextRun[][]>();

beforeAll(async () => {
  await exportPosters({ siteDir: site, base: '/', outDir: out, units: UNITS, formats: ['procedure', 'board', 'desk-cards', 'badges', 'pledge', 'supervision'] });
  for (const p of printed) runs.set(p.path, await textRunsOfFile(join(out, p.unit as string, p.file)));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * Text without white space (pdf.js and the HTML space runs differently),
 * and with one dash: Noto CJK draws — (U+2014) and ― (U+2015) with one
 * glyph, and Chromium's text layer names it ―.
 */
const bare = (s: string) => s.replace(/\s+/gu, '').replace(/\u2015/gu, '\u2014');

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

describe('printed sheets measured from their PDFs', () => {
  it('cover every format but window plaques, in every size, for two units', () => {
    expect(new Set(printed.map((p) => `${p.format} ${p.size}`))).toEqual(
      new Set(['board a3', 'board a4', 'board a2', 'procedure a4', 'procedure a3', 'desk-cards a4', 'badges a4', 'pledge a5', 'pledge a4', 'supervision a4']),
    );
  });

  it('print no text below the format’s minimum, except captions (QR address, printed-on line), which keep to their own floor', () => {
    const tooSmall: string[] = [];
    for (const p of printed) {
      const scale = typeScale(p.format, p.size);
      const doc = page(site, p.path);
      // The printed-on date is written by the page's script when it prints, as the PDF shows it.
      fillPrintedOn(doc as unknown as ParentNode);
      const captions = [...doc.querySelectorAll('[data-caption]')].map((c) => bare(text(c)));
      for (const run of (runs.get(p.path) ?? []).flat()) {
        if (run.pt >= scale.body - 0.05) continue;
        const isCaption = captions.some((c) => c.includes(bare(run.str)));
        if (!isCaption || run.pt < scale.caption - 0.05) tooSmall.push(`${p.file} (${p.unit}) 第 ${run.page} 页 ${run.pt}pt：${run.str}`);
      }
    }
    expect(tooSmall).toEqual([]);
  });

  it('set the largest text of every sheet at least at the heading minimum', () => {
    for (const p of printed) {
      const { heading } = typeScale(p.format, p.size);
      for (const [i, pageRuns] of (runs.get(p.path) ?? []).entries()) expect(Math.max(...pageRuns.map((r) => r.pt)), `${p.file} 第 ${i + 1} 页`).toBeGreaterThanOrEqual(heading);
    }
  });

  it('drop nothing: every listed item (material, step, condition, basis, duty, pledge item, staff) and every phone number of the page is in its PDF', () => {
    const missing: string[] = [];
    for (const p of printed) {
      const doc = page(site, p.path);
      const pdf = bare(
        (runs.get(p.path) ?? [])
          .flat()
          .map((r) => r.str)
          .join(''),
      );
      const items = [...doc.querySelectorAll('[data-flow-list] > li, [data-flow-list] > tr, .name')].flatMap((li) => pieces(li as unknown as TextNode));
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
