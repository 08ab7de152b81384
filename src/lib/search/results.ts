/**
 * From Pagefind's answers to the list a citizen reads, without a browser:
 * the parts of Pagefind's browser API the search page uses, what a result
 * shows, how results are ordered and what the status line says. The search
 * page's script (src/scripts/search.ts) asks Pagefind and draws; what it
 * decides is here, where it is unit-tested.
 */
import { fill } from '#i18n/fill.ts';
import { visibleText } from './excerpt.ts';
import type { SearchStrings } from './page-text.ts';
import { bestSection, sectionTexts, titleScore, type PageAnchor } from './rank.ts';

/** A section of a result's page, under a heading, as Pagefind's browser API gives it. */
export interface PagefindSubResult {
  title: string;
  url: string;
  anchor?: { id: string };
  plain_excerpt: string;
  weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}
/** A result's fragment: its page's text, metadata and sections. Each costs a download. */
export interface PagefindData {
  url: string;
  content: string;
  anchors?: PageAnchor[];
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
export interface Pagefind {
  init: () => Promise<void>;
  mergeIndex: (path: string, o: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] } | null>;
}
/** What `pagefind.js` exports. */
export interface PagefindModule {
  createInstance: (o: Record<string, unknown>) => Pagefind;
}

/** A result as shown: which page (or section of a page), and the text to excerpt. */
export interface Shown {
  url: string;
  title: string;
  kind: string;
  unit: string;
  text: string;
  /** The facts shown under the excerpt: time limit, fee, post, window. */
  facts: string;
  /** Found holding only some of the query's words, after those with all of them. */
  partial?: boolean;
}

/**
 * What a result shows for a query of `words`. Duties and pledges pages hold
 * several posts or pledges: the one that matched best is shown, by its
 * heading, rather than the whole page.
 */
export function describe(data: PagefindData, words: readonly string[]): Shown {
  const meta = data.meta;
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

/** `content` from after `title`, when it opens with it (within its first 80 characters); else all of it. */
export function afterTitle(content: string, title: string | undefined): string {
  const at = title ? content.indexOf(title) : -1;
  return at >= 0 && at < 80 ? content.slice(at + (title?.length ?? 0)).replace(/^[.。\s]+/, '') : content;
}

/**
 * Results ordered by score times their kind's weight: `weights` gives it by
 * result id for the kinds the ranking asked about, `unranked` for the rest.
 * Equal products keep Pagefind's order.
 */
export function weighByKind<R extends { id: string; score: number }>(results: readonly R[], weights: ReadonlyMap<string, number>, unranked: number): R[] {
  return results
    .map((r) => ({ r, s: r.score * (weights.get(r.id) ?? unranked) }))
    .sort((a, b) => b.s - a.s)
    .map((x) => x.r);
}

/**
 * When no page holds every word of a query: the pages found word by word
 * (`runs`, one list of results per word), those with most of the words
 * first, then by their best score. A page with fewer than half of the words,
 * or with one word only, is not an answer.
 */
export function partialMatches<R extends { id: string; score: number }>(runs: ReadonlyArray<readonly R[]>): R[] {
  const tally = new Map<string, { result: R; hits: number; score: number }>();
  for (const run of runs) {
    for (const r of run) {
      const seen = tally.get(r.id);
      tally.set(r.id, { result: r, hits: (seen?.hits ?? 0) + 1, score: Math.max(seen?.score ?? 0, r.score) });
    }
  }
  const enough = Math.ceil(runs.length / 2);
  return [...tally.values()]
    .filter((t) => t.hits >= enough && t.hits > 1)
    .sort((a, b) => b.hits - a.hits || b.score - a.score)
    .map((t) => t.result);
}

/**
 * Results shown, those whose title says what was asked for first (出生医学证明
 * for 孩子出生证明, by `titleScore`), then those with every word before
 * partial ones (`partial`), otherwise in the order given. A partial result
 * whose title holds a word of the query goes before a complete one whose
 * title holds none (没有单位怎么交社保: 灵活就业人员参保登记 holds 参保 but not
 * 没有 单位, before a page that mentions all three in passing). Titles are
 * only known for the results whose fragments were loaded, so this reorders
 * a batch, never the whole list.
 */
export function byTitle<S extends { title: string; partial?: boolean | undefined }>(shown: readonly S[], words: readonly string[]): S[] {
  return shown
    .map((r, i) => ({ r, i, t: titleScore(r.title, words), p: r.partial ? 1 : 0 }))
    .sort((a, b) => Number(b.t > 0) - Number(a.t > 0) || a.p - b.p || b.t - a.t || a.i - b.i)
    .map((x) => x.r);
}

/**
 * Whether the results shown answer the query, or only mention its words:
 * they do when a title (a service's, a person's, a post's…) holds a word of
 * two or more characters of the query or of its synonyms (`titleScore`),
 * and no such word of the query found nothing at all. 护照怎么办 on a site
 * whose only 护照 is in a list of accepted documents is not answered, and
 * the page says so rather than offering that list as the answer.
 */
export function answersWell(titles: readonly string[], words: readonly string[], missing: readonly string[]): boolean {
  if (missing.some((w) => [...w].length >= 2)) return false;
  return titles.some((t) => titleScore(t, words) >= 2);
}

export interface SearchOutcome {
  /** How many results. */
  count: number;
  /** What was typed, trimmed. */
  query: string;
  /** The short name of the group of units searched, when the search covered one group only. */
  scope?: string | undefined;
  /** The results hold most of the words, not all. */
  partial: boolean;
  /** Words that found nothing while the others found results. */
  missing: readonly string[];
  /** Results after those with every word that hold only some of them (none when `partial`). */
  partialMore?: number;
  /** The query as rewritten by sound (sounds.ts), when that is what found the results. */
  soundsLike?: string | undefined;
  /** Nothing found answers the query well: the page says so, and shows where to ask. */
  weak?: boolean;
}

/** The status line above the results, read out by screen readers: how many, where, and what was left out. */
export function statusLine(strings: SearchStrings, o: SearchOutcome): string {
  const scope = o.scope ? fill(strings.inScope, { scope: o.scope }) : '';
  if (o.count === 0) return fill(strings.none, { scope, query: o.query });
  const words = o.missing.map((word) => fill(strings.missingWord, { word })).join(strings.wordSeparator);
  const parts = [
    o.weak ? fill(strings.weak, { query: o.query }) : '',
    fill(strings.found, { n: o.count, scope }),
    o.soundsLike ? fill(strings.soundsLike, { text: o.soundsLike }) : '',
    o.partial ? strings.partial : '',
    !o.partial && o.partialMore ? fill(strings.partialMore, { n: o.partialMore }) : '',
    o.missing.length > 0 ? fill(strings.missing, { words }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}
