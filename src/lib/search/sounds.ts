/**
 * Sound-alike correction for the search page. Residents type names and
 * titles by ear: 林小文 for 林晓雯, 抵压登记 for 抵押登记, 医保抱销 for 医保报销,
 * 预约挂好 for 预约挂号. When a query finds little, the page loads the sound
 * data the build wrote (sound-data.ts: the words of the site's titles and
 * names, and the pinyin syllables of common characters) and rewrites each
 * stretch of the query that sounds like the beginning of one of those words
 * into that word, which it then searches. Runs in the browser; no pinyin
 * library is shipped: the build did the reading.
 */

/** Where the build writes the sound data, below the base path (src/pages/search/sounds.json.ts). */
export const SOUNDS_PATH = 'search/sounds.json';

/** What the build writes (SOUNDS_PATH). */
export interface SoundData {
  /** Each syllable (pinyin without tones) with the characters read that way: "xiao": "小晓校笑…". */
  syllables: Record<string, string>;
  /** The words of titles and names, and of synonym groups: 林晓雯, 抵押, 挂号… */
  words: string[];
}

export interface SoundIndex {
  readings: Map<string, Set<number>>;
  words: string[][];
}

/** The data in the form the matching reads: each character's readings, each word's characters. */
export function soundIndex(data: SoundData): SoundIndex {
  const readings = new Map<string, Set<number>>();
  Object.values(data.syllables).forEach((chars, id) => {
    for (const c of chars) {
      const set = readings.get(c);
      if (set) set.add(id);
      else readings.set(c, new Set([id]));
    }
  });
  return { readings, words: data.words.map((w) => [...w]) };
}

const HAN = /\p{Script=Han}/u;

function soundsLike(a: string, b: string, readings: SoundIndex['readings']): boolean {
  if (a === b) return true;
  const ra = readings.get(a);
  const rb = readings.get(b);
  if (!ra || !rb) return false;
  for (const r of ra) if (rb.has(r)) return true;
  return false;
}

/**
 * `text` with every stretch of two or more Chinese characters that sounds
 * like the beginning of a known word (all of it, or its first characters)
 * replaced by that word's characters: the longest such stretch at each
 * place, then the one with most characters already right. Other characters
 * stay as typed. Returns `text` unchanged when nothing sounds like a known
 * word or everything already is one.
 */
export function soundAlike(text: string, index: SoundIndex): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length;) {
    if (!HAN.test(chars[i] as string)) {
      out += chars[i];
      i++;
      continue;
    }
    let best: { n: number; same: number; word: string[] } | undefined;
    for (const word of index.words) {
      let n = 0;
      let same = 0;
      while (n < word.length && i + n < chars.length && soundsLike(chars[i + n] as string, word[n] as string, index.readings)) {
        if (chars[i + n] === word[n]) same++;
        n++;
      }
      if (n < 2) continue;
      if (!best || n > best.n || (n === best.n && same > best.same)) best = { n, same, word };
    }
    if (best) {
      out += best.word.slice(0, best.n).join('');
      i += best.n;
    } else {
      out += chars[i];
      i++;
    }
  }
  return out;
}
