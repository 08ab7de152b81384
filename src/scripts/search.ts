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
import { KIND_PRIORITY, PINYIN_PRIORITY, RANK_FILTER, RANKED_KINDS, UNRANKED_KIND } from '#lib/search/kinds.ts';
import { SEARCH_DATA_ID, type SearchData } from '#lib/search/page-text.ts';
import { titledAs, titleWord } from '#lib/search/exact.ts';
import { windowAsked, windowWord } from '#lib/search/numbers.ts';
import { fallbackWords, normaliseQuery, toSimplified, wordsOf, type NormalisedQuery } from '#lib/search/query.ts';
import { expandedWords, isWindowQuery, titleCoverage } from '#lib/search/rank.ts';
import {
  answersWell,
  byTitle,
  describe,
  partialMatches,
  statusLine,
  weighByKind,
  type Pagefind,
  type PagefindData,
  type PagefindModule,
  type PagefindResult,
  type Shown,
} from '#lib/search/results.ts';
import { soundAlike, soundIndex, SOUNDS_PATH, type SoundData, type SoundIndex } from '#lib/search/sounds.ts';
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

/** A result found, and whether it holds only some of the query's words, or is titled exactly as the query. */
interface Found {
  result: PagefindResult;
  partial: boolean;
  exact?: boolean;
}

/** The results of `first` then those of `rest` not among them. */
function unite(first: readonly Found[], rest: readonly Found[]): Found[] {
  const seen = new Set(first.map((f) => f.result.id));
  return [...first, ...rest.filter((f) => !seen.has(f.result.id))];
}

/** Below this many results with every word, pages with most of the words follow them. */
const FEW = 3;

/**
 * What a query finds, in order:
 *
 * 1. a page whose title is exactly what was typed (exact.ts), whatever its kind;
 * 2. for a window number (3号窗口), the people at that window, by the
 *    window's own index word (numbers.ts), so 3 never finds 32;
 * 3. the pages with every word, ranked by score and kind;
 * 4. when those are fewer than three, pages with most of the words
 *    (Pagefind wants every word to match), marked as partial.
 *
 * Also which words found nothing while the others found results (Pagefind
 * leaves out a word that matches nothing, 量子 in 量子计算机, and answers with
 * the rest).
 */
async function find(
  engine: Pagefind,
  query: NormalisedQuery,
  typed: string,
  filters: Record<string, string>,
): Promise<{ found: Found[]; partial: boolean; missing: string[]; exact: boolean; window: boolean; titles: string[] }> {
  // Someone asking for a window number wants the person at that window.
  const windowQuery = isWindowQuery(query);
  const priority: Record<string, number> = windowQuery ? { ...KIND_PRIORITY, 身份: 3 } : query.pinyin ? PINYIN_PRIORITY : KIND_PRIORITY;
  const asWord = (results: readonly PagefindResult[], partial = false): Found[] => results.map((result) => ({ result, partial }));

  // These words are looked up quoted: Pagefind then wants the word itself.
  // Unquoted, a word it does not have is cut shorter until something
  // matches (a title's word would find another title's, window 99 window 9).
  const number = windowQuery ? windowAsked(query.words.join('')) : undefined;
  const atWindow = number ? ((await engine.search(`"${windowWord(number)}"`, { filters }))?.results ?? []) : [];
  // A phone number as dialled is one word of the index (numbers.ts); one it does not have finds nothing rather than a neighbour.
  const phone = /^\d{7,}$/.test(query.text);

  const searched = phone ? `"${query.text}"` : query.text || null;
  let results = await ranked(engine, searched, filters, priority);
  // Words typed as one run (承诺督办) that stand side by side on a few pages
  // only: those pages are what was meant, whatever their kind's weight.
  const run = query.words.length === 1 && !query.pinyin && !phone && !windowQuery ? query.words[0] : undefined;
  if (run && [...run].length >= 3 && results.length > 1) {
    const together = new Set(((await engine.search(`"${run}"`, { filters }))?.results ?? []).map((r) => r.id));
    if (together.size > 0 && together.size <= FEW) results = [...results.filter((r) => together.has(r.id)), ...results.filter((r) => !together.has(r.id))];
  }
  let found = unite(asWord(atWindow), asWord(results));
  const head = query.pinyin ? [] : await Promise.all(found.slice(0, FIRST_BATCH).map(async (f) => ({ result: f.result, data: await f.result.data() })));
  const exact = await titledExactly(engine, head, typed, filters);
  found = unite(
    exact.map((result) => ({ result, partial: false, exact: true })),
    found,
  );
  // What the first results are titled: a page's title, or the posts and pledges of a duties or pledges page.
  const titles = head.flatMap(({ data }) => (data.meta.kind === '职责' || data.meta.kind === '承诺' ? data.sub_results.map((s) => s.title) : [data.meta.title ?? '']));
  let partial = false;
  const parts = fallbackWords(query);
  const complete = found.length;
  if (complete < FEW && parts.length > 0) {
    const runs: PagefindResult[][] = [];
    for (const part of parts) runs.push(await ranked(engine, part, filters, priority));
    found = unite(found, asWord(partialMatches(runs), true));
    partial = complete === 0 && found.length > 0;
  }
  const missing =
    complete > 0 && !query.pinyin
      ? (await Promise.all([...new Set(query.words.flatMap(wordsOf))].map(async (w) => ((await engine.search(w, { filters }))?.results.length ? '' : w)))).filter(Boolean)
      : [];
  return { found, partial, missing, exact: exact.length > 0, window: atWindow.length > 0, titles };
}

