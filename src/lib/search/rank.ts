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

/** A window number asked for: 32号窗口, 窗口32, 32号. The person there answers it best. */
export function isWindowQuery(query: NormalisedQuery): boolean {
  return /^(?:\d+号?窗口|窗口\d+号?|\d+号)$/.test(query.words.join(''));
}
