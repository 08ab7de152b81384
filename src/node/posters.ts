/**
 * Exports the print pages of a built site to PDF with the system Chromium:
 * one PDF per print page, and one combined PDF per unit. Print pages are
 * rendered in batches, many to a Chromium document (of mixed paper sizes)
 * and one page.pdf call, because each call costs ~0.3 s whatever its length
 * and draws every CJK glyph it uses into the document; the document is then
 * cut into the files. Batches render in parallel, one browser tab per core.
 * A sheet whose content could not be fitted is an error, never a silently
 * cut poster.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { normalisePdf, setPaperSize, writePdf, type PageSelection } from '#tools/pdf/pdf-file.ts';
import { fixPdfFileText } from '#tools/pdf/to-unicode.ts';
import { mmToPoints, type FormatId, type PaperSize } from '#lib/print/formats.ts';
import type { PrintPage } from '#lib/print/pages.ts';
import { checkUnits, parseJobs } from '#lib/print/poster-options.ts';
import { watchdog } from '#lib/watchdog.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { printFontGlyphFixes } from './fonts.ts';
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
  /** Most print pages rendered into one Chromium document (BATCH_SIZE when not given; 1 renders each alone). */
  batch?: number;
  /** The Chromium to run; defaults to $CHROME_PATH or the usual places (see chromium.ts). */
  executablePath?: string;
  /** A Chromium already running, to use instead of launching one, and to leave running: a test file shares one among its exports. */
  browser?: Browser;
  onProgress?: (done: number, total: number, page: PrintPage, file: string) => void;
}

export interface ExportResult {
  /** Every file written, relative to the output folder: one per print page, then each unit's `<unit>-all.pdf`. */
  files: string[];
  /** Pages of the print pages' files (the combined files repeat them and are not counted again). */
  pdfPages: number;
  /**
   * Wall-clock seconds of the whole export: starting the file server and
   * Chromium (about 0.3 s), rendering, printing, and writing every file.
   * Building the site is not included. Pages per second is pdfPages / seconds.
   */
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

/** What was asked for cannot be exported (no such unit, nothing in these formats, no build): the person's to change, not a fault. */
export class PosterRequestError extends Error {}

export async function readManifest(url: string): Promise<Manifest> {
  const response = await fetch(`${url}print/manifest.json`);
  if (!response.ok) throw new PosterRequestError(`没有找到打印清单（${response.status}）：请先构建网站`);
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
 * How long an export may go without any sign of progress (a print page
 * fetched, a stylesheet, font or picture loaded, a batch fitted or printed,
 * a file written) before Chromium is taken for hung and the export stopped.
 * A limit on silence, not on the export's time: an export grows with the
 * organisation and slows with the machine's load, but its steps stay short.
 * The longest, printing one batch (up to BATCH_SIZE print pages) in a single
 * call, took 42 s for 53 pages on a 2-core machine under a load of 17; this
 * is some forty times that, so only a browser that has stopped reaches it.
 * It is also the limit of each single Chromium operation that has one (the
 * launch, loading a page), instead of Playwright's defaults of 3 minutes and
 * 30 seconds, which a busy machine can reach.
 */
export const STALL_MS = 30 * 60_000;

async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: STALL_MS });
}

