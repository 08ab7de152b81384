/**
 * Search figures for a built site, measured in the system Chromium: index
 * size, bytes fetched by the first query (engine, index chunks, fragments)
 * and by later ones, and the time from typing to results on screen.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serveStatic } from '../static-server.ts';

export interface SearchFigures {
  indexBytes: number;
  indexFiles: number;
  indexedPages: number;
  queries: Array<{ query: string; requests: number; bytes: number; gzipBytes: number; ms: number; results: number }>;
}

/** Pagefind's own UI bundles are written beside the index but never loaded by Siliang. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

export async function measureSearch(options: { siteDir: string; base?: string; chromiumPath: string; args: string[]; queries: string[] }): Promise<SearchFigures> {
  const indexDir = join(options.siteDir, 'pagefind');
  const files = walk(indexDir).filter((f) => !UNUSED.test(f.slice(indexDir.length + 1)));
  const { server, url } = await serveStatic({ dir: options.siteDir, base: options.base ?? '/' });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: options.args });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    let log: Array<{ path: string; bytes: number }> = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      log.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await page.goto(`${url}search/`);
    await page.waitForLoadState('networkidle');
    const queries: SearchFigures['queries'] = [];
    for (const query of options.queries) {
      log = [];
      await page.evaluate(() => performance.clearMarks('siliang:search-results'));
      const started = await page.evaluate(() => performance.now());
      await page.locator('#q').fill(query);
      await page.locator('#q').press('Enter');
      await page.waitForFunction(() => performance.getEntriesByName('siliang:search-results').length > 0);
      const ended = await page.evaluate(() => performance.getEntriesByName('siliang:search-results')[0]?.startTime ?? 0);
      await page.waitForLoadState('networkidle');
      const fetched = log.filter((l) => l.path.includes('/pagefind/'));
      // The static server sends files as they are; text files would travel gzipped from a real server.
      const gzipBytes = fetched.reduce((sum, l) => {
        const file = join(options.siteDir, l.path.slice((options.base ?? '/').length));
        return sum + (/\.(js|css|json)$/.test(file) ? gzipSync(readFileSync(file)).length : l.bytes);
      }, 0);
      queries.push({
        query,
        requests: fetched.length,
        bytes: fetched.reduce((s, l) => s + l.bytes, 0),
        gzipBytes,
        ms: Math.round(ended - started),
        results: await page.locator('#search-results li').count(),
      });
    }
    return {
      indexBytes: files.reduce((s, f) => s + statSync(f).size, 0),
      indexFiles: files.length,
      indexedPages: readdirSync(join(indexDir, 'fragment')).length,
      queries,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
