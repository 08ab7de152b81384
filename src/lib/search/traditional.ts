/**
 * Traditional and simplified Chinese, at build time with opencc-js.
 *
 * Citizens from Hong Kong, Macao and Taiwan type traditional characters
 * (醫保報銷). Shipping a converter to every searcher would cost about 50 KB,
 * so the build derives a small map instead, from the site's own text:
 *
 * - Characters. The text is converted to traditional (phrase by phrase, for
 *   Hong Kong, Taiwan and standard forms), and each traditional character
 *   is recorded with the simplified one it stands for. A query is mapped
 *   back character by character; characters the site never uses cannot
 *   match anyway.
 * - Phrases. Taiwan and Hong Kong often use another word, not just other
 *   characters: 資訊 for 信息, 影印 for 复印, 簡訊 for 短信, 身分證 for 身份证.
 *   Character by character these read 资讯, 影印, 简讯, 身分证, which the
 *   site does not contain. For each word of the site that has such a
 *   regional form, the map holds the regional form → the site's word, but
 *   only when the character-by-character reading finds nothing on the site,
 *   so a word the site does use is never rewritten.
 *
 * Pages written in traditional characters get their simplified form added
 * to the index, so simplified queries find them too.
 */
import * as ToTraditional from 'opencc-js/cn2t';
import * as ToSimplified from 'opencc-js/t2cn';
import { toSimplified } from './query.ts';

type Convert = (text: string) => string;

// Converting from simplified loads OpenCC's large phrase dictionary, once
// per converter; so the text is converted to standard traditional once, and
// the regional forms are derived from that with their small dictionaries.
const toStandard: Convert = ToTraditional.Converter({ from: 'cn', to: 't' });
const fromStandard = (to: string): Convert => ToTraditional.Converter({ from: 't', to });
const hk = fromStandard('hk');
const tw = fromStandard('tw');

/** Traditional forms that change characters (and a few variant phrases) but keep words: standard, Hong Kong, Taiwan. */
const characterForms: ReadonlyArray<Convert> = [(t) => t, hk, tw];
/**
 * Regional wordings, each with the character-only form it goes beyond:
 * where the two differ, the region uses another word.
 */
const phraseForms: ReadonlyArray<[wording: Convert, characters: Convert]> = [
  [fromStandard('twp'), tw],
  [fromStandard('hkp'), hk],
];
const toSimplifiedText = ToSimplified.Converter({ from: 't', to: 'cn' });

/**
 * Taiwan wordings for things a service hall asks for that OpenCC's
 * dictionaries do not convert (身分 is also a mainland word, so OpenCC
 * keeps it): [the site's word, the regional word]. Used like OpenCC's
 * phrases, only when the site has the first word.
 */
export const REGIONAL_WORDINGS: ReadonlyArray<readonly [string, string]> = [
  ['身份', '身分'], // 身分證, 身分證明
  ['复印件', '影本'], // 身分證影本
  ['户口簿', '戶口名簿'],
];

/** The longest regional wording looked at, in characters (门户网站 → 入口網站 is four). */
const MAX_PHRASE = 6;

/**
 * Map of traditional → simplified for the text of the site: single
 * characters, and regional phrases (see the module comment). The browser
 * reads a query with it through `toSimplified`.
 */
export function traditionalMap(texts: Iterable<string>): Record<string, string> {
  const collector = new TraditionalCollector();
  for (const text of texts) collector.add(text);
  return collector.map();
}

/**
 * The text of a whole site, fed page by page, kept as its distinct runs
 * (stretches of non-ASCII, non-space characters, counted): the map is
 * derived from them at the end.
 *
 * Why runs: a province's site has tens of thousands of pages whose text
 * repeats (the same services, duties and pledges in every county), so
 * keeping each run once bounds memory by the distinct text, not by the page
 * count, and OpenCC, which is slow, converts each run once. Nothing is lost:
 * OpenCC's conversions only change Chinese characters and match phrases
 * made of them, which never span a space or an ASCII character; a query
 * for a traditional word is Chinese characters only, so whether the site
 * contains its simplified reading is decided within one run.
 */
export class TraditionalCollector {
  readonly #runs = new Map<string, number>();

  /** Adds the text of one page. */
  add(text: string): void {
    // eslint-disable-next-line no-control-regex -- runs of characters outside ASCII
    for (const run of text.match(/[^\s\x00-\x7f]+/gu) ?? []) this.#runs.set(run, (this.#runs.get(run) ?? 0) + 1);
  }