/**
 * The pages titled exactly as typed (exact.ts). Every word of such a title
 * is on its page, so the page is among those found, if not always among
 * the first shown: when the first batch (whose fragments are shown anyway,
 * and which Pagefind keeps) holds it, it is taken from there; only when not
 * is the title word looked up, which loads the index chunk of title words.
 */
async function titledExactly(
  engine: Pagefind,
  head: ReadonlyArray<{ result: PagefindResult; data: PagefindData }>,
  typed: string,
  filters: Record<string, string>,
): Promise<PagefindResult[]> {
  const word = titleWord(typed);
  if (!word || head.length === 0) return [];
  const here = head.filter(({ data }) => titledAs([data.meta.title ?? '', ...data.sub_results.map((s) => s.title)], typed)).map(({ result }) => result);
  if (here.length > 0) return here;
  return (await engine.search(`"${word}"`, { filters }))?.results ?? [];
}

/**
 * The sound data (sounds.ts), fetched once, on the first query that finds
 * little; a failed fetch is forgotten so that a later query tries again.
 */
function soundLoader(data: SearchData): () => Promise<SoundIndex | undefined> {
  let loading: Promise<SoundIndex | undefined> | undefined;
  return () => {
    loading ??= fetch(withBase(data.base, SOUNDS_PATH))
      .then(async (r) => (r.ok ? soundIndex((await r.json()) as SoundData) : undefined))
      .catch(() => {
        loading = undefined;
        return undefined;
      });
    return loading;
  };
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
function resultItem(r: Shown, marks: readonly string[], partialTag: string): HTMLLIElement {
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
  if (r.partial) {
    const note = document.createElement('span');
    note.className = 'tag partial';
    note.textContent = partialTag;
    line.append(note);
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
  const sounds = soundLoader(data);

  /** Counts searches: an answer that arrives after a newer search started is dropped. */
  let generation = 0;
  /** Results found and not shown yet, for "more". */
  let pending: Found[] = [];
  /** The words marked in excerpts: the query's, with their synonyms. */
  let marks: string[] = [];

  /**
   * Shows the next `size` of `results`, loading their fragments, and
   * returns what it showed. The first batch of a query is reordered by
   * title, those with every word before partial ones.
   */
  const render = async (results: Found[], titleFirst: boolean, size: number): Promise<Shown[]> => {
    const mine = generation;
    const batch = results.slice(0, size);
    pending = results.slice(size);
    const shown = await Promise.all(batch.map(async (f) => ({ ...describe(await f.result.data(), marks), partial: f.partial, exact: f.exact === true })));
    // A newer search (typing, then Enter) has cleared the list meanwhile: its results go there, not these.
    if (mine !== generation) return [];
    // A page titled exactly as the query stays first; then by title (byTitle).
    const exact = shown.filter((r) => r.exact);
    const rest = shown.filter((r) => !r.exact);
    const ordered = titleFirst ? [...exact, ...byTitle(rest, marks)] : shown;
    for (const r of ordered) list.append(resultItem(r, marks, data.strings.partialTag));
    more.hidden = pending.length === 0;
    return ordered;
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
      status.dataset.state = 'done';
      return;
    }
    // Tests and the benchmark read the page once a search is over.
    status.dataset.state = 'busy';
    status.textContent = data.strings.searching;
    let engine: Pagefind;
    try {
      engine = await load(scope());
    } catch {
      status.textContent = data.strings.unavailable;
      status.dataset.state = 'done';
      return;
    }
    const typed = toSimplified(input.value.normalize('NFKC').toLowerCase(), data.traditional);
    const han = /\p{Script=Han}/u.test(query.text);
    const complete = (a: Answer) => a.found.filter((f) => !f.partial).length;
    /** How much of the query the first results' titles say (titleCoverage). */
    const covered = (a: Answer, q: NormalisedQuery) => titleCoverage(a.titles, expandedWords(q, data.synonyms));
    type Answer = Awaited<ReturnType<typeof find>>;
    /** The query as it sounds (林小文 → 林晓雯), when that finds more or better than as typed. */
    const bySound = async (answer: Answer): Promise<{ answer: Answer; searched: NormalisedQuery; soundsLike: string } | undefined> => {
      const index = await sounds();
      const before = query.words.join(' ');
      // Only the words found nowhere are reheard when some were found (量子 of
      // 量子计算机, never 子计 into 自己); else the whole query.
      const hear = (text: string) => (index ? soundAlike(text, index) : text);
      const rewritten = answer.missing.length > 0 ? answer.missing.reduce((text, w) => text.split(w).join(hear(w)), before) : hear(before);
      if (rewritten === before) return undefined;
      const again = normaliseQuery(rewritten);
      const second = await find(engine, again, rewritten, filters);
      const better =
        complete(second) > complete(answer) ||
        (second.exact && !answer.exact) ||
        (complete(second) > 0 && (second.missing.length < answer.missing.length || covered(second, again) > covered(answer, query)));
      return better ? { answer: { ...second, found: unite(second.found, answer.found) }, searched: again, soundsLike: rewritten.replace(/ /g, '') } : undefined;
    };
    /** Shows an answer; returns whether it answers the query well. */
    const show = async (answer: Answer, searched: NormalisedQuery, soundsLike: string | undefined): Promise<boolean | undefined> => {
      const { found, partial, missing } = answer;
      marks = [...new Set([...expandedWords(query, data.synonyms), ...expandedWords(searched, data.synonyms)])];
      list.replaceChildren();
      list.hidden = found.length === 0;
      searchAll.hidden = !scoped;
      const outcome = { count: found.length, query: input.value.trim(), scope: scoped?.short, partial, missing, partialMore: found.filter((f) => f.partial).length, soundsLike };
      status.textContent = statusLine(data.strings, outcome);
      // Without words (every notice, every service of a unit) the list is
      // what was asked for: a full page of it comes at once.
      const shown = await render(found, !isWindowQuery(query), query.text ? FIRST_BATCH : PAGE_SIZE);
      if (mine !== generation) return undefined;
      // Results that only mention the words (护照 in a list of accepted
      // documents) are no answer: the page says so and shows where to ask.
      const weak =
        found.length === 0 ||
        (han &&
          !answer.exact &&
          !answer.window &&
          !answersWell(
            shown.map((r) => r.title),
            marks,
            missing,
          ));
      if (weak && found.length > 0) status.textContent = statusLine(data.strings, { ...outcome, weak: true });
      none.hidden = !weak;
      directory.hidden = !weak;
      return !weak;
    };

    let answer = await find(engine, query, typed, filters);
    // Few results, or a word found nowhere: maybe it was typed by ear (林小文 for 林晓雯).
    const mayBeByEar = han && !answer.exact && !answer.window;
    // Also when no title says all of a run of the query (社保卡补零: 社保卡服务岗 says 社保卡 only): 补零 may be 补领 misheard.
    const saidInTitles = covered(answer, query) >= Math.max(...query.words.map((w) => [...w].length));
    let heard = mayBeByEar && (complete(answer) < FEW || answer.missing.length > 0 || !saidInTitles) ? await bySound(answer) : undefined;
    if (mine !== generation) return;
    const well = await show(heard?.answer ?? answer, heard?.searched ?? query, heard?.soundsLike);
    if (well === undefined) return;
    // Results that do not answer it (导医港 finds pages about 导医): the sounds may.
    if (!well && mayBeByEar && !heard) {
      heard = await bySound(answer);
      if (mine !== generation) return;
      if (heard && (await show(heard.answer, heard.searched, heard.soundsLike)) === undefined) return;
    }
    answer = heard?.answer ?? answer;
    const found = answer.found;
    if (found.length > 0) performance.mark('siliang:search-results');
    status.dataset.state = 'done';
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
