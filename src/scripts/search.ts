/**
 * The search page in the browser: reads the query from the address, searches
 * the Pagefind index as the citizen types, and shows an accessible list of
 * results. Query handling (traditional characters, pinyin, filler words) is
 * in src/lib/search/, where it is unit-tested.
 *
 * A large site's index is split into groups of units plus a shared index
 * of notices (src/lib/search/groups.ts). A search covers the shared index
 * and the groups of its scope: one group (the one the search box of a
 * unit's page passed, or the group of the unit chosen), or all of them,
 * merged by Pagefind (mergeIndex) into one ranked list. Each further index
 * costs the first query its metadata and the index chunks of the query's
 * words, so a scope of one group is the cheap one; "all" stays one choice
 * away in the scope list and under the results.
 */
import { makeExcerpt, visibleText, type ExcerptPiece } from '../lib/search/excerpt.ts';
import { fallbackWords, normaliseQuery, wordsOf } from '../lib/search/query.ts';
import { KIND_PRIORITY, RANK_FILTER, RANKED_KINDS, UNRANKED_KIND } from '../lib/search/kinds.ts';
import { SEARCH_DATA_ID } from '../lib/search/page-text.ts';
import { indexFolder, SCOPE_ALL, SCOPE_PARAM } from '../lib/search/groups.ts';
import { bestSection, expandedWords, isWindowQuery, sectionTexts, titleScore, type PageAnchor } from '../lib/search/rank.ts';
import type { SynonymGroups } from '../lib/search/synonyms.ts';

interface SearchData {
  base: string;
  traditional: Record<string, string>;
  /** The indexes written: group ids, '' for the shared (or only) one. */
  indexes: string[];
  plan: { groups: Array<{ id: string; label: string; short: string }> };
  /** Changes with every index written; lets the browser cache Pagefind's entry file. */
  build: string;
  synonyms: SynonymGroups;
  strings: Record<'searching' | 'found' | 'none' | 'partial' | 'missing' | 'more' | 'unavailable' | 'inScope', string>;
}

/** The parts of Pagefind's browser API this page uses. */
interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string };
  plain_excerpt: string;
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}
interface PagefindData {
  url: string;
  content: string;
  anchors?: PageAnchor[];
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindSearch {
  results: PagefindResult[];
}
interface Pagefind {
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, o?: { filters?: Record<string, string> }) => Promise<PagefindSearch | null>;
}
interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => Pagefind;
}

/**
 * Results shown first. Each costs a fragment download (about 3 KB: the
 * page's text, for the excerpt), and on a phone the first screen holds the
 * search form and one or two results; four fill it and the first scroll.
 * Titles reorder these four (see render). "More" fetches PAGE_SIZE more,
 * as does a list asked for by filters alone.
 */
