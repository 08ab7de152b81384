/**
 * The search data of the finished site, written after the build:
 *
 * - the traditional-to-simplified map of the search page, derived from
 *   exactly the text Pagefind is about to index (guides' Markdown bodies,
 *   notices, hidden index-only words, the interface around them), so that
 *   no indexed word is out of reach of a query typed in traditional
 *   characters;
 * - the Pagefind index, through Pagefind's Node API. Only pages marked with
 *   data-pagefind-body (services, people, duties, pledges, notices) are
 *   indexed, and only their main content. Any error Pagefind reports fails
 *   the build, so a site never goes out with a broken or missing index
 *   (src/lib/search/pagefind-errors.ts).
 */
import * as pagefind from 'pagefind';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSearchData, indexedText, withTraditionalMap } from '../lib/search/page-text.ts';
import { checkPagefind, pagefindFailureMessage } from '../lib/search/pagefind-errors.ts';

export interface SearchIndexResult {
  pages: number;
  outputPath: string;
  /** Entries of the traditional map written into the search page. */
  traditional: number;
}

/** The parts of Pagefind's Node API used here; tests pass a stand-in. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

export async function buildSearchIndex(siteDir: string, api: PagefindApi = pagefind): Promise<SearchIndexResult> {
  const traditional = await writeTraditionalMap(siteDir);
  try {
    const created = await api.createIndex({});
    checkPagefind('createIndex', created);
    const { index } = created;
    if (!index) throw new Error(pagefindFailureMessage('createIndex', []));
    const added = await index.addDirectory({ path: siteDir });
    checkPagefind('addDirectory', added);
    const written = await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
    checkPagefind('writeFiles', written);
    return { pages: added.page_count, outputPath: written.outputPath, traditional };
  } finally {
    await api.close();
  }
}

/**
 * Derives the traditional map from the text of every indexed page of the
 * built site and writes it into the search page's data. The search page
 * itself is not indexed. Returns the number of entries.
 */
export async function writeTraditionalMap(siteDir: string): Promise<number> {
  // Loaded here, not with the integration: OpenCC's dictionaries take a
  // moment, which only a build needs (not `astro dev` or `astro check`).
  const { traditionalMap } = await import('../lib/search/traditional.ts');
  const texts: string[] = [];
  const searchPages: Array<[file: string, html: string]> = [];
  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  for (const file of files.sort()) {
    const html = readFileSync(join(siteDir, file), 'utf8');
    const text = indexedText(html);
    if (text !== undefined) texts.push(text);
    else if (hasSearchData(html)) searchPages.push([file, html]);
  }
  const map = traditionalMap(texts);
  for (const [file, html] of searchPages) writeFileSync(join(siteDir, file), withTraditionalMap(html, map) as string);
  return Object.keys(map).length;
}
