/**
 * Exports the print pages of a built site to PDF with the system Chromium:
 * one PDF per unit and format, and one combined PDF per unit. Pages render
 * in parallel, one browser tab per core. A sheet whose content could not be
 * fitted is an error, never a silently cut poster.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { mmToPoints } from '../lib/print/formats.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { FormatId, PaperSize } from '../lib/print/formats.ts';
import type { PrintPage } from '../lib/print/pages.ts';
import { fixPdfText } from '../lib/pdf/to-unicode.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { printFontRadicals } from './fonts.ts';
import { serveStatic } from './static-server.ts';

export interface Manifest {
  base: string;
  organisation: string;
  today: string;
  units: Record<string, string>;
  pages: Array<PrintPage & { paper: { width: number; height: number; label: string } }>;
}

export interface ExportRequest {
  /** The built site (with /print/manifest.json). */
  siteDir: string;
  /** Base path the site was built for. */
  base: string;
  outDir: string;
  units?: readonly string[];
  formats?: readonly FormatId[];
  /** Only these paper sizes (a3, a4…); all when not given. */
  sizes?: readonly PaperSize[];
  theme?: 'red' | 'blue' | 'mono';
  /** Parallel tabs; defaults to the number of cores. */
  jobs?: number;
  onProgress?: (done: number, total: number, page: PrintPage, file: string) => void;
}

export interface ExportResult {
  files: string[];
  pdfPages: number;
  seconds: number;
  /** Print pages whose content could not be fitted onto its sheets. */
  overflowing: string[];
}

export async function readManifest(url: string): Promise<Manifest> {
  const response = await fetch(`${url}print/manifest.json`);
  if (!response.ok) throw new Error(`没有找到打印清单（${response.status}）：请先构建网站`);
  return (await response.json()) as Manifest;
}

export function selectPages(manifest: Manifest, request: Pick<ExportRequest, 'units' | 'formats' | 'sizes'>): Manifest['pages'] {
  return manifest.pages.filter(
    (p) =>
      (!request.units?.length || (p.unit !== undefined && request.units.includes(p.unit)) || (p.unit === undefined && request.units.includes('site'))) &&
      (!request.formats?.length || request.formats.includes(p.format)) &&
      (!request.sizes?.length || request.sizes.includes(p.size)),
  );
}

/**
 * Chromium rounds the page to whole CSS pixels (A4 comes out 594.96 × 841.92
 * pt); print shops check sizes, so the page box is set to the exact paper.
 */
async function exactPaper(bytes: Uint8Array, widthMm: number, heightMm: number): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const [w, h] = [mmToPoints(widthMm), mmToPoints(heightMm)];
  for (const page of doc.getPages()) {
    const { x, y, height } = page.getMediaBox();
    // Keep the top edge where it is: the difference is a fraction of a point at the bottom.
    page.setMediaBox(x, y + height - h, w, h);
    page.setCropBox(x, y + height - h, w, h);
  }
  return doc.save({ useObjectStreams: false });
}

async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export async function exportPosters(request: ExportRequest): Promise<ExportResult> {
  const started = performance.now();
  const { server, url } = await serveStatic({ dir: request.siteDir, base: request.base });
  const browser = await launchChromium();
  try {
    const manifest = await readManifest(url);
    const radicals = printFontRadicals();
    const pages = selectPages(manifest, request);
    const jobs = Math.max(1, request.jobs ?? availableParallelism());
    const results = new Map<string, { bytes: Uint8Array; page: PrintPage }>();
    const overflowing: string[] = [];
    let done = 0;
    let next = 0;
    const context = await browser.newContext();

    const worker = async () => {
      const tab = await context.newPage();
      // Fit in the print layout, which is what the PDF is drawn from (tables
      // repeat their header rows only in print, for one).
      await tab.emulateMedia({ media: 'print' });
      while (next < pages.length) {
        const page = pages[next++] as Manifest['pages'][number];
        await tab.goto(`${url}${page.path}`, { waitUntil: 'load' });
        if (request.theme) await tab.evaluate((theme) => (document.documentElement.dataset.theme = theme), request.theme);
        await tab.waitForFunction(() => document.documentElement.dataset.fitted === 'true', undefined, { timeout: 60_000 });
        if (await tab.locator('.sheet[data-overflow]').count()) overflowing.push(page.path);
        // Chromium maps some shared glyphs back to radicals (⾝ for 身): correct the text layer.
        const { bytes: text } = await fixPdfText(await tab.pdf({ preferCSSPageSize: true, printBackground: true }), radicals);
        const bytes = await exactPaper(text, page.paper.width, page.paper.height);
        const file = join(page.unit ?? 'site', page.file);
        results.set(page.path, { bytes, page });
        await mkdir(join(request.outDir, page.unit ?? 'site'), { recursive: true });
        await writeFile(join(request.outDir, file), bytes);
        done += 1;
        request.onProgress?.(done, pages.length, page, file);
      }
      await tab.close();
    };
    await Promise.all(Array.from({ length: Math.min(jobs, pages.length) }, worker));

    // One combined file per unit, in the order of the manifest.
    const files = pages.map((p) => join(p.unit ?? 'site', p.file));
    let pdfPages = 0;
    for (const unit of new Set(pages.map((p) => p.unit ?? 'site'))) {
      const combined = await PDFDocument.create();
      combined.setTitle(`${unit === 'site' ? manifest.organisation : manifest.units[unit]} 公示材料`);
      for (const p of pages.filter((x) => (x.unit ?? 'site') === unit)) {
        const source = await PDFDocument.load((results.get(p.path) as { bytes: Uint8Array }).bytes);
        const copied = await combined.copyPages(source, source.getPageIndices());
        for (const c of copied) combined.addPage(c);
        pdfPages += copied.length;
      }
      const file = join(unit, `${unit}-all.pdf`);
      await writeFile(join(request.outDir, file), await combined.save());
      files.push(file);
    }
    return { files, pdfPages, seconds: (performance.now() - started) / 1000, overflowing };
  } finally {
    await browser.close();
    server.close();
  }
}