  /** Distinct runs kept so far (for figures and tests). */
  get size(): number {
    return this.#runs.size;
  }

  /** The map for everything added. */
  map(): Record<string, string> {
    const characters = characterMap(this.#runs);
    return { ...characters, ...phraseMap(this.#runs.keys(), characters) };
  }
}

/**
 * Map of traditional character → simplified character, for the characters
 * of `texts`, each text counted as many times as given (a map of text →
 * count, or a list in which each text counts once).
 */
export function characterMap(texts: Iterable<string> | ReadonlyMap<string, number>): Record<string, string> {
  const counted: Iterable<readonly [string, number]> = texts instanceof Map ? texts : [...(texts as Iterable<string>)].map((t) => [t, 1] as const);
  const votes = new Map<string, Map<string, number>>();
  for (const [text, count] of counted) {
    const standard = toStandard(text);
    const original = [...text];
    for (const form of characterForms) {
      const converted = [...form(standard)];
      // These conversions keep the length of the text; align character by character.
      if (converted.length !== original.length) continue;
      original.forEach((s, i) => {
        const t = converted[i] as string;
        if (t === s) return;
        let counts = votes.get(t);
        if (!counts) votes.set(t, (counts = new Map()));
        counts.set(s, (counts.get(s) ?? 0) + count);
      });
    }
  }
  const map: Record<string, string> = {};
  // A traditional character that stands for two simplified ones in this
  // text (rare: 乾 for 干 and 乾) maps to the more frequent.
  for (const [t, counts] of [...votes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    map[t] = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? t;
  }
  return map;
}

/**
 * Regional phrase → the site's word, for words of `texts` that Taiwan or
 * Hong Kong write with another word, when `characters` alone would read
 * that word as something the site does not contain.
 */
export function phraseMap(texts: Iterable<string>, characters: Readonly<Record<string, string>>): Record<string, string> {
  const corpus = [...texts].join('\n');
  const map: Record<string, string> = { ...characters };
  const phrases: Record<string, string> = {};
  const consider = (word: string, regional: string) => {
    const read = toSimplified(regional, map);
    // Already read right, or read as a word the site does use: leave it.
    if (read === word || corpus.includes(read)) return;
    map[regional] = word;
    phrases[regional] = word;
  };

  // Only runs where a regional wording differs from the characters can hold such words.
  const runs = new Set<string>();
  for (const run of new Set(corpus.match(/\p{Script=Han}{2,}/gu))) {
    const standard = toStandard(run);
    if (phraseForms.some(([wording, characters]) => wording(standard) !== characters(standard))) runs.add(run);
  }
  const words = new Set<string>();
  for (const run of runs) {
    const c = [...run];
    for (let n = 2; n <= MAX_PHRASE; n++) for (let i = 0; i + n <= c.length; i++) words.add(c.slice(i, i + n).join(''));
  }
  // Shortest first. A longer word whose regional form only repeats that of
  // a shorter one inside it (上设置 → 上設定, from 设置 → 設定) is no phrase of
  // its own; one whose form is new (打印机 → 印表機) is.
  const ordered = [...words].sort((a, b) => [...a].length - [...b].length || (a < b ? -1 : 1));
  const changed = new Map<string, string[]>();
  for (const word of ordered) {
    const standard = toStandard(word);
    for (const [wording, plain] of phraseForms) {
      const regional = wording(standard);
      if (regional === plain(standard)) continue;
      if (insideWords(word).some((inner) => changed.get(inner)?.some((r) => regional.includes(r)))) continue;
      changed.set(word, [...(changed.get(word) ?? []), regional]);
      consider(word, regional);
    }
  }
  for (const [word, regional] of REGIONAL_WORDINGS) {
    if (corpus.includes(word)) consider(word, regional);
  }
  return phrases;
}

/** The words of two or more characters inside `word`, shorter than it. */
function insideWords(word: string): string[] {
  const c = [...word];
  const inner: string[] = [];
  for (let n = 2; n < c.length; n++) for (let i = 0; i + n <= c.length; i++) inner.push(c.slice(i, i + n).join(''));
  return inner;
}

/** The simplified form of a text when it contains traditional characters, else undefined. */
export function simplifiedForm(text: string): string | undefined {
  const simplified = toSimplifiedText(text);
  return simplified === text ? undefined : simplified;
}
