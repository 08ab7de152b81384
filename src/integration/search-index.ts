/**
 * The search data of the finished site, written after the build in one pass
 * over the built pages: each HTML file is read once, and its indexed text
 * feeds both
 *
 * - the traditional-to-simplified map of the search page, derived from
 *   exactly the text Pagefind indexes (guides' Markdown bodies, notices,
 *   hidden index-only words, the interface around them), so that no indexed
 *   word is out of reach of a query typed in traditional characters; and
 * - the Pagefind index, through Pagefind's Node API (addHTMLFile). Only
 *   pages marked with data-pagefind-body (services, people, duties,
 *   pledges, notices) are indexed, and only their main content. Any error
 *   Pagefind reports fails the build, so a site never goes out with a
 *   broken or missing index (src/lib/search/pagefind-errors.ts).
 *
 * Memory stays bounded on a province's site (77,000 indexed pages): pages
 * are read a few at a time and dropped once handed over; the map keeps the
 * distinct text only (TraditionalCollector); and a site split into groups
 * of units (src/lib/search/groups.ts) has its indexes built one after the
 * other, each deleted from Pagefind's memory once written, so Pagefind
 * holds one group's pages at a time, never the whole site's.
 *
 * The search page is read first: its data says how the site is split. It
 * is written back last, with the map and the list of indexes written.
 */
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { groupOfUnit, indexFolder } from '#lib/search/groups.ts';
import { RANK_FILTER, UNRANKED_KIND } from '#lib/search/kinds.ts';
import { hasSearchData, indexedText, readSearchData, withSearchData } from '#lib/search/page-text.ts';
import { checkPagefind, pagefindFailureMessage } from '#lib/search/pagefind-errors.ts';
import type { TraditionalCollector } from '#lib/search/traditional.ts';

export interface WrittenIndex {
  /** The group, or '' for the shared index (the only one on a site that is not split). */
  group: string;
  /** Its folder below the site's root. */
  folder: string;
  pages: number;
}

export interface SearchIndexResult {
  /** Pages indexed, in all indexes. */
  pages: number;
  /** The folder of the shared (or only) index. */
  outputPath: string;
  /** Entries of the traditional map written into the search page. */
  traditional: number;
  /** Every index written, shared one first. */
  indexes: WrittenIndex[];
  /** HTML files read, each once. */
  files: number;
}

/** The parts of Pagefind's Node API used here; tests pass a stand-in. */
export type PagefindApi = Pick<typeof pagefind, 'createIndex' | 'close'>;

/** A group as the search page's data describes it for this step (src/pages/search.astro). */
interface SearchGroupData {
  id: string;
  label?: string;
  short?: string;
  /** Absent on a search page this step has already written. */
  units?: string[];
}

/** Where the search page is written (paths.search() with Astro's directory format). */
export const SEARCH_PAGE_FILE = 'search/index.html';

/**
 * Pages read ahead of the one Pagefind is indexing, so that reading from
 * disk overlaps indexing. Small: each is a whole page in memory.
 */
const READ_AHEAD = 8;

/** Pages handed to Pagefind before the first of them must have been indexed. */
const PAGES_IN_FLIGHT = 8;

/**
 * Files Pagefind writes into every bundle that Siliang never loads: its
 * ready-made interfaces, and, in a group's folder, the engine itself, which
 * the browser loads from pagefind/ only (merged indexes share it).
 */
const UNUSED_EVERYWHERE = /^pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\./;
const UNUSED_IN_GROUPS = /^(?:pagefind\.js|wasm\..*\.pagefind)$/;

/**
 * Pagefind cuts its word index into chunks of about this many word
 * locations (its default is 20,000), and a query loads the chunk of each
 * of its words. Chinese queries are mostly one- and two-character words
 * (身份 证 补 办) whose own locations fill much of a chunk on a large site;
 * smaller chunks leave out the neighbours that come along. With one index
 * of 6,630 pages (300 units), 4,000 instead of 20,000 made the first query
 * load 16 KB less, a later one up to 20 KB less, for 8 KB more metadata.
 * Smaller still is not better: at 3,000 or 2,000 the example's 导医 no
 * longer puts 导医岗 first (test/browser/search.test.ts), for 4 to 9 KB
 * saved. Pagefind reads it from the environment of its process, under a
 * name that says it may change: a build test checks that it still works.
 */
