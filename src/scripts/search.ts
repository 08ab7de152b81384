/**
 * The search page in the browser: reads the query from the address, searches
 * the Pagefind index as the citizen types, and shows an accessible list of
 * results. Query handling (traditional characters, pinyin, filler words) and
 * what the results show, in which order, with which status line, are in
 * src/lib/search/, where they are unit-tested; this script asks Pagefind and
 * draws.
 *
 * A large site's index is split into groups of units plus a shared index
 * of notices (src/lib/search/groups.ts). A search covers the shared index
 * and the groups of its scope: one group (the one the search box of a
 * unit's page passed, or the group of the unit chosen), or all of them,
 * merged by Pagefind (mergeIndex) into one ranked list. Each further index
 * costs the first query its metadata and the index chunks of the query's
 * words, so a scope of one group is the cheap one; "all" stays one choice
 * away in the scope list and under the results.
 *
 * Without JavaScript (or before this script runs) the page is a form that
 * submits to itself and a directory of every service; the script hides the
 * note that says so, and hides the directory while there are results.
 */
import { makeExcerpt, type ExcerptPiece } from '#lib/search/excerpt.ts';
import { SCOPE_ALL, SCOPE_PARAM } from '#lib/search/groups.ts';
import { KIND_PRIORITY, RANK_FILTER, RANKED_KINDS, UNRANKED_KIND } from '#lib/search/kinds.ts';
import { SEARCH_DATA_ID, type SearchData } from '#lib/search/page-text.ts';
import { fallbackWords, normaliseQuery, wordsOf, type NormalisedQuery } from '#lib/search/query.ts';
import { expandedWords, isWindowQuery } from '#lib/search/rank.ts';
import { byTitle, describe, partialMatches, statusLine, weighByKind, type Pagefind, type PagefindModule, type PagefindResult, type Shown } from '#lib/search/results.ts';
import { searchIndexPath, withBase } from '#lib/urls.ts';

/**
 * Results shown first. Each costs a fragment download (about 3 KB: the
 * page's text, for the excerpt), and on a phone the first screen holds the
 * search form and one or two results; four fill it and the first scroll.
 * Titles reorder these four (see render). "More" fetches PAGE_SIZE more,
 * as does a list asked for by filters alone.
 */
