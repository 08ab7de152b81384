/** Reading exported PDFs in tests: sizes, text, fonts, and QR codes on rendered pages. */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from '@cantoo/pdf-lib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';

export interface PdfFacts {
  pages: Array<{ width: number; height: number }>;
  /** The text of each page, runs joined without spaces. */
  text: string[];
  /** Fonts without their glyphs in the file (should be none). */
  unembedded: string[];
  fonts: number;
}

function lookup(doc: PDFDocument, value: unknown): unknown {
  return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

/** Is this font dictionary's outline data inside the file? */
function embedded(doc: PDFDocument, font: PDFDict): boolean {
  const subtype = font.get(PDFName.of('Subtype'))?.toString();
  // Type 3 fonts carry their glyphs as drawing procedures in the file itself.
  if (subtype === '/Type3') return font.has(PDFName.of('CharProcs'));
  if (subtype === '/Type0') {
    const descendants = lookup(doc, font.get(PDFName.of('DescendantFonts'))) as PDFArray;
    return descendants.asArray().every((d) => embedded(doc, lookup(doc, d) as PDFDict));
  }
  const descriptor = lookup(doc, font.get(PDFName.of('FontDescriptor'))) as PDFDict | undefined;
  return Boolean(descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k))));
}

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((p) => p.getSize());
  const unembedded: string[] = [];
  let fonts = 0;
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('Type'))?.toString() === '/Font') {
      // Descendant CID fonts are checked through their Type 0 parent.
      const subtype = object.get(PDFName.of('Subtype'))?.toString();
      if (subtype === '/CIDFontType0' || subtype === '/CIDFontType2') continue;
      fonts += 1;
      if (!embedded(doc, object)) unembedded.push(String(object.get(PDFName.of('BaseFont')) ?? subtype));
    }
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const text: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.cleanup();
  return { pages, text, unembedded, fonts };
}

/** Renders one page (1-based) to PNG with poppler's pdftoppm. */
export function renderPage(pdfFile: string, page: number, dpi = 150): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'siliang-render-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-png', '-singlefile', pdfFile, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function decodeImage(image: ReturnType<typeof sharp>): Promise<string | undefined> {
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

/** Overlapping tiles (each 1/cols by 1/rows of the image, stepping by half a tile) in reading order. */
function* tiles(width: number, height: number, cols: number, rows: number) {
  const [tw, th] = [Math.round(width / cols), Math.round(height / rows)];
  for (let y = 0; y + th <= height; y += Math.round(th / 2)) {
    for (let x = 0; x + tw <= width; x += Math.round(tw / 2)) yield { left: x, top: y, width: tw, height: th };
  }
}

/**
 * The text of a QR code in an image, or undefined. jsQR reads one code per
 * image, so a sheet with several (badges) is also tried in overlapping tiles.
 */
export async function decodeQr(png: Buffer): Promise<string | undefined> {
  const whole = await decodeImage(sharp(png));
  if (whole) return whole;
  const { width = 0, height = 0 } = await sharp(png).metadata();
  for (const tile of tiles(width, height, 2, 4)) {
    const found = await decodeImage(sharp(png).extract(tile));
    if (found) return found;
  }
  return undefined;
}

/**
 * Every QR code in an image, for sheets that carry more than one (the
 * supervision poster has one for its page and one for each online channel):
 * jsQR gives up when it sees two, so overlapping tiles are read one by one.
 */
export async function decodeAllQr(png: Buffer): Promise<string[]> {
  const found = new Set<string>();
  const whole = await decodeImage(sharp(png));
  if (whole) found.add(whole);
  const { width = 0, height = 0 } = await sharp(png).metadata();
  for (const tile of [...tiles(width, height, 2, 4), ...tiles(width, height, 3, 6)]) {
    const code = await decodeImage(sharp(png).extract(tile));
    if (code) found.add(code);
  }
  return [...found];
}
