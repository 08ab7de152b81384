/**
 * Synonyms that publicity staff keep in `synonyms.txt` in the content folder,
 * one group per line: 户口 ~ 户籍, 身份证、居民身份证, 医保 医疗保险. A page that
 * contains any word of a group is also found by the others, so a citizen who
 * types the everyday word (孩子, 补办, 医保) reaches the page written in the
 * official one (新生儿, 补领, 医疗保险).
 */
import { LIMITS } from '../content/limits.ts';
import type { Problem } from '../content/problem.ts';

export const SYNONYMS_FILE = 'synonyms.txt';

export type SynonymGroups = string[][];

/** Separators people use between words: ~, 、, commas, =, spaces (ASCII or full width). */
const SEPARATOR = /\s*(?:~|～|、|，|,|=|＝|\s)\s*/u;

/**
 * Reads a synonyms file; problems name the line. Blank lines and lines
 * starting with # are skipped. A line starting with ! lists words whose
 * groups in the default list (default-synonyms.ts) are dropped.
 */
export function parseSynonyms(text: string, file = SYNONYMS_FILE): { groups: SynonymGroups; problems: Problem[]; dropped: string[] } {
  const groups: SynonymGroups = [];
  const problems: Problem[] = [];
  const dropped: string[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || total > LIMITS.synonymWords) return;
      if (/^[!！]/u.test(line)) {
        for (const w of line.slice(1).split(SEPARATOR)) if (w.trim()) dropped.push(w.trim().toLowerCase());
        return;
      }
      const words = [
        ...new Set(
          line
            .split(SEPARATOR)
            .map((w) => w.trim().toLowerCase())
            .filter(Boolean),
        ),
      ];
      total += words.length;
      if (total > LIMITS.synonymWords) {
        problems.push({
          severity: 'error',
          kind: 'synonyms-too-many',
          file,
          line: i + 1,
          column: 1,
          message: `同义词太多：到这一行已超过 ${LIMITS.synonymWords.toLocaleString('en-US')} 个词的上限（这一行和后面的都不会用）`,
          fix: '只留下群众真会用来搜索的说法，删掉重复和不常用的词；同义词表通常几十到几百个词就够了',
        });
        return;
      }
      if (words.length < 2) {
        problems.push({
          severity: 'error',
          kind: 'synonyms-single',
          file,
          line: i + 1,
          column: 1,
          message: `这一行只有一个词“${words[0] ?? line}”，同义词至少要两个`,
          fix: '在同一行写出意思相同的词，用 ~ 隔开，例如：户口 ~ 户籍',
        });
        return;
      }
      for (const w of words) {
        const earlier = seen.get(w);
        if (earlier !== undefined) {
          problems.push({
            severity: 'warning',
            kind: 'synonyms-repeated',
            file,
            line: i + 1,
            column: raw.indexOf(w) + 1,
            message: `“${w}”在第 ${earlier} 行也出现了，两组会合并使用`,
            fix: '把两行合成一行',
          });
        } else {
          seen.set(w, i + 1);
        }
      }
      groups.push(words);
    });
  return { groups: mergeGroups(groups), problems, dropped };
}

/**
 * The groups a site searches with: the default list without the groups
 * holding a word the organisation dropped, then the organisation's own.
 * The two lists are not merged into each other (see default-synonyms.ts).
 */
export function withDefaults(defaults: SynonymGroups, own: { groups: SynonymGroups; dropped: readonly string[] }): SynonymGroups {
  const drop = new Set(own.dropped);
  return [...defaults.filter((g) => !g.some((w) => drop.has(w))), ...own.groups];
}

/** Groups that share a word become one group, words in the order they first appear. */
export function mergeGroups(groups: SynonymGroups): SynonymGroups {
  const merged: string[][] = [];
  for (const group of groups) {
    const overlapping = merged.filter((m) => group.some((w) => m.includes(w)));
    const target = overlapping[0] ?? [];
    if (overlapping.length === 0) merged.push(target);
    for (const other of overlapping.slice(1)) {
      for (const w of other) if (!target.includes(w)) target.push(w);
      merged.splice(merged.indexOf(other), 1);
    }
    for (const w of group) if (!target.includes(w)) target.push(w);
  }
  return merged;
}

/**
 * The words to add to a page's index so that its synonyms find it: every
 * word of a group of which the text contains some word, that the text does
 * not already contain.
 */
export function synonymsToAdd(text: string, groups: SynonymGroups): string[] {
  const lower = text.toLowerCase();
  const add = new Set<string>();
  for (const group of groups) {
    if (!group.some((w) => lower.includes(w))) continue;
    for (const w of group) if (!lower.includes(w)) add.add(w);
  }
  return [...add];
}

/** The words whose synonyms should be highlighted too, for a word of a query. */
export function synonymsOf(word: string, groups: SynonymGroups): string[] {
  const w = word.toLowerCase();
  return groups.find((g) => g.includes(w))?.filter((x) => x !== w) ?? [];
}
