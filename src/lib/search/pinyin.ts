/**
 * Pinyin for names, so that people who type pinyin or its initials on a phone
 * find them: `budongchan` and `bdc` for 不动产…, `zxm` for 张晓明. Used at
 * build time only; the words are added to the page's search index.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /\p{Script=Han}/u;

function syllables(text: string, surname: boolean): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, ...(surname ? { surname: 'head' } : {}) })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
}

/**
 * Index words for a name: the whole name in pinyin (zhangxiaoming), each word
 * in pinyin (zhang, xiaoming, budongchan, dengji), and initials of the whole
 * and of each word (zxm, bdcdj, bdc). Pagefind matches words by their
 * beginning, so `budong` and `bd` find them too. `person` reads the first
 * character as a surname (单 is shàn, 曾 is zēng).
 */
export function pinyinTerms(name: string, options: { person?: boolean } = {}): string[] {
  // A unit's, a post's and a service's names recur on many pages, and
  // pinyin-pro took 11 s of a province's build (3,500 units) answering the
  // same names again.
  const key = `${options.person ? 'p' : 'n'}${name}`;
  const known = remembered.get(key);
  if (known) return [...known];
  const terms = computeTerms(name, options);
  if (remembered.size >= REMEMBER) remembered.clear();
  remembered.set(key, terms);
  return [...terms];
}

const REMEMBER = 100_000;
const remembered = new Map<string, readonly string[]>();

const wordSegmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

function computeTerms(name: string, options: { person?: boolean }): string[] {
  const han = [...name].filter((c) => HAN.test(c)).join('');
  if (han === '') return [];
  const terms = new Set<string>();
  const whole = syllables(han, options.person ?? false);
  terms.add(whole.join(''));
  terms.add(whole.map((s) => s[0]).join(''));
  if (options.person) {
    // Surname and given name: zhang, xiaoming.
    terms.add(whole[0] ?? '');
    terms.add(whole.slice(1).join(''));
  } else {
    const words = [...wordSegmenter.segment(han)].map((s) => s.segment);
    let at = 0;
    for (const word of words) {
      const parts = whole.slice(at, at + [...word].length);
      at += [...word].length;
      if (parts.length === 0) continue;
      terms.add(parts.join(''));
      if (parts.length > 1) terms.add(parts.map((s) => s[0]).join(''));
      // The rest of the name from this word on, so that bdcdj and dengjick both work.
      terms.add(whole.slice(at - parts.length).join(''));
      terms.add(
        whole
          .slice(at - parts.length)
          .map((s) => s[0])
          .join(''),
      );
    }
  }
  terms.delete('');
  return [...terms];
}