const CHUNK_ENV = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';
export const INDEX_CHUNK_SIZE = 4000;

/** What an indexed page, and the search page, contain: see indexedText and hasSearchData. */
const BODY_MARK = Buffer.from('data-pagefind-body');

/** The address Pagefind gives a built file, as its addDirectory would: units/a/index.html → /units/a/. */
export function pageUrl(file: string): string {
  const path = file.split(sep).join('/');
  return `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The unit a built file belongs to, from its path: units/<id>/… */
function unitOfFile(file: string): string | undefined {
  return /^units\/([^/]+)\//.exec(file.split(sep).join('/'))?.[1];
}

export async function buildSearchIndex(siteDir: string, api: PagefindApi = pagefind): Promise<SearchIndexResult> {
  // Loaded here, not with the integration: OpenCC's dictionaries take a
  // moment, which only a build needs (not `astro dev` or `astro check`).
  const { TraditionalCollector } = await import('#lib/search/traditional.ts');
  const collector = new TraditionalCollector();

  const files = readdirSync(siteDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.startsWith(`pagefind${sep}`))
    .sort();
  const searchFile = files.find((f) => f.split(sep).join('/') === SEARCH_PAGE_FILE);
  const searchHtml = searchFile ? await readFile(join(siteDir, searchFile), 'utf8') : undefined;
  const plan = (searchHtml ? readSearchData(searchHtml)?.plan : undefined) as { groups: Array<SearchGroupData> } | undefined;

  // Which index each file goes to: the shared one ('') unless the site is
  // split and the file is a page of a unit in a group. A search page this
  // step has already written lists no units (they are for this step only):
  // indexing such a site again makes one index, which every scope searches.
  const groups = (plan?.groups ?? []).filter((g): g is SearchGroupData & { units: string[] } => g.units !== undefined);
  const groupOf = groupOfUnit({ groups });
  const keys = ['', ...groups.map((g) => g.id)];
  const byIndex = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const file of files) {
    if (file === searchFile) continue;
    const unit = unitOfFile(file);
    byIndex.get((unit && groupOf.get(unit)) ?? '')?.push(file);
  }

  const indexes: WrittenIndex[] = [];
  // Other pages with search data (only the search page has it; kept for safety).
  const otherSearchPages: Array<[file: string, html: string]> = [];
  // Pagefind's process starts with the first call and takes this process's environment.
  const chunkSetting = process.env[CHUNK_ENV];
  process.env[CHUNK_ENV] ??= String(INDEX_CHUNK_SIZE);
  try {
    for (const key of keys) {
      const pages = await indexGroup(api, siteDir, byIndex.get(key) ?? [], collector, otherSearchPages, key);
      // An index with no pages is not written (Pagefind would write no
      // engine and no language); the browser is told which exist.
      if (pages > 0) indexes.push({ group: key, folder: indexFolder(key || undefined), pages });
    }
  } finally {
    await api.close();
    if (chunkSetting === undefined) delete process.env[CHUNK_ENV];
  }
  // The browser loads the engine from pagefind/ when the shared index is
  // there, so the groups' copies go; without it, from the first index searched.
  const shared = indexes.some((i) => i.group === '');
  for (const { group, folder } of indexes) removeUnused(join(siteDir, folder), shared && group !== '');

  const map = collector.map();
  // What the browser needs: the map, which indexes exist, a tag that
  // changes when they do (Pagefind's entry files name the current
  // metadata), and each group's id and label, not its list of units.
  const tag = createHash('sha256');
  for (const { folder } of indexes) tag.update(await readFile(join(siteDir, folder, 'pagefind-entry.json')));
  const patch = {
    traditional: map,
    indexes: indexes.map((i) => i.group),
    build: tag.digest('hex').slice(0, 12),
    plan: { groups: groups.map(({ id, label, short }) => ({ id, label, short })) },
  };
  if (searchFile && searchHtml) {
    const patched = withSearchData(searchHtml, patch);
    if (patched !== undefined) await writeFile(join(siteDir, searchFile), patched);
  }
  for (const [file, html] of otherSearchPages) await writeFile(join(siteDir, file), withSearchData(html, patch) as string);

  return {
    pages: indexes.reduce((sum, i) => sum + i.pages, 0),
    outputPath: join(siteDir, indexFolder()),
    traditional: Object.keys(map).length,
    indexes,
    files: files.length,
  };
}

/**
 * Builds one index from `files`: reads each (a few ahead), hands the
 * indexed ones to Pagefind in file order, which keeps the output the same
 * from build to build, writes the index and frees Pagefind's memory of it.
 * Returns the number of pages indexed.
 */
async function indexGroup(
  api: PagefindApi,
  siteDir: string,
  files: readonly string[],
  collector: TraditionalCollector,
  otherSearchPages: Array<[string, string]>,
  key = '',
): Promise<number> {
  const created = await api.createIndex({});
  checkPagefind('createIndex', created);
  const { index } = created;
  if (!index) throw new Error(pagefindFailureMessage('createIndex', []));
  try {
    const reads = new Map<number, Promise<Buffer>>();
    const readAt = (i: number) => {
      const file = files[i];
      if (file === undefined) return;
      const read = readFile(join(siteDir, file));
      // Awaited in turn below; a page read ahead of a failure is never awaited.
      read.catch(() => undefined);
      reads.set(i, read);
    };
    for (let i = 0; i < READ_AHEAD; i++) readAt(i);
    let pages = 0;
    // Pagefind's service handles one message at a time, in the order sent,
    // so several pages may be on their way while this process reads and
    // encodes the next: each side works while the other does, and the index
    // is the same as if each had been awaited in turn.
    const inFlight: Array<{ added: ReturnType<typeof index.addHTMLFile>; file: string }> = [];
    const settle = async () => {
      const { added, file } = inFlight.shift() as (typeof inFlight)[number];
      checkPagefind('addHTMLFile', await added, file.split(sep).join('/'));
    };
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as string;
      const bytes = await (reads.get(i) as Promise<Buffer>);
      reads.delete(i);
      readAt(i + READ_AHEAD);
      // Most built pages (lists, print sheets, the kiosk) are not indexed:
      // looking for the marker in the bytes spares decoding them.
      if (!bytes.includes(BODY_MARK) && !hasSearchData(bytes)) continue;
      const html = bytes.toString('utf8');
      const text = indexedText(html);
      if (text === undefined) {
        if (hasSearchData(html)) otherSearchPages.push([file, html]);
        continue;
      }
      collector.add(text);
      const added = index.addHTMLFile({ url: pageUrl(file), content: withRankFilter(html) });
      // Settled below, in order; one that fails while others are pending is not reported as unhandled.
      added.catch(() => undefined);
      inFlight.push({ added, file });
      if (inFlight.length >= PAGES_IN_FLIGHT) await settle();
      pages++;
    }
    while (inFlight.length > 0) await settle();
    if (pages > 0) {
      const written = await index.writeFiles({ outputPath: join(siteDir, indexFolder(key || undefined)) });
      checkPagefind('writeFiles', written);
    }
    return pages;
  } finally {
    // A failure to free the index must not hide the failure that got here.
    await index.deleteIndex().catch(() => undefined);
  }
}

/**
 * The page as Pagefind gets it: with the rank filter of its kind (see
 * RANK_FILTER in src/lib/search/kinds.ts), at the start of its indexed
 * <main>. The page on the site is left as it is.
 */
export function withRankFilter(html: string): string {
  const kind = /\sdata-pagefind-filter="kind:([^"]*)"/.exec(html)?.[1];
  if (!kind || kind === UNRANKED_KIND) return html;
  return html.replace(/<main\b[^>]*\sdata-pagefind-body[^>]*>/i, (main) => `${main}<span hidden data-pagefind-filter="${RANK_FILTER}:${kind}"></span>`);
}

/** Removes the bundle files nobody loads (see UNUSED_EVERYWHERE), and the engine's files too when `stripEngine`. */
function removeUnused(folder: string, stripEngine: boolean): void {
  if (!existsSync(folder)) return;
  for (const name of readdirSync(folder)) {
    if (UNUSED_EVERYWHERE.test(name) || (stripEngine && UNUSED_IN_GROUPS.test(name))) {
      const path = join(folder, name);
      if (statSync(path).isFile()) rmSync(path);
    }
  }
}
