/**
 * Built pages as the search sees them, for the step after the build that
 * derives the traditional map from exactly the text Pagefind indexes
 * (src/integration/search-index.ts). Plain string work on the HTML Astro
 * writes; no Node or Astro imports.
 */

/** The id of the search page's JSON data block. */
export const SEARCH_DATA_ID = 'search-data';

/** The interface strings the search page's script shows, from src/i18n; `{name}` placeholders are filled in the browser. */
export type SearchStrings = Record<
  'searching' | 'found' | 'none' | 'partial' | 'partialMore' | 'partialTag' | 'soundsLike' | 'weak' | 'missing' | 'missingWord' | 'wordSeparator' | 'unavailable' | 'inScope',
  string
>;

/**
 * The search page's data block: written by src/pages/search.astro, completed
 * after the build by the indexing step (src/integration/search-index.ts:
 * `traditional`, `indexes`), read by src/scripts/search.ts.
 */
export interface SearchData {
  /** The base path, `/` or like `/gongkai/`. */
  base: string;
  /** Traditional characters to simplified ones, for the text of the indexed pages. */
  traditional: Record<string, string>;
  /** The indexes written: group ids, '' for the shared (or only) one. */
  indexes: string[];
  /** The groups of a split index, named for the scope list; `units` is for the indexing step, not the browser. */
  plan: { groups: Array<{ id: string; label: string; short: string; units?: readonly string[] }> };
  /** Changes with every index written; lets the browser cache Pagefind's entry file. */
  build: string;
  /** Groups of words searched together (synonyms.txt). */
  synonyms: string[][];
  strings: SearchStrings;
}

/** JSON for a `<script type="application/json">` block: `<` escaped so no text can end the block. */
export function serialiseSearchData(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The text Pagefind indexes on a built page: that of its `<main>` when it is
 * marked `data-pagefind-body` (the only element the layout marks), hidden
 * index-only words included, tags removed. Undefined for a page that is
 * not indexed.
 */
export function indexedText(html: string): string | undefined {
  const body = /<main\b[^>]*\sdata-pagefind-body[\s=>][^]*?<\/main>/i.exec(html)?.[0];
  if (body === undefined) return undefined;
  const text = body.replace(/<(script|style|template)\b[^]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ');
  return decodeEntities(text).replace(/\s+/g, ' ').trim();
}

/** Whether a built page, as text or as the bytes read from its file, carries the search data block (only the search page does). */
export function hasSearchData(html: string | Uint8Array): boolean {
  const mark = `id="${SEARCH_DATA_ID}"`;
  return typeof html === 'string' ? html.includes(mark) : Buffer.from(html.buffer, html.byteOffset, html.byteLength).includes(mark);
}

const dataBlock = () => new RegExp(`(<script\\b[^>]*\\bid="${SEARCH_DATA_ID}"[^>]*>)([^]*?)(</script>)`);

/** The search page's data, or undefined for a page without it. */
export function readSearchData(html: string): Record<string, unknown> | undefined {
  const block = dataBlock().exec(html);
  return block ? (JSON.parse(block[2] as string) as Record<string, unknown>) : undefined;
}

/**
 * `html` with `patch` merged into its search data block, or undefined when
 * the page has none (every page but the search page).
 */
export function withSearchData(html: string, patch: Readonly<Record<string, unknown>>): string | undefined {
  const block = dataBlock().exec(html);
  if (!block) return undefined;
  const [whole, open, json, close] = block as unknown as [string, string, string, string];
  const data = JSON.parse(json) as Record<string, unknown>;
  return html.replace(whole, () => `${open}${serialiseSearchData({ ...data, ...patch })}${close}`);
}

/** `html` with `traditional` set in its search data block, or undefined when the page has none. */
export function withTraditionalMap(html: string, traditional: Readonly<Record<string, string>>): string | undefined {
  return withSearchData(html, { traditional });
}
