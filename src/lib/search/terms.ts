/**
 * The words a page adds to the search index without showing them: pinyin
 * for its names, synonyms of the words it uses, and the simplified form of
 * any traditional text. They are written into a hidden block between the
 * index-only marks, which excerpts leave out.
 */
import { pinyinTerms } from './pinyin.ts';
import { synonymsToAdd, type SynonymGroups } from './synonyms.ts';
import { simplifiedForm } from './traditional.ts';

export interface TermsInput {
  /** All the visible text of the page or section. */
  text: string;
  /** Names of services, units or posts: pinyin word by word, and initials. */
  names?: string[];
  /** Names of people: pinyin with the surname read as a surname. */
  people?: string[];
  groups: SynonymGroups;
}

/**
 * Index-only words for names, which count as much as a title: their pinyin
 * and initials, and the synonyms of the words in them, so that 身份证补办
 * ranks 居民身份证补领 above pages that merely mention 补办.
 */
export function nameTerms(input: Pick<TermsInput, 'names' | 'people' | 'groups'>): string[] {
  const terms = new Set<string>();
  for (const n of input.names ?? []) for (const t of pinyinTerms(n)) terms.add(t);
  for (const p of input.people ?? []) for (const t of pinyinTerms(p, { person: true })) terms.add(t);
  const names = input.names ?? [];
  // The browser splits a query into words with its own dictionary (ICU),
  // which may cut finer than the index's (医保 → 医 保); the names' words as
  // the browser would cut them let every piece of such a query match here.
  for (const t of [...names, ...synonymsToAdd(names.join(' '), input.groups)]) {
    for (const w of segmentLikeBrowser(t)) terms.add(w);
  }
  return [...terms];
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Words of `text` as the browser's Intl.Segmenter cuts them. */
export function segmentLikeBrowser(text: string): string[] {
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Index-only words for text: synonyms it lacks, and its simplified form if it is traditional. */
export function textTerms(input: Pick<TermsInput, 'text' | 'groups'>): string[] {
  const simplified = simplifiedForm(input.text);
  const terms = synonymsToAdd(simplified ? `${input.text} ${simplified}` : input.text, input.groups);
  return simplified ? [...terms, simplified] : terms;
}