const FIRST_BATCH = 4;
const PAGE_SIZE = 10;
/** Typing waits this long for the next key before searching. */
const TYPING_PAUSE_MS = 180;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing`);
  return found as T;
}

/**
 * Pagefind engines, one per scope searched: `load(scope)` gives the scope's
 * engine, made on first use. Its first index is the primary (the engine and
 * WebAssembly come from its folder: pagefind/ when the shared index exists),
 * the others are merged into it. A load that failed is forgotten, so the
 * next search tries again. Pagefind's web worker is not used: it would cost
 * another 12 KB of script for searches that take milliseconds.
 */
function engineLoader(data: SearchData): (scope: string) => Promise<Pagefind> {
  const written = data.indexes?.length ? data.indexes : [''];
  const engines = new Map<string, Promise<Pagefind>>();
  return (scope) => {
    // The indexes a scope searches: the shared one, then its groups.
    const keys = written.filter((k) => k === '' || scope === SCOPE_ALL || k === scope);
    const id = keys.join(',');
    let engine = engines.get(id);
    if (!engine) {
      engine = (async () => {
        const folder = (k: string | undefined) => withBase(data.base, searchIndexPath(k));
        const primary = folder(keys[0]);
        const module = (await import(/* @vite-ignore */ `${primary}pagefind.js`)) as PagefindModule;
        const options = { baseUrl: data.base, excerptLength: 40, ...(data.build ? { metaCacheTag: data.build } : {}) };
        const instance = module.createInstance({ ...options, basePath: primary, noWorker: true });
        await instance.init();
        await Promise.all(keys.slice(1).map((k) => instance.mergeIndex(folder(k), options)));
        return instance;
      })();
      engines.set(id, engine);
      engine.catch(() => engines.delete(id));
    }
    return engine;
  };
}

/**
 * One search, its results ordered by score weighted by kind. A result's kind
 * is only in its fragment, which costs a download; the same search filtered
 * by each ranked kind tells it from the index chunks already loaded, through
 * the small rank filter (kinds.ts): a page in none of them is a person's.
 */
async function ranked(engine: Pagefind, term: string | null, filters: Record<string, string>, priority: Record<string, number>): Promise<PagefindResult[]> {
  const all = (await engine.search(term, { filters }))?.results ?? [];
  if (filters.kind || all.length < 2) return all;
  const weights = new Map<string, number>();
  await Promise.all(
    RANKED_KINDS.map(async (kind) => {
      for (const r of (await engine.search(term, { filters: { ...filters, [RANK_FILTER]: kind } }))?.results ?? []) weights.set(r.id, priority[kind] ?? 1);
    }),
  );
  return weighByKind(all, weights, priority[UNRANKED_KIND] ?? 1);
}

/**
 * What a query finds: the results in order; whether they hold only most of
 * the words (Pagefind wants every word to match, so when nothing does, the
 * words are searched one by one); and which words found nothing while the
 * others found results (Pagefind leaves out a word that matches nothing, 量子
 * in 量子计算机, and answers with the rest).
 */
async function find(engine: Pagefind, query: NormalisedQuery, filters: Record<string, string>): Promise<{ found: PagefindResult[]; partial: boolean; missing: string[] }> {
  // Someone asking for a window number wants the person at that window.
  const priority: Record<string, number> = isWindowQuery(query) ? { ...KIND_PRIORITY, 身份: 3 } : KIND_PRIORITY;
  let found = await ranked(engine, query.text || null, filters, priority);
  let partial = false;
  const parts = fallbackWords(query);
  if (found.length === 0 && parts.length > 0) {
    const runs: PagefindResult[][] = [];
    for (const part of parts) runs.push(await ranked(engine, part, filters, priority));
    found = partialMatches(runs);
    partial = found.length > 0;
  }
  const missing =
    found.length > 0 && !partial && !query.pinyin
      ? (await Promise.all([...new Set(query.words.flatMap(wordsOf))].map(async (w) => ((await engine.search(w, { filters }))?.results.length ? '' : w)))).filter(Boolean)
      : [];
  return { found, partial, missing };
}

/** Text with the words searched for in `<mark>`, built from text nodes, never HTML. */
function appendPieces(parent: HTMLElement, excerpt: ExcerptPiece[]): void {
  for (const p of excerpt) {
    if (p.mark) {
      const mark = document.createElement('mark');
      mark.textContent = p.text;
      parent.append(mark);
    } else {
      parent.append(p.text);
    }
  }
}

/** One result as a list item: its kind and unit, its title as a link, an excerpt with the words marked, and its facts. */
function resultItem(r: Shown, marks: readonly string[]): HTMLLIElement {
  const li = document.createElement('li');
  const line = document.createElement('p');
  line.className = 'line';
  const tag = document.createElement('span');
  tag.className = 'tag tag--red';
  tag.textContent = r.kind;
  line.append(tag);
  if (r.unit) {
    const unit = document.createElement('span');
    unit.textContent = r.unit;
    line.append(unit);
  }
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.title;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  appendPieces(excerpt, makeExcerpt(r.text, marks, 70));
  li.append(line, heading, excerpt);
  if (r.facts) {
    const facts = document.createElement('p');
    facts.className = 'facts';
    facts.textContent = r.facts;
    li.append(facts);
  }
  return li;
}

/** Arrow keys move between the search box and the result links; Escape in the box clears it (`clear`). */
function moveWithKeys(form: HTMLFormElement, input: HTMLInputElement, list: HTMLOListElement, clear: () => void): void {
  form.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.target === input) {
      (list.querySelector('a') as HTMLElement | null)?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && event.target === input) {
      clear();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = event.key === 'ArrowDown' ? links[at + 1] : at <= 0 ? input : links[at - 1];
    next?.focus();
    event.preventDefault();
  });
}

export function startSearchPage(): void {
  const data = JSON.parse(element(SEARCH_DATA_ID).textContent ?? '{}') as SearchData;
  const form = element<HTMLFormElement>('search-form');
  const input = element<HTMLInputElement>('q');
  const unitSelect = element<HTMLSelectElement>('unit');
  const scopeSelect = document.getElementById('scope') as HTMLSelectElement | null;
  const searchAll = element<HTMLButtonElement>('search-all');
  const kindSelect = element<HTMLSelectElement>('kind');
  const status = element('search-status');
  const list = element<HTMLOListElement>('search-results');
  const more = element<HTMLButtonElement>('search-more');
  const none = element('search-none');
  const directory = element('directory');
  element('search-nojs').hidden = true;

  const groups = data.plan?.groups ?? [];
  const scope = () => scopeSelect?.value || SCOPE_ALL;
  const load = engineLoader(data);

  /** Counts searches: an answer that arrives after a newer search started is dropped. */
  let generation = 0;
  /** Results found and not shown yet, for "more". */
  let pending: PagefindResult[] = [];
  /** The words marked in excerpts: the query's, with their synonyms. */
  let marks: string[] = [];

  /** Shows the next `size` of `results`, loading their fragments; the first batch of a query is reordered by title. */
  const render = async (results: PagefindResult[], titleFirst: boolean, size: number) => {
    const mine = generation;
    const batch = results.slice(0, size);
    pending = results.slice(size);
    const shown = await Promise.all(batch.map(async (r) => describe(await r.data(), marks)));
    // A newer search (typing, then Enter) has cleared the list meanwhile: its results go there, not these.
    if (mine !== generation) return;
    for (const r of titleFirst ? byTitle(shown, marks) : shown) list.append(resultItem(r, marks));
    more.hidden = pending.length === 0;
  };

  /** The filters chosen, and the address that brings this search back. */
  const remember = (): Record<string, string> => {
    const filters: Record<string, string> = {};
    if (unitSelect.value) filters.unit = unitSelect.value;
    if (kindSelect.value) filters.kind = kindSelect.value;
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (scopeSelect) params.set(SCOPE_PARAM, scope());
    for (const [k, v] of Object.entries(filters)) params.set(k, v);
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
    return filters;
  };

  /** Searches for what the form says now and shows the answer; nothing asked for shows the directory again. */
  const run = async () => {
    const mine = ++generation;
    const query = normaliseQuery(input.value, data.traditional);
    const filters = remember();
    const scoped = scopeSelect && scope() !== SCOPE_ALL ? groups.find((g) => g.id === scope()) : undefined;
    searchAll.hidden = true;

    if (!query.text && Object.keys(filters).length === 0) {
      list.replaceChildren();
      list.hidden = true;
      none.hidden = true;
      more.hidden = true;
      status.textContent = '';
      directory.hidden = false;
      return;
    }
    status.textContent = data.strings.searching;
    let engine: Pagefind;
    try {
      engine = await load(scope());
    } catch {
      status.textContent = data.strings.unavailable;
      return;
    }
    const { found, partial, missing } = await find(engine, query, filters);
    if (mine !== generation) return;
    marks = expandedWords(query, data.synonyms);
    list.replaceChildren();
    directory.hidden = found.length > 0;
    none.hidden = found.length > 0;
    list.hidden = found.length === 0;
    status.textContent = statusLine(data.strings, { count: found.length, query: input.value.trim(), scope: scoped?.short, partial, missing });
    searchAll.hidden = !scoped;
    // Without words (every notice, every service of a unit) the list is
    // what was asked for: a full page of it comes at once.
    await render(found, !isWindowQuery(query), query.text ? FIRST_BATCH : PAGE_SIZE);
    if (mine === generation && found.length > 0) performance.mark('siliang:search-results');
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  // The engine loads while the citizen starts typing.
  input.addEventListener('focus', () => void load(scope()).catch(() => undefined), { once: true });
  unitSelect.addEventListener('change', () => {
    // A unit is searched within its own group.
    const own = unitSelect.selectedOptions[0]?.dataset.scope;
    if (scopeSelect && own) scopeSelect.value = own;
    void run();
  });
  scopeSelect?.addEventListener('change', () => {
    // A unit outside the new scope would find nothing.
    const own = unitSelect.selectedOptions[0]?.dataset.scope;
    if (own && scope() !== SCOPE_ALL && own !== scope()) unitSelect.value = '';
    void run();
  });
  searchAll.addEventListener('click', () => {
    if (!scopeSelect) return;
    scopeSelect.value = SCOPE_ALL;
    void run();
    input.focus();
  });
  kindSelect.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const first = list.children.length;
    void render(pending, false, PAGE_SIZE).then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
  });
  moveWithKeys(form, input, list, () => {
    input.value = '';
    void run();
  });

  // The search the address asks for: a search box elsewhere on the site, a link, a reload.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  unitSelect.value = params.get('unit') ?? '';
  kindSelect.value = params.get('kind') ?? '';
  if (scopeSelect) {
    // The scope asked for, else the chosen unit's group, else everything.
    const asked = params.get(SCOPE_PARAM) ?? unitSelect.selectedOptions[0]?.dataset.scope ?? SCOPE_ALL;
    scopeSelect.value = asked;
    if (scopeSelect.value !== asked) scopeSelect.value = SCOPE_ALL;
  }
  if (input.value || unitSelect.value || kindSelect.value) void run();
}
