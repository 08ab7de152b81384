/**
 * What a citizen typed, made into what the index understands. Runs in the
 * browser (the search page) and in tests; it has no Node imports.
 *
 * - Full-width letters and digits become half-width (ＢＤＣ, １２号).
 * - Traditional characters become simplified, through the map the build
 *   derived from the site's own text (醫保報銷 → 医保报销), and Taiwan and
 *   Hong Kong wordings become the site's words (病歷影印 → 病历复印).
 * - Digit groups are joined (phone numbers as dialled); punctuation becomes space.
 * - Words that carry no meaning for the search (怎么办, 在哪里, 请问…) are
 *   dropped, so 身份证丢了怎么办 searches 身份证 丢. Pagefind requires every
 *   word of a query to match, so such words would otherwise hide the answer.
 * - Latin letters only: pinyin or initials. Spaces are removed (zhang xiao
 *   ming → zhangxiaoming), because names are indexed as whole words.
 */

import { joinDigitGroups } from './numbers.ts';

export interface NormalisedQuery {
  /** What to hand to Pagefind; empty when nothing searchable is left. */
  text: string;
  /** The runs of text searched, for marking and for the fallback search. */
  words: string[];
  /** The query is Latin letters only: pinyin or pinyin initials. */
  pinyin: boolean;
}

/**
 * Phrases that only frame a question. Longer phrases are removed from the
 * text before it is split into words (怎么办 would otherwise split into 怎么
 * and 办, and 办 is part of 补办); single words only where they stand alone.
 */
export const FILLER_PHRASES = [
  '请问一下',
  '麻烦问一下',
  '想问一下',
  '问一下',
  '你好',
  '您好',
  '怎么办理',
  '怎么办',
  '怎么样',
  '在哪里',
  '在哪儿',
  '去哪里',
  '去哪儿',
  '在哪',
  '去哪',
  '哪里',
  '哪儿',
  '怎么',
  '怎样',
  '如何',
  '请问',
  '什么',
  '哪些',
  '能不能',
  '可不可以',
  '要不要',
  '需不需要',
  '多长时间',
  '不小心',
  '应该',
];
/**
 * Words dropped only where they stand alone as a word of the query (办 of
 * 给他办出生证明, never of 办理 or 补办; 开 of 开出生证, never of 开药): the
 * speaker, the frame of a spoken sentence, and what every guide says
 * anyway (准备, 东西, 手续).
 */
export const FILLER_WORDS = [
  '吗',
  '呢',
  '吧',
  '啊',
  '的',
  '了',
  '我',
  '我要',
  '我想',
  '我家',
  '我的',
  '想',
  '要',
  '需要',
  '可以',
  '能',
  '啥',
  '咨询',
  '一下',
  '刚',
  '刚刚',
  '给',
  '他',
  '她',
  '办',
  '开',
  '准备',
  '东西',
  '带',
  '去',
  '现在',
  '个',
  '一个',
  '一本',
  '一张',
  '该',
  '先',
  '提前',
  '明天',
  '今天',
  '麻烦',
  '问',
  '时候',
];

/**
 * Particles and the speaker, dropped wherever they stand: no word of a
 * guide is cut into 我 and a neighbour (我买了个二手房 is 买 二手房).
 */
const PARTICLES = new Set(['吗', '呢', '吧', '啊', '的', '了', '我', '他', '她']);

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh-CN', { granularity: 'word' }) : undefined;

/**
 * The runs of text left after framing words are cut out: 补办身份证需要材料 →
 * 补办身份证, 材料. Runs are kept whole, so Pagefind splits them into words
 * exactly as it would have split the query.
 */
function runsWithout(text: string, filler: ReadonlySet<string>): string[] {
  if (!segmenter) return text.split(/\s+/).filter((w) => w && !filler.has(w));
  const segments = [...segmenter.segment(text)];
  // A one-character filler beside a one-character word may be half of a
  // word the dictionary cut in two (补 办 of 补办, 挂 号): it stays.
  const single = (i: number) => {
    const s = segments[i];
    return s !== undefined && s.isWordLike && [...s.segment].length === 1 && !filler.has(s.segment);
  };
  const dropped = (i: number) => {
    const s = segments[i] as Intl.SegmentData;
    if (!filler.has(s.segment)) return false;
    if ([...s.segment].length > 1 || PARTICLES.has(s.segment)) return true;
    return !single(i - 1) && !single(i + 1);
  };
  const runs: string[] = [];
  let run = '';
  segments.forEach((s, i) => {
    if (s.isWordLike && !dropped(i)) {
      run += s.segment;
      return;
    }
    if (run) runs.push(run);
    run = '';
  });
  if (run) runs.push(run);
  return runs;
}

/** Words of two or more characters inside `text`, for marking in excerpts. */
export function wordsOf(text: string): string[] {
  return allWordsOf(text).filter((w) => [...w].length > 1);
}

/** Every word inside `text`, single characters included. */
export function allWordsOf(text: string): string[] {
  if (!segmenter) return [text];
  return [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/**
 * The words to search one by one when no page has them all (房产证丢 →
 * 房产, 证, 丢): pages are then ranked by how many they contain.
 */
export function fallbackWords(query: NormalisedQuery): string[] {
  if (query.pinyin) return [];
  const words = [...new Set(query.words.flatMap(allWordsOf))];
  return words.length > 1 ? words : [];
}

/**
 * `text` with traditional characters and regional phrases replaced by the
 * site's simplified ones, through the map the build derived
 * (traditional.ts). At each place the longest phrase of the map wins
 * (病歷影印 → 病历复印); other characters are mapped one by one.
 */
export function toSimplified(text: string, traditional: Readonly<Record<string, string>>): string {
  let longest = 1;
  for (const key of Object.keys(traditional)) longest = Math.max(longest, key.length);
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length;) {
    let n = Math.min(longest, chars.length - i);
    for (; n > 1; n--) {
      const phrase = traditional[chars.slice(i, i + n).join('')];
      if (phrase !== undefined) {
        out += phrase;
        break;
      }
    }
    if (n <= 1) out += traditional[chars[i] as string] ?? chars[i];
    i += n;
  }
  return out;
}

export function normaliseQuery(raw: string, traditional: Readonly<Record<string, string>> = {}): NormalisedQuery {
  // A phone number as dialled: its groups joined (0570-6031 2201 → 057060312201), as the index holds it.
  const cleaned = joinDigitGroups(toSimplified(raw.normalize('NFKC').toLowerCase(), traditional))
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return { text: '', words: [], pinyin: false };
  if (/^[a-z ]+$/.test(cleaned)) {
    const joined = cleaned.replace(/ /g, '');
    return { text: joined, words: [joined], pinyin: true };
  }
  let framed = cleaned;
  for (const phrase of FILLER_PHRASES) framed = framed.split(phrase).join(' ');
  const runs = runsWithout(framed, new Set(FILLER_WORDS));
  // A query made only of framing words is searched as typed.
  const chosen = runs.length > 0 ? runs : cleaned.split(' ');
  return { text: chosen.join(' '), words: chosen, pinyin: false };
}
