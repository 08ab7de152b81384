/**
 * Ordering search results beyond Pagefind's score, with what the browser
 * already has: the words of the query with their synonyms, result titles
 * (loaded for the results shown), and the shape of the query.
 */
import type { NormalisedQuery } from './query.ts';
import { wordsOf } from './query.ts';
import type { SynonymGroups } from './synonyms.ts';

/**
 * The words a query stands for: its runs, the words inside them, every
 * synonym word that occurs in a run (出生证明 in 孩子出生证明), and the other
 * words of those synonym groups (出生医学证明).
 */
export function expandedWords(query: NormalisedQuery, groups: SynonymGroups): string[] {
  if (query.pinyin) return [];
  const words = new Set<string>();
  for (const run of query.words) {
    words.add(run);
    for (const w of wordsOf(run)) words.add(w);
    for (const group of groups) {
      if (group.some((w) => run.includes(w))) for (const w of group) words.add(w);
    }
  }
  return [...words];
}

/**
 * How well a title answers the query: the number of characters of the
 * query's words (longest first, not counting the same characters twice)
 * that the title contains.
 */
export function titleScore(title: string, words: readonly string[]): number {
  let rest = title.toLowerCase();
  let score = 0;
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const lower = w.toLowerCase();
    if (lower.length < 2 || !rest.includes(lower)) continue;
    score += [...lower].length;
    rest = rest.split(lower).join('\u0000');
  }
  return score;
}

/**
 * How much of the query the best of `titles` says: the highest
 * `titleScore`, in characters. A query none of whose first results' titles
 * holds one of its runs whole (社保卡补零 against 社保卡服务岗: 3 of 5) may
 * have been typed by ear, and the search page tries it by sound.
 */
export function titleCoverage(titles: readonly string[], words: readonly string[]): number {
  return Math.max(0, ...titles.map((t) => titleScore(t, words)));
}

/** A window number asked for: 32号窗口, 窗口32, 32号. The person there answers it best. */
export function isWindowQuery(query: NormalisedQuery): boolean {
  return /^(?:\d+号?窗口|窗口\d+号?|\d+号)$/.test(query.words.join(''));
}

/** What a Pagefind sub-result (a section of a page, under a heading) says about its matches. */
export interface MatchedSection {
  anchor?: { id: string };
  title: string;
  plain_excerpt: string;
  weighted_locations?: ReadonlyArray<{ balanced_score: number }>;
}

/** An element of a page with an id, as Pagefind records it: where its text starts a section. */
export interface PageAnchor {
  id: string;
  text?: string;
  location: number;
}

/**
 * The text of each section of a page, by the id that starts it: from that
 * element's text in the page's content to the next such element's.
 */
export function sectionTexts(content: string, anchors: readonly PageAnchor[]): Map<string, string> {
  const starts: Array<{ id: string; at: number }> = [];
  let from = 0;
  for (const a of [...anchors].sort((x, y) => x.location - y.location)) {
    const at = a.text ? content.indexOf(a.text, from) : -1;
    if (at < 0) continue;
    starts.push({ id: a.id, at });
    from = at + (a.text?.length ?? 0);
  }
  return new Map(starts.map((s, i) => [s.id, content.slice(s.at, starts[i + 1]?.at ?? content.length)]));
}

/**
 * The section that answers the query best (a post on a duties page, a
 * pledge on a pledges page), among the sections under a heading: the one
 * whose text holds most of the query's words (as `titleScore` counts
 * them), then the one Pagefind scores highest, then the first. Pagefind
 * lists sections in page order, and its scores favour a heading that holds
 * a single common character of the query (保 of 欺诈骗保, in 社保医保窗口)
 * over a section that holds the whole phrase. `texts` are the sections'
 * texts (`sectionTexts`); without one, a section's heading and excerpt.
 */
export function bestSection<T extends MatchedSection>(sections: readonly T[], words: readonly string[], texts: ReadonlyMap<string, string> = new Map()): T | undefined {
  return sections
    .filter((s) => s.anchor)
    .map((s, i) => ({
      s,
      i,
      words: titleScore(texts.get(s.anchor?.id ?? '') ?? `${s.title} ${s.plain_excerpt}`, words),
      pagefind: (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0),
    }))
    .sort((a, b) => b.words - a.words || b.pagefind - a.pagefind || a.i - b.i)[0]?.s;
}
