/**
 * The exporter prints many print pages into one Chromium document and cuts
 * it into files (src/tools/pdf/pdf-file.ts): each file must get exactly its
 * pages, in order, at the exact paper size, with the glyphs its pages show
 * and the corrected text layer, whatever the page tree looked like.
 */
import { PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dictOf, normalisePdf, parsePdf, resolve, setPaperSize, UnsupportedPdf, writePdf, type PdfFile, type PdfValue } from '#tools/pdf/pdf-file.ts';
import { fixPdfFileText } from '#tools/pdf/to-unicode.ts';
import { mmToPoints } from '#lib/print/formats.ts';
import { planBatches, type Manifest } from '#node/posters.ts';
import { readPdf } from '../helpers/pdf.ts';

/** A PDF from numbered objects (a string, or a dictionary and its stream), with its cross-reference table. */
function buildPdf(objects: Record<number, string | { dict: string; stream: string }>, trailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  const numbers = Object.keys(objects).map(Number);
  for (const num of numbers) {
    offsets[num] = out.length;
    const o = objects[num] as string | { dict: string; stream: string };
    const dict = typeof o === 'string' ? o : `${o.dict.slice(0, o.dict.lastIndexOf('>>'))} /Length ${o.stream.length} >>`;
    out += typeof o === 'string' ? `${num} 0 obj\n${dict}\nendobj\n` : `${num} 0 obj\n${dict}\nstream\n${o.stream}\nendstream\nendobj\n`;
  }
  const size = Math.max(...numbers) + 1;
  const xref = out.length;
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) out += offsets[n] === undefined ? '0000000000 00000 f \n' : `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${size} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const GLYPH = '1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f';

/**
 * Three pages as Chromium's PDFs have them: a two-level page tree that
 * passes the media box down, CJK text in a Type 3 font whose map sends A to
 * the radical ⾝, and one page whose text is inside a form XObject.
 * Page 1 shows A, page 2 (A3) shows B and A, page 3 shows C through its form.
 */
function sample(extra: { annots?: boolean } = {}): Uint8Array {
  const resources = '<< /Font << /F1 7 0 R >> >>';
  return buildPdf(
    {
      1: '<< /Type /Catalog /Pages 2 0 R /ViewerPreferences << /DisplayDocTitle true >> >>',
      2: '<< /Type /Pages /Kids [6 0 R 5 0 R] /Count 3 /MediaBox [0 0 594.96 841.92] >>',
      6: '<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 4 0 R] /Count 2 >>',
      3: `<< /Type /Page /Parent 6 0 R /Resources ${resources} /Contents 8 0 R${extra.annots ? ' /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest [4 0 R /XYZ 0 0 0] >>]' : ''} >>`,
      4: `<< /Type /Page /Parent 6 0 R /MediaBox [0 0 841.92 1191.12] /Resources ${resources} /Contents 9 0 R >>`,
      5: '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /X1 11 0 R >> >> /Contents 10 0 R >>',
      7: '<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /gA 12 0 R /gB 13 0 R /gC 14 0 R >> /Encoding << /Type /Encoding /Differences [65 /gA /gB /gC] >> /FirstChar 65 /LastChar 67 /Widths [1000 1000 1000] /ToUnicode 15 0 R >>',
      8: { dict: '<< >>', stream: 'BT /F1 12 Tf 72 700 Td (A) Tj ET' },
      9: { dict: '<< >>', stream: 'q BT /F1 12 Tf 72 700 Td [(B) -250 <41>] TJ ET Q' },
      10: { dict: '<< >>', stream: 'q 1 0 0 1 72 700 cm /X1 Do Q' },
      11: { dict: `<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources ${resources} >>`, stream: 'BT /F1 10 Tf (C) Tj ET' },
      12: { dict: '<< >>', stream: GLYPH },
      13: { dict: '<< >>', stream: GLYPH },
      14: { dict: '<< >>', stream: GLYPH },
      15: {
        dict: '<< >>',
        stream:
          '/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n3 beginbfchar\n<41> <2F9D>\n<42> <4EBA>\n<43> <6C11>\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end',
      },
      16: '<< /Title (Batch) /Producer (Skia/PDF test) >>',
    },
    '/Root 1 0 R /Info 16 0 R',
  );
}

const glyphsOf = async (bytes: Uint8Array): Promise<string[][]> => {
  const file = parsePdf(bytes);
  const fonts = [...file.objects.values()].map((o) => dictOf(o.value)).filter((d) => (d?.get('/Subtype') as { text?: string } | undefined)?.text === '/Type3');
  return fonts.map((f) => [...(dictOf(resolve(file, f?.get('/CharProcs'))) ?? new Map<string, PdfValue>()).keys()].sort());
};

const boxes = (file: PdfFile) =>
  file.pages.map((num) => {
    const box = resolve(file, dictOf(file.objects.get(num)?.value)?.get('/MediaBox'));
    return box?.kind === 'array' ? box.items.map((v) => Number((v as { text: string }).text)) : [];
  });

describe('reading Chromium’s PDF', () => {
  it('lists the pages in order through the page tree, each with the media box it inherits', () => {
    const file = parsePdf(sample());
    expect(file.pages).toEqual([3, 4, 5]);
    expect(boxes(file)).toEqual([
      [0, 0, 594.96, 841.92],
      [0, 0, 841.92, 1191.12],
      [0, 0, 594.96, 841.92],
    ]);
  });

  it('refuses a PDF with cross-reference streams, which normalisePdf then reads through pdf-lib', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 200]);
    doc.addPage([300, 400]);
    const compact = await doc.save({ useObjectStreams: true });
    expect(() => parsePdf(compact)).toThrow(UnsupportedPdf);
    const file = await normalisePdf(compact);
    expect(boxes(file)).toEqual([
      [0, 0, 100, 200],
      [0, 0, 300, 400],
    ]);
  });
});

describe('cutting a batch into files', () => {
  it('gives each file exactly its pages, in the order asked, and the rest of the document nothing', async () => {
    const file = parsePdf(sample());
    const second = parsePdf(writePdf([{ file, pages: [1] }]));
    expect(boxes(second)).toEqual([[0, 0, 841.92, 1191.12]]);
    const reordered = parsePdf(writePdf([{ file, pages: [1, 0] }]));
    expect(boxes(reordered).map((b) => b[2])).toEqual([841.92, 594.96]);
    // The cut files are valid for other readers too.
    expect((await PDFDocument.load(writePdf([{ file, pages: [2] }]))).getPageCount()).toBe(1);
    expect((await readPdf(writePdf([{ file, pages: [0, 1, 2] }]))).pages).toHaveLength(3);
  });

  it('combines files from several batches, the sum of their pages, each batch’s font once', async () => {
    const [a, b] = [parsePdf(sample()), parsePdf(sample())];
    const combined = writePdf([
      { file: a, pages: [0] },
      { file: b, pages: [1, 2] },
      { file: a, pages: [2] },
    ]);
    expect(boxes(parsePdf(combined)).map((box) => box[2])).toEqual([594.96, 841.92, 594.96, 594.96]);
    // One font from each batch, each with the glyphs its pages here show.
    expect(await glyphsOf(combined)).toEqual([
      ['/gA', '/gC'],
      ['/gA', '/gB', '/gC'],
    ]);
  });

  it('keeps in each file only the glyphs its pages show, forms included', async () => {
    const file = parsePdf(sample());
    expect(await glyphsOf(writePdf([{ file, pages: [0] }]))).toEqual([['/gA']]);
    expect(await glyphsOf(writePdf([{ file, pages: [1] }]))).toEqual([['/gA', '/gB']]);
    expect(await glyphsOf(writePdf([{ file, pages: [2] }]))).toEqual([['/gC']]);
  });

  it('keeps whole fonts, and drops a link to a page left out, when a page has annotations it does not read', async () => {
    const file = parsePdf(sample({ annots: true }));
    const first = writePdf([{ file, pages: [0] }]);
    expect(await glyphsOf(first)).toEqual([['/gA', '/gB', '/gC']]);
    expect(Buffer.from(first).toString('latin1')).toContain('/Dest [null /XYZ 0 0 0]');
    expect(parsePdf(first).pages).toHaveLength(1);
  });

  it('sets the exact paper size of the pages asked, keeping their top edge', () => {
    const file = parsePdf(sample());
    setPaperSize(file, mmToPoints(210), mmToPoints(297), [0, 2]);
    const [first, second, third] = boxes(parsePdf(writePdf([{ file, pages: [0, 1, 2] }])));
    expect(first?.[2]).toBeCloseTo(595.2756, 3);
    expect((first?.[3] ?? 0) - (first?.[1] ?? 0)).toBeCloseTo(841.8898, 3);
    expect(first?.[3]).toBeCloseTo(841.92, 3);
    expect(second).toEqual([0, 0, 841.92, 1191.12]);
    expect(third).toEqual(first);
  });

  it('titles each file, keeping the rest of the document information', async () => {
    const file = parsePdf(sample());
    const doc = await PDFDocument.load(writePdf([{ file, pages: [0] }], { title: '居民身份证补领 办事流程海报' }), { updateMetadata: false });
    expect(doc.getTitle()).toBe('居民身份证补领 办事流程海报');
    expect(doc.getProducer()).toBe('Skia/PDF test');
    expect((await PDFDocument.load(writePdf([{ file, pages: [0] }]))).getTitle()).toBe('Batch');
  });

  it('writes the corrected text layer into every file cut from the batch', async () => {
    const file = parsePdf(sample());
    expect(fixPdfFileText(file, new Map([[0x2f9d, 0x8eab]]))).toBe(1);
    const doc = await PDFDocument.load(writePdf([{ file, pages: [1] }]));
    const maps = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream && String(o.dict.get(PDFName.of('Filter'))) === '/FlateDecode')
      .map((o) => inflateSync(o.contents).toString('latin1'))
      .filter((t) => t.includes('beginbfchar'));
    expect(maps).toHaveLength(1);
    expect(maps[0]).toContain('<41> <8EAB>');
    expect(maps[0]).not.toContain('2F9D');
  });
});

describe('batches', () => {
  const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `p${i}/` }) as Manifest['pages'][number]);
  const paths = (batches: Manifest['pages'][]) => batches.flat().map((p) => p.path);

  it.each([
    [110, 2, 60, 2],
    [110, 2, 40, 4],
    [110, 1, 60, 2],
    [110, 16, 60, 16],
    [3, 4, 60, 3],
    [1, 2, 60, 1],
    [7, 2, 1, 7],
  ])('cut %i print pages for %i tabs, at most %i a batch, into %i batches, every page once in manifest order', (n, jobs, most, count) => {
    const batches = planBatches(pages(n), jobs, most);
    expect(batches).toHaveLength(count);
    expect(paths(batches)).toEqual(paths([pages(n)]));
    for (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.length).toBeLessThanOrEqual(Math.max(most, 1));
    }
    const sizes = batches.map((b) => b.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});
