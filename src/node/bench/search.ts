/**
 * Search figures for a built site, measured in the system Chromium: index
 * size, the search page itself, bytes fetched by the first query (engine,
 * WebAssembly, index metadata and chunks, filters, fragments) and by later
 * ones, and the time from typing to results on screen.
 *
 * Every request to an index folder counts from the moment the page opens,
 * not only from the query on: anything the page fetched ahead (on load, on
 * focus) is part of what the first search costs, so it is added to the
 * first query. Sizes are awaited before a query's figures are taken, so a
 * late response is never put on the next query.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Request } from 'playwright-core';
import { serveStatic } from '../static-server.ts';

/** What a fetched index file is, for the breakdown. */
export type IndexPart = 'engine' | 'wasm' | 'entry' | 'meta' | 'index' | 'filter' | 'fragment' | 'other';

export interface QueryFigures {
  query: string;
  requests: number;
  /** Bytes on the wire from the static server, which sends files as they are. */
  bytes: number;
  /** Bytes from a server that gzips text (Pagefind's own files are gzipped already). */
  gzipBytes: number;
  /** gzip bytes by kind of file. */
  parts: Partial<Record<IndexPart, number>>;
  ms: number;
  results: number;
  files: Array<[path: string, gzipBytes: number]>;
}

export interface SearchFigures {
  indexBytes: number;
  indexFiles: number;
  indexedPages: number;
  /** Index folders (more than one when the index is split). */
  indexes: number;
  /** The search page and what it loads before any search (HTML, scripts, styles), gzip bytes. */
  pageGzipBytes: number;
  queries: QueryFigures[];
}

/** Pagefind's own UI bundles are written beside the index but never loaded by Siliang (the build removes them). */
const UNUSED = /(?:^|\/)pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\./;

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

export function partOf(path: string): IndexPart {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^pagefind(?:-worker)?\.js$/.test(name)) return 'engine';
  if (name.endsWith('.pagefind')) return 'wasm';
  if (name === 'pagefind-entry.json') return 'entry';
  if (name.endsWith('.pf_meta')) return 'meta';
  if (name.endsWith('.pf_index')) return 'index';
  if (name.endsWith('.pf_filter')) return 'filter';
  if (name.endsWith('.pf_fragment')) return 'fragment';
  return 'other';
}

export async function measureSearch(options: {
  siteDir: string;
  base?: string;
  chromiumPath: string;
  args: string[];
  queries: string[];
  /** The search page's address below the base, with any parameters: search/?scope=2. */
  page?: string;
}): Promise<SearchFigures> {
  const base = options.base ?? '/';
  const indexDir = join(options.siteDir, 'pagefind');
  const files = walk(indexDir).filter((f) => !UNUSED.test(f.slice(indexDir.length + 1)));
  const fileOf = (path: string) => join(options.siteDir, decodeURIComponent(path.slice(base.length)));
  // A server that compresses sends text gzipped; Pagefind's binary files are gzip already.
  const gzipOf = (path: string, wire: number) => {
    if (!/\.(js|css|json|html|svg)$|\/$/.test(path)) return wire;
    const file = path.endsWith('/') ? join(fileOf(path), 'index.html') : fileOf(path);
    try {
      return gzipSync(readFileSync(file)).length;
    } catch {
      return wire;
    }
  };

  const { server, url } = await serveStatic({ dir: options.siteDir, base });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: options.args });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    let log: Array<Promise<{ path: string; bytes: number }>> = [];
    const record = (request: Request) => {
      log.push(request.sizes().then((s) => ({ path: new URL(request.url()).pathname, bytes: s.responseBodySize + s.responseHeadersSize })));
    };
    page.on('requestfinished', record);
    await page.goto(`${url}${options.page ?? 'search/'}`);
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(log);
    log = [];
    const isIndex = (path: string) => path.startsWith(`${base}pagefind/`);
    const pageGzipBytes = loaded.filter((l) => !isIndex(l.path)).reduce((sum, l) => sum + gzipOf(l.path, l.bytes), 0);
    // Index files fetched before the first query count towards it.
    let ahead = loaded.filter((l) => isIndex(l.path));

    const queries: QueryFigures[] = [];
    for (const query of options.queries) {
      await page.evaluate(() => performance.clearMarks('siliang:search-results'));
      const started = await page.evaluate(() => performance.now());
      await page.locator('#q').fill(query);
      await page.locator('#q').press('Enter');
      await page.waitForFunction(() => performance.getEntriesByName('siliang:search-results').length > 0);
      const ended = await page.evaluate(() => performance.getEntriesByName('siliang:search-results')[0]?.startTime ?? 0);
      await page.waitForLoadState('networkidle');
      const fetched = [...ahead, ...(await Promise.all(log))].filter((l) => isIndex(l.path));
      log = [];
      ahead = [];
      const sized = fetched.map((l) => ({ ...l, gzip: gzipOf(l.path, l.bytes) }));
      const parts: QueryFigures['parts'] = {};
      for (const l of sized) parts[partOf(l.path)] = (parts[partOf(l.path)] ?? 0) + l.gzip;
      queries.push({
        query,
        requests: fetched.length,
        bytes: sized.reduce((s, l) => s + l.bytes, 0),
        gzipBytes: sized.reduce((s, l) => s + l.gzip, 0),
        parts,
        ms: Math.round(ended - started),
        results: await page.locator('#search-results li').count(),
        files: sized.map((l) => [l.path, l.gzip]),
      });
    }
    return {
      indexBytes: files.reduce((s, f) => s + statSync(f).size, 0),
      indexFiles: files.length,
      indexedPages: files.filter((f) => f.endsWith('.pf_fragment')).length,
      indexes: files.filter((f) => f.endsWith('pagefind-entry.json')).length,
      pageGzipBytes,
      queries,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
