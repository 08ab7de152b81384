/**
 * Exact titles. A citizen who types the whole name of a page (社保卡服务岗,
 * a post on a duties page) wants that page first, whatever its kind; the
 * kind weights (kinds.ts) would put the services that mention 社保卡 and 服务
 * above it. Each title is indexed as one hidden word made from a hash of
 * its characters, and the search page looks that word up for what was
 * typed: a page whose title is exactly the query comes back, and goes first.
 *
 * The word is fixed-length and looked up quoted, so no title's word finds
 * another's (Pagefind matches words by their beginning, and cuts a word it
 * does not have shorter until something matches), and made of letters and
 * digits only, so Pagefind keeps it whole. Runs in the browser
 * and at build time.
 */

/**
 * What opens every title word. Pagefind sorts its words and loads the chunk
 * holding the word asked for: a digit puts the title words among the few
 * numbers that start with 9, not among the many pinyin words, so the
 * chunk each query loads for them stays small. (With 'qz' they shared a
 * chunk with qian…, quan…: 15 KB more for the first query at 300 units.)
 */
const PREFIX = '9q';

/** A title as compared: full-width forms folded, lower case, no spaces or punctuation. */
export function titleKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

/** FNV-1a over the UTF-16 code units, as eight base-36 digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Two rounds make 64 bits of which 41 are kept: collisions among a province's titles stay unlikely.
  let g = 0x2f1a9b3d;
  for (let i = text.length - 1; i >= 0; i--) {
    g ^= text.charCodeAt(i);
    g = Math.imul(g, 0x01000193) >>> 0;
  }
  return (h.toString(36).padStart(7, '0') + (g % 36 ** 2).toString(36).padStart(2, '0')).slice(0, 9);
}

/** The index word for a title, or undefined when nothing is left of it. */
export function titleWord(text: string): string | undefined {
  const key = titleKey(text);
  return key.length >= 2 ? `${PREFIX}${hash(key)}` : undefined;
}

/**
 * The index words of a title: the whole of it and, when it ends with a
 * bracketed note or a list after 、, the name before that, which is how
 * people type it (二手房转移登记 for 二手房转移登记（存量房买卖）).
 */
export function titleWords(title: string): string[] {
  const forms = new Set([title, title.replace(/[（(][^）)]*[）)]\s*$/u, ''), title.split(/[、，,]/u)[0] ?? title]);
  return [...new Set([...forms].map(titleWord).filter((w): w is string => w !== undefined))];
}

/**
 * Whether one of `titles` (of results already loaded: a page's title, the
 * headings of its sections that matched) is what was typed, as the index's
 * title words compare them. When one is, the search page has its exact
 * match without looking the title word up: that lookup loads the index
 * chunk of the title words, 7 KB per index on a 300-unit site.
 */
export function titledAs(titles: readonly string[], typed: string): boolean {
  const word = titleWord(typed);
  return word !== undefined && titles.some((t) => titleWords(t).includes(word));
}
