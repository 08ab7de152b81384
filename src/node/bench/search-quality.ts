/**
 * Runs the search query table (src/tools/bench/search-queries.ts) against a
 * built site in the system Chromium, as a resident would: the search page
 * opened with the query in its address, read once it has settled. The
 * figures are computed from the answers by src/tools/bench/search-quality.ts.
 */
import { chromium, type Page } from 'playwright-core';
import type { QueryCase } from '#tools/bench/search-queries.ts';
import type { ShownAnswer } from '#tools/bench/search-quality.ts';
import { serveStatic } from '../static-server.ts';

/**
 * Waits for the search page to finish a search and reads what it shows.
 * The page marks the status line `data-state="done"` when a search is
 * over; a page built before that mark existed has settled once its status
 * is final and its results (or the "nothing found" help) are on screen.
 */
export async function readSearchPage(page: Page): Promise<Omit<ShownAnswer, 'query'>> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status');
    if (!status) return false;
    if (status.dataset.state !== undefined) return status.dataset.state === 'done';
    const text = status.textContent ?? '';
    const none = document.getElementById('search-none');
    return text !== '' && !text.startsWith('正在') && (document.querySelector('#search-results li') !== null || (none !== null && !none.hidden));
  });
  return page.evaluate(() => ({
    status: document.getElementById('search-status')?.textContent ?? '',
    noneShown: !(document.getElementById('search-none')?.hidden ?? true),
    results: [...document.querySelectorAll('#search-results li')].map((li) => ({
      title: li.querySelector('h2')?.textContent ?? '',
      unit: li.querySelector('.line span:nth-child(2)')?.textContent ?? '',
    })),
  }));
}

/** Asks every query on the site served at `url` (ending in /), in one page, and reads each answer. */
export async function askEach(page: Page, url: string, cases: readonly QueryCase[]): Promise<ShownAnswer[]> {
  const shown: ShownAnswer[] = [];
  for (const c of cases) {
    await page.goto(`${url}search/?${new URLSearchParams({ q: c.query })}`);
    shown.push({ query: c.query, ...(await readSearchPage(page)) });
  }
  return shown;
}

/** Serves a built site, opens Chromium, and asks every query. */
export async function runQueryTable(options: { siteDir: string; base?: string; chromiumPath: string; args: string[]; cases: readonly QueryCase[] }): Promise<ShownAnswer[]> {
  const base = options.base ?? '/';
  const { server, url } = await serveStatic({ dir: options.siteDir, base });
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: options.args });
  try {
    return await askEach(await browser.newPage({ viewport: { width: 360, height: 800 } }), url, options.cases);
  } finally {
    await browser.close();
    server.close();
  }
}