const FIRST_BATCH = 4;
const PAGE_SIZE = 10;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} missing`);
  return found as T;
}

/** A result as shown: which page (or section of a page), and the text to excerpt. */
interface Shown {
  url: string;
  title: string;
  kind: string;
  unit: string;
  text: string;
  facts: string;
}

function describe(data: PagefindData, words: readonly string[]): Shown {
  const meta = data.meta;
  // Duties and pledges pages hold several posts or pledges; show the one
  // that matched best, by its heading, rather than the whole page.
  const sections = meta.kind === '职责' || meta.kind === '承诺' ? sectionTexts(data.content, data.anchors ?? []) : new Map<string, string>();
  const section = sections.size > 0 ? bestSection(data.sub_results, words, sections) : undefined;
  const sectionText = section?.anchor ? sections.get(section.anchor.id) : undefined;
  return {
    url: section?.url ?? data.url,
    title: section?.title ?? meta.title ?? data.url,
    kind: meta.kind ?? '',
    unit: meta.unit ?? '',
    // The page's (or section's) text opens with its title, shown already.
    // Without the section's own text, its excerpt, unless that falls inside
    // its index-only block: then the page's.
    text: sectionText
      ? afterTitle(sectionText, section?.title)
      : section && visibleText(section.plain_excerpt).length > 10
        ? section.plain_excerpt
        : afterTitle(data.content, meta.title),
    facts: [meta.time, meta.fee, meta.post, meta.window].filter(Boolean).join(' · '),
  };
}

function afterTitle(content: string, title: string | undefined): string {
  const at = title ? content.indexOf(title) : -1;
  return at >= 0 && at < 80 ? content.slice(at + (title?.length ?? 0)).replace(/^[.。\s]+/, '') : content;
}

function pieces(parent: HTMLElement, excerpt: ExcerptPiece[]): void {
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

/**
 * Results ordered by score weighted by kind. A result's kind is only in its
 * fragment, which costs a download; the same search filtered by each kind
 * tells it from the index chunks already loaded, through the small rank
 * filter (kinds.ts): a page in none of the ranked kinds is a person's.
 */
async function ranked(engine: Pagefind, term: string | null, filters: Record<string, string>, priority: Record<string, number>): Promise<PagefindResult[]> {
  const all = (await engine.search(term, { filters }))?.results ?? [];
  if (filters.kind || all.length < 2) return all;
  const kindOf = new Map<string, number>();
  await Promise.all(
    RANKED_KINDS.map(async (kind) => {
      for (const r of (await engine.search(term, { filters: { ...filters, [RANK_FILTER]: kind } }))?.results ?? []) kindOf.set(r.id, priority[kind] ?? 1);
    }),
  );
  const unranked = priority[UNRANKED_KIND] ?? 1;
  return all.map((r) => ({ r, s: r.score * (kindOf.get(r.id) ?? unranked) })).sort((a, b) => b.s - a.s).map((x) => x.r);
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
  const written = data.indexes?.length ? data.indexes : [''];
  const scope = () => (scopeSelect?.value || SCOPE_ALL);
  /** The indexes a scope searches: the shared one, then its groups. */
  const indexesOf = (s: string) => written.filter((k) => k === '' || s === SCOPE_ALL || k === s);

  // One Pagefind instance per scope searched, the first index its primary
  // (the engine and WebAssembly come from its folder: pagefind/ when the
  // shared index exists), the others merged into it. Pagefind's web worker
  // is not used: it would cost another 12 KB of script for searches that
  // take milliseconds.
  const engines = new Map<string, Promise<Pagefind>>();
  const load = (s: string = scope()) => {
    const keys = indexesOf(s);
    const id = keys.join(',');
    let engine = engines.get(id);
    if (!engine) {
      engine = (async () => {
        const folder = (k: string | undefined) => `${data.base}${indexFolder(k || undefined)}`;
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

  let generation = 0;
  let pending: PagefindResult[] = [];
  let marks: string[] = [];

  const render = async (results: PagefindResult[], byTitle: boolean, size: number) => {
    const mine = generation;
    const batch = results.slice(0, size);
    pending = results.slice(size);
    const shown = await Promise.all(batch.map(async (r) => describe(await r.data(), marks)));
    // A newer search (typing, then Enter) has cleared the list meanwhile: its results go there, not these.
    if (mine !== generation) return;
    // Titles arrive with the results shown; among those, a title that says
    // what was asked for comes first (出生医学证明 for 孩子出生证明).
    if (byTitle) {
      const scored = shown.map((r, i) => ({ r, i, t: titleScore(r.title, marks) }));
      scored.sort((a, b) => b.t - a.t || a.i - b.i);
      shown.splice(0, shown.length, ...scored.map((x) => x.r));
    }
    for (const r of shown) {
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
      pieces(excerpt, makeExcerpt(r.text, marks, 70));
      li.append(line, heading, excerpt);
      if (r.facts) {
        const facts = document.createElement('p');
        facts.className = 'facts';
        facts.textContent = r.facts;
        li.append(facts);
      }
      list.append(li);
    }
    more.hidden = pending.length === 0;
  };

  const run = async () => {
    const mine = ++generation;
    const query = normaliseQuery(input.value, data.traditional);
    const filters: Record<string, string> = {};
    if (unitSelect.value) filters.unit = unitSelect.value;
    if (kindSelect.value) filters.kind = kindSelect.value;
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    if (scopeSelect) params.set(SCOPE_PARAM, scope());
    for (const [k, v] of Object.entries(filters)) params.set(k, v);
    const scoped = scopeSelect && scope() !== SCOPE_ALL ? groups.find((g) => g.id === scope()) : undefined;
    searchAll.hidden = true;
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);

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
    // Someone asking for a window number wants the person at that window.
    const priority: Record<string, number> = isWindowQuery(query) ? { ...KIND_PRIORITY, 身份: 3 } : KIND_PRIORITY;
    let found = await ranked(engine, query.text || null, filters, priority);
    let partial = false;
    // Pagefind wants every word to match. When nothing does, search word by
    // word and rank pages by how many of the words they contain.
    const parts = fallbackWords(query);
    if (found.length === 0 && parts.length > 0) {
      const tally = new Map<string, { result: PagefindResult; hits: number; score: number }>();
      for (const part of parts) {
        for (const r of await ranked(engine, part, filters, priority)) {
          const seen = tally.get(r.id);
          tally.set(r.id, { result: r, hits: (seen?.hits ?? 0) + 1, score: Math.max(seen?.score ?? 0, r.score) });
        }
      }
      // A page with fewer than half of the words is not an answer.
      const enough = Math.ceil(parts.length / 2);
      found = [...tally.values()]
        .filter((t) => t.hits >= enough && t.hits > 1)
        .sort((a, b) => b.hits - a.hits || b.score - a.score)
        .map((t) => t.result);
      partial = found.length > 0;
    }
    // Pagefind leaves out a word that matches nothing (量子 in 量子计算机) and
    // answers with the rest; say which words found nothing.
    const missing =
      found.length > 0 && !partial && !query.pinyin
        ? (
            await Promise.all(
              [...new Set(query.words.flatMap(wordsOf))].map(async (w) => ((await engine.search(w, { filters }))?.results.length ? '' : w)),
            )
          ).filter(Boolean)
        : [];
    if (mine !== generation) return;
    marks = expandedWords(query, data.synonyms);
    list.replaceChildren();
    directory.hidden = found.length > 0;
    none.hidden = found.length > 0;
    list.hidden = found.length === 0;
    const where = scoped ? data.strings.inScope.replace('{scope}', scoped.short) : '';
    status.textContent =
      found.length === 0
        ? `${data.strings.none}${where}：“${input.value.trim()}”`
        : `${data.strings.found.replace('{n}', String(found.length))}${where}${partial ? ` ${data.strings.partial}` : ''}${
            missing.length > 0 ? ` ${data.strings.missing.replace('{words}', missing.map((w) => `“${w}”`).join('、'))}` : ''
          }`;
    searchAll.hidden = !scoped;
    // Without words (every notice, every service of a unit) the list is
    // what was asked for: a full page of it comes at once.
    await render(found, !isWindowQuery(query), query.text ? FIRST_BATCH : PAGE_SIZE);
    if (mine === generation && found.length > 0) performance.mark('siliang:search-results');
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 180);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run();
  });
  input.addEventListener('input', soon);
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
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

  // Arrow keys move between the search box and the result links; Escape clears.
  form.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && event.target === input) {
      (list.querySelector('a') as HTMLElement | null)?.focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && event.target === input) {
      input.value = '';
      void run();
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
