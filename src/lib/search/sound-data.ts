/**
 * The sound data the search page loads when a query finds little
 * (sounds.ts): the words of the site's titles and names, and for every
 * pinyin syllable those words use, the common characters read that way,
 * so that a character typed by ear (小 for 晓) can be matched to the word
 * it was meant for. Build time only: pinyin-pro reads the characters, and
 * the common characters are the 3,755 of GB2312's first level, decoded
 * with iconv-lite rather than shipped as a list.
 */
import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';
import type { SoundData } from './sounds.ts';

const HAN = /^\p{Script=Han}+$/u;

let common: string | undefined;

/** GB2312's first level: the 3,755 most common characters, rows 16 to 55. */
export function commonCharacters(): string {
  if (common !== undefined) return common;
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xd7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell > 0xf9) break;
      bytes.push(row, cell);
    }
  }
  common = iconv.decode(Buffer.from(bytes), 'gb2312');
  return common;
}

/** Every reading of a character, without tones (长 → chang, zhang). */
function readingsOf(char: string): string[] {
  const r = pinyin(char, { toneType: 'none', type: 'array', multiple: true, v: true });
  return [...new Set(r.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean))];
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * The words of names as the sound matching knows them: every name whole
 * (without a closing bracketed note), and each of its words of two or more
 * characters from its second on, so that 预约挂好 finds 挂号 inside 门诊预约挂号.
 */
export function soundWords(names: readonly string[]): string[] {
  const words = new Set<string>();
  for (const name of names) {
    for (const part of name.replace(/[（(][^）)]*[）)]\s*$/u, '').split(/[^\p{Script=Han}]+/u)) {
      if ([...part].length < 2) continue;
      words.add(part);
      for (const s of segmenter.segment(part)) if ([...s.segment].length >= 2 && HAN.test(s.segment)) words.add(s.segment);
    }
  }
  return [...words].sort();
}

/** The sound data for these words (already cut by soundWords). */
export function buildSoundData(words: readonly string[]): SoundData {
  const bySyllable = new Map<string, Set<string>>();
  const used = new Set<string>();
  const add = (char: string) => {
    for (const r of readingsOf(char)) {
      let set = bySyllable.get(r);
      if (!set) bySyllable.set(r, (set = new Set()));
      set.add(char);
    }
  };
  for (const w of words) {
    for (const c of w) {
      if (used.has(c)) continue;
      used.add(c);
      add(c);
    }
  }
  const syllables = new Set(bySyllable.keys());
  // Common characters, for the syllables the words use only: a character no word could be meant by is left out.
  for (const c of commonCharacters()) {
    if (used.has(c)) continue;
    for (const r of readingsOf(c)) if (syllables.has(r)) bySyllable.get(r)?.add(c);
  }
  const out: Record<string, string> = {};
  for (const s of [...syllables].sort()) out[s] = [...(bySyllable.get(s) ?? [])].join('');
  return { syllables: out, words: [...words] };
}