export async function exportPosters(request: ExportRequest): Promise<ExportResult> {
  const started = performance.now();
  // NaN or 0 tabs would render nothing and fail later on a missing PDF.
  const jobs = parseJobs(String(request.jobs ?? availableParallelism()));
  if (!jobs.ok) throw new PosterRequestError(jobs.error);
  // Where Chromium is, before anything is started: a missing browser is the commonest failure and says how to fix it.
  const executablePath = request.executablePath ?? chromiumPath();
  const { server, url } = await serveStatic({ dir: request.siteDir, base: request.base });
  // The server holds the process open: it is closed however the rest ends, a failed launch included.
  try {
    const manifest = await readManifest(url);
    const unknown = checkUnits(request.units, Object.keys(manifest.units));
    if (unknown.length > 0) throw new PosterRequestError(unknown.join('\n'));
    const pages = selectPages(manifest, request);
    if (pages.length === 0) {
      throw new PosterRequestError(
        '按这些条件没有可以导出的页面：这个单位可能没有这种格式（例如没有窗口号就没有窗口牌），请换一个 --format 或 --size。(Nothing to export for these options: try another --format or --size.)',
      );
    }
    if (request.browser) return await exportPages(request, url, manifest, pages, request.browser, jobs.value, started);
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

/** One Chromium document: print pages rendered and printed together. */
type Batch = Manifest['pages'];

/**
 * Most print pages in one Chromium document by default. Printing costs
 * ~0.3 s a document whatever its length, plus its pages, and each glyph is
 * drawn into a document once however often it is used, so documents should
 * be large; a document is also held in memory whole, so they are bounded.
 */
const BATCH_SIZE = 60;

/**
 * Cuts the print pages, in manifest order, into batches of near-equal
 * length: as many as there are tabs, or a multiple of that when a batch
 * would exceed `most`, so that the tabs finish together. Manifest order
 * keeps each unit's pages together, every size of them: a unit's A4, A3
 * and A2 boards share their glyphs in one document, and the unit's combined
 * file its fonts.
 */
export function planBatches(pages: Manifest['pages'], jobs: number, most = BATCH_SIZE): Batch[] {
  const count = Math.min(pages.length, jobs * Math.ceil(pages.length / (jobs * Math.max(1, most))));
  return Array.from({ length: count }, (_, i) => pages.slice(Math.round((i * pages.length) / count), Math.round(((i + 1) * pages.length) / count)));
}

/** What the browser reports of each print page of a batch, in order. */
interface Rendered {
  title: string;
  /** Its sheets: one PDF page each. */
  sheets: number;
  overflow: boolean;
  cut: string[];
}

interface BatchInput {
  pages: Array<{ url: string; size: string; paper: { width: number; height: number } }>;
  theme: string | undefined;
}

/** The function the exporter exposes to its tabs, called at each sign of progress (see STALL_MS). */
const ALIVE = 'siliangExportAlive';

/**
 * Runs in the tab, on an empty page of the site: brings the print pages'
 * sheets and styles into this one document, runs their fitting script once
 * for all, and waits until it is done.
 *
 * Each page's sheets go into a wrapper that stands in for the page's <html>:
 * it carries the page's :root sizes (sheet size and type size differ by
 * format), its paper (`data-paper`, which rules keyed on html[data-paper]
 * are re-keyed to) and its named @page, so that sheets of any paper size
 * share one document and each prints on its own size. Styles are shared
 * (Astro scopes component styles by attribute) and each is added once.
 * Images load eagerly, as the print needs all of them, and the fitting
 * script runs only once every stylesheet has loaded, as on the page itself.
 * Each step done tells the exporter it is alive (ALIVE); the fitting script
 * failing, or failing to load, ends the batch at once rather than leaving
 * it to wait for a fitting that will never come.
 */
async function composeBatch(input: BatchInput): Promise<Rendered[]> {
  // Named in the function because it runs in the page, where ALIVE is not in scope.
  const alive = () => void (globalThis as unknown as Record<string, (() => Promise<void>) | undefined>)['siliangExportAlive']?.().catch(() => {});
  const html = await Promise.all(
    input.pages.map(async ({ url }) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const text = await response.text();
      alive();
      return text;
    }),
  );
  const parser = new DOMParser();
  const styles = new Set<string>();
  const scripts = new Map<string, HTMLScriptElement>();
  const loading: Array<Promise<unknown>> = [];
  const root = document.documentElement;
  const pageName = (size: string) => `siliang-${size}`;
  const own = document.createElement('style');
  const sizes = new Map(input.pages.map((p) => [p.size, p.paper]));
  own.textContent = [
    '@page { margin: 0; }',
    ...[...sizes].map(([size, paper]) => `@page ${pageName(size)} { size: ${paper.width}mm ${paper.height}mm; margin: 0; }`),
    '.batch-item + .batch-item { break-before: page; }',
  ].join('\n');
  document.head.append(own);
  const titles: string[] = [];
  const wrappers = html.map((text, i) => {
    const page = parser.parseFromString(text, 'text/html');
    const { url, size } = input.pages[i] as BatchInput['pages'][number];
    titles.push(page.title);
    const wrapper = document.createElement('div');
    wrapper.className = 'batch-item';
    for (const a of page.documentElement.attributes) {
      if (a.name === 'data-paper') wrapper.dataset.paper = a.value;
      else if (i === 0) root.setAttribute(a.name, a.value);
    }
    // Addresses as the page itself would resolve them; fragments (#id) stay within the document.
    for (const attr of ['src', 'href']) {
      for (const el of page.querySelectorAll(`[${attr}]`)) {
        const value = el.getAttribute(attr) as string;
        if (!/^(#|[a-z][a-z0-9+.-]*:)/i.test(value)) el.setAttribute(attr, new URL(value, url).href);
      }
    }
    for (const style of page.head.querySelectorAll('style, link[rel="stylesheet"]')) {
      const css = style.textContent ?? '';
      // The layout's own rule: the batch has a named page per size, and the :root sizes go on the wrapper.
      if (style.tagName === 'STYLE' && css.trimStart().startsWith('@page')) {
        wrapper.style.cssText = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
        continue;
      }
      if (styles.has(style.outerHTML)) continue;
      styles.add(style.outerHTML);
      const added = document.importNode(style, true);
      if (added instanceof HTMLLinkElement) loading.push(new Promise((done) => ((added.onload = done), (added.onerror = done))).then(alive));
      document.head.append(added);
    }
    wrapper.style.setProperty('page', pageName(size));
    for (const img of page.querySelectorAll('img')) img.loading = 'eager';
    for (const script of page.querySelectorAll('script')) {
      if (!scripts.has(script.outerHTML)) scripts.set(script.outerHTML, script);
      script.remove();
    }
    // The screen-only instructions do not print.
    page.body.querySelector('.toolbar')?.remove();
    wrapper.append(...[...page.body.childNodes].map((n) => document.importNode(n, true)));
    document.body.append(wrapper);
    return wrapper;
  });
  if (input.theme) root.dataset.theme = input.theme;
  for (const img of document.images) {
    img.addEventListener('load', alive, { once: true });
    img.addEventListener('error', alive, { once: true });
  }
  document.fonts.addEventListener('loadingdone', alive);
  await Promise.all(loading);
  // html[data-paper=a4] … (the A4 pledge card's layout) means the page's paper: here, its wrapper's.
  const rekey = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule && /(html|:root)\[data-paper/.test(rule.selectorText)) {
        rule.selectorText = rule.selectorText.replace(/(?<![\w-])(?:html|:root)(?=\[data-paper)/g, '.batch-item');
      }
      if ('cssRules' in rule) rekey(rule.cssRules as CSSRuleList);
    }
  };
  for (const sheet of document.styleSheets) rekey(sheet.cssRules);
  const fitted = new Promise<void>((done) => {
    const check = () => {
      if (root.dataset.fitted !== 'true') return;
      observer.disconnect();
      done();
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { attributes: true, attributeFilter: ['data-fitted'] });
    check();
  });
  // The print pages' only script is the fitting script: an error in the batch is its error.
  let failed: (error: Error) => void = () => {};
  const broken = new Promise<never>((_, fail) => (failed = fail));
  addEventListener('error', (event) => failed(new Error(`the fitting script failed: ${event.message}`)));
  addEventListener('unhandledrejection', (event) => failed(new Error(`the fitting script failed: ${String(event.reason)}`)));
  for (const script of scripts.values()) {
    // A script parsed from another document does not run; a new element does.
    const run = document.createElement('script');
    for (const a of script.attributes) run.setAttribute(a.name, a.value);
    run.textContent = script.textContent;
    run.addEventListener('error', () => failed(new Error(`could not load the fitting script ${run.src}`)));
    document.body.append(run);
  }
  await Promise.race([fitted, broken]);
  return wrappers.map((wrapper, i) => ({
    title: titles[i] as string,
    sheets: [...wrapper.querySelectorAll('.sheet')].filter((s) => !s.parentElement?.closest('.sheet')).length,
    overflow: wrapper.querySelector('.sheet[data-overflow]') !== null,
    cut: [...wrapper.querySelectorAll('[data-fit-line][data-overflow]')].map((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim()),
  }));
}

/** Where the tabs compose batches: an empty page of the site's own origin, which is not a file of the site. */
const BATCH_PAGE = 'print/__batch__/';

/** Serves BATCH_PAGE to the context's tabs. */
async function routeBatchPage(context: BrowserContext, url: string, title: string): Promise<void> {
  const shell = `<!doctype html><html><head><meta charset="utf-8"><title>${title.replace(/[<&]/g, '')}</title></head><body class="print"></body></html>`;
  await context.route(`${url}${BATCH_PAGE}`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: shell }));
}

/**
 * Renders one batch in a tab (of a context with routeBatchPage) and prints
 * it: Chromium's PDF, as it comes, and what each print page reported.
 */
async function printBatch(tab: Page, url: string, batch: Batch, alive: () => void, theme?: string): Promise<{ pdf: Uint8Array; rendered: Rendered[] }> {
  if (batch.length === 0) throw new Error('printBatch: an empty batch');
  await tab.goto(`${url}${BATCH_PAGE}`, { waitUntil: 'load' });
  alive();
  const rendered = await tab.evaluate(composeBatch, {
    pages: batch.map((p) => ({ url: `${url}${p.path}`, size: p.size, paper: p.paper })),
    theme,
  });
  alive();
  const pdf = await tab.pdf({ preferCSSPageSize: true, printBackground: true });
  alive();
  return { pdf, rendered };
}

/**
 * Renders the selected pages in batches, `jobs` tabs at a time; cuts each
 * batch's PDF into one file per page and writes one combined file per unit.
 */
async function exportPages(
  request: ExportRequest,
  url: string,
  manifest: Manifest,
  pages: Manifest['pages'],
  browser: Browser,
  jobs: number,
  started: number,
): Promise<ExportResult> {
  const parts = new Map<string, PageSelection>();
  const overflowing: string[] = [];
  const cut: ExportResult['cut'] = [];
  let done = 0;
  const queue = planBatches(pages, jobs, request.batch);
  // The first page of each batch being rendered, to say where it stopped.
  const rendering = new Set<string>();
  const dog = watchdog(
    STALL_MS,
    () =>
      new Error(
        `Chromium 已经 ${STALL_MS / 60_000} 分钟没有任何进展，导出已停止（当时正在排版或打印 ${[...rendering].join('、') || '（无）'} 起的一批页面）。请重新运行；每次都停在同一处时请报告这个问题。(Chromium made no progress for ${STALL_MS / 60_000} minutes; the export was stopped.)`,
      ),
  );

  const render = async (tab: Page, batch: Batch) => {
    const first = (batch[0] as Batch[number]).path;
    rendering.add(first);
    const { pdf, rendered } = await printBatch(tab, url, batch, () => dog.alive(), request.theme);
    rendering.delete(first);
    const file = await normalisePdf(pdf);
    dog.alive();
    const sheets = rendered.reduce((n, r) => n + r.sheets, 0);
    if (batch.length > 1 && file.pages.length !== sheets) {
      // A sheet that did not come out as exactly one page would shift every later page onto the wrong file: print these one by one.
      queue.push(...batch.map((p) => [p]));
      return;
    }
    // Chromium names some shared glyphs by the wrong sign (⾝ for 身, ― for —): correct the text layer, once for the whole batch.
    // Read from the font files on first use (~0.4 s), once a batch is printed and the other tabs are busy in Chromium.
    fixPdfFileText(file, printFontGlyphFixes());
    dog.alive();
    let at = 0;
    for (const [i, page] of batch.entries()) {
      const info = rendered[i] as Rendered;
      // Alone in its document, a print page owns every page of it.
      const count = batch.length === 1 ? file.pages.length : info.sheets;
      const part = { file, pages: Array.from({ length: count }, (_, k) => at + k) };
      at += count;
      setPaperSize(file, mmToPoints(page.paper.width), mmToPoints(page.paper.height), part.pages);
      if (info.overflow) overflowing.push(page.path);
      for (const text of info.cut) cut.push({ page: page.path, text });
      const name = join(page.unit ?? 'site', page.file);
      await mkdir(join(request.outDir, page.unit ?? 'site'), { recursive: true });
      await writeFile(join(request.outDir, name), writePdf([part], { title: info.title }));
      parts.set(page.path, part);
      done += 1;
      dog.alive();
      request.onProgress?.(done, pages.length, page, name);
    }
  };

  const worker = async (context: BrowserContext) => {
    const tab = await context.newPage();
    // Fit in the print layout, which is what the PDF is drawn from (tables
    // repeat their header rows only in print, for one).
    await tab.emulateMedia({ media: 'print' });
    for (let batch = queue.shift(); batch; batch = queue.shift()) await render(tab, batch);
    await tab.close();
  };
  const run = async () => {
    const context = await browser.newContext();
    // Waits that Playwright limits (loading a page, starting a tab) get the same limit as silence, not its default 30 s.
    context.setDefaultTimeout(STALL_MS);
    await context.exposeFunction(ALIVE, () => dog.alive());
    await routeBatchPage(context, url, manifest.organisation);
    await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, () => worker(context)));
    // Not after a failure: a hung tab could hang closing it too, and closing the browser ends every tab anyway.
    await context.close();
  };
  try {
    // Playwright never gives up on a tab that has stopped: the watchdog ends the export, and closing the browser the tabs.
    await Promise.race([run(), dog.stalled]);
  } finally {
    dog.stop();
  }

  // One combined file per unit, in the order of the manifest, cut from the same batches: each batch's fonts and images once.
  const files = pages.map((p) => join(p.unit ?? 'site', p.file));
  let pdfPages = 0;
  for (const unit of new Set(pages.map((p) => p.unit ?? 'site'))) {
    const selections = pages.filter((p) => (p.unit ?? 'site') === unit).map((p) => parts.get(p.path) as PageSelection);
    pdfPages += selections.reduce((n, s) => n + s.pages.length, 0);
    const file = join(unit, `${unit}-all.pdf`);
    await writeFile(join(request.outDir, file), writePdf(selections, { title: `${unit === 'site' ? manifest.organisation : manifest.units[unit]} 公示材料` }));
    files.push(file);
  }
  return { files, pdfPages, seconds: (performance.now() - started) / 1000, overflowing, cut };
}
