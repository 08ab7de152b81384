/**
 * Exports the print pages of a built site to PDF with the system Chromium:
 * one PDF per unit and format, and one combined PDF per unit. Pages render
 * in parallel, one browser tab per core. A sheet whose content could not be
 * fitted is an error, never a silently cut poster.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { mmToPoints } from '../lib/print/formats.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { FormatId, PaperSize } from '../lib/print/formats.ts';
import type { PrintPage } from '../lib/print/pages.ts';
import { checkUnits, parseJobs } from '../lib/print/poster-options.ts';
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
  /** The Chromium to run; defaults to $CHROME_PATH or the usual places (see chromium.ts). */
  executablePath?: string;
  onProgress?: (done: number, total: number, page: PrintPage, file: string) => void;
}

export interface ExportResult {
  files: string[];
  pdfPages: number;
  seconds: number;
  /** Print pages whose content could not be fitted onto its sheets. */
  overflowing: string[];
  /**
   * One-line texts (a name on a badge, a post on a desk card) too long for
   * their box even at the smallest type allowed, by print page: cut on
   * paper, so each is named for the person who has to shorten it.
   */
  cut: Array<{ page: string; text: string }>;
}

export async function readManifest(url: string): Promise<Manifest> {
  const response = await fetch(`${url}print/manifest.json`);
  if (!response.ok) throw new Error(`没有找到打印清单（${response.status}）：请先构建网站`);
  return (await response.json()) as Manifest;
}

/** The unit folders of a content folder (`units/<unit>/unit.yaml`), for checking `--unit` before a build. */
export function unitsInContent(contentDir: string): string[] {
  const dir = join(contentDir, 'units');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['unit.yaml', 'unit.yml'].some((f) => existsSync(join(dir, e.name, f))))
    .map((e) => e.name)
    .sort();
}

/** The units of an already built site, from its print manifest; `undefined` when it has none. */
export function unitsInSite(siteDir: string): string[] | undefined {
  try {
    return Object.keys((JSON.parse(readFileSync(join(siteDir, 'print', 'manifest.json'), 'utf8')) as Manifest).units).sort();
  } catch {
    return undefined;
  }
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

async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export async function exportPosters(request: ExportRequest): Promise<ExportResult> {
  const started = performance.now();
  // NaN or 0 tabs would render nothing and fail later on a missing PDF.
  const jobs = parseJobs(String(request.jobs ?? availableParallelism()));
  if (!jobs.ok) throw new Error(jobs.error);
  // Where Chromium is, before anything is started: a missing browser is the commonest failure and says how to fix it.
  const executablePath = request.executablePath ?? chromiumPath();
  const { server, url } = await serveStatic({ dir: request.siteDir, base: request.base });
  // The server holds the process open: it is closed however the rest ends, a failed launch included.
  try {
    const manifest = await readManifest(url);
    const unknown = checkUnits(request.units, Object.keys(manifest.units));
    if (unknown.length > 0) throw new Error(unknown.join('\n'));
    const pages = selectPages(manifest, request);
    if (pages.length === 0) {
      throw new Error('按这些条件没有可以导出的页面：这个单位可能没有这种格式（例如没有窗口号就没有窗口牌），请换一个 --format 或 --size。(Nothing to export for these options: try another --format or --size.)');
    }
    const browser = await launchChromium(executablePath);
    try {
      return await exportPages(request, url, manifest, pages, browser, jobs.value, started);
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
  }
}

/** Renders the selected pages in `jobs` tabs, writes one PDF per page and one combined PDF per unit. */
async function exportPages(request: ExportRequest, url: string, manifest: Manifest, pages: Manifest['pages'], browser: Browser, jobs: number, started: number): Promise<ExportResult> {
  const radicals = printFontRadicals();
  const results = new Map<string, { bytes: Uint8Array; page: PrintPage }>();
  const overflowing: string[] = [];
  const cut: ExportResult['cut'] = [];
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
      for (const text of await tab.locator('[data-fit-line][data-overflow]').allTextContents()) cut.push({ page: page.path, text: text.replace(/\s+/g, ' ').trim() });
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
  return { files, pdfPages, seconds: (performance.now() - started) / 1000, overflowing, cut };
}
