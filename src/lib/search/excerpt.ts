/**
 * The excerpt under a search result: a window of the page's visible text
 * around the words searched for, with those words marked. Returned as pieces
 * of plain text so that the page builds it with text nodes, never HTML.
 */

/** The index-only block of a page (pinyin, synonyms) sits between these marks. */
export const INDEX_ONLY_START = '⟦';
export const INDEX_ONLY_END = '⟧';

export interface ExcerptPiece {
  text: string;
  mark: boolean;
}

/**
 * The visible text of an indexed page or section: without its index-only
 * blocks, also where a block is cut off at either end (Pagefind's section
 * excerpts may begin or end inside one).
 */
export function visibleText(content: string): string {
  let text = content.replace(new RegExp(`${INDEX_ONLY_START}[^${INDEX_ONLY_END}]*${INDEX_ONLY_END}`, 'g'), ' ');
  const end = text.indexOf(INDEX_ONLY_END);
  const start = text.indexOf(INDEX_ONLY_START);
  if (end >= 0 && (start < 0 || end < start)) text = text.slice(end + 1);
  const open = text.indexOf(INDEX_ONLY_START);
  if (open >= 0) text = text.slice(0, open);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Up to `length` characters of `content`'s visible text, placed to show as
 * many different `words` as possible (earliest such place), with every
 * occurrence of them marked. Longer words are marked in preference to the
 * shorter words they contain.
 */
export function makeExcerpt(content: string, words: readonly string[], length = 80): ExcerptPiece[] {
  const text = visibleText(content);
  const lower = text.toLowerCase();
  const wanted = [...new Set(words.map((w) => w.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const hits: Array<{ at: number; end: number; word: string }> = [];
  for (const word of wanted) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      if (!hits.some((h) => at < h.end && at + word.length > h.at)) hits.push({ at, end: at + word.length, word });
    }
  }
  hits.sort((a, b) => a.at - b.at);

  let start = 0;
  let best = -1;
  for (const h of hits) {
    const from = Math.max(0, h.at - 10);
    const covered = new Set(hits.filter((x) => x.at >= from && x.end <= from + length).map((x) => x.word)).size;
    if (covered > best) {
      best = covered;
      start = from;
    }
  }
  const end = Math.min(text.length, start + length);
  const pieces: ExcerptPiece[] = [];
  if (start > 0) pieces.push({ text: '…', mark: false });
  let at = start;
  for (const h of hits) {
    if (h.at < start || h.end > end) continue;
    if (h.at > at) pieces.push({ text: text.slice(at, h.at), mark: false });
    pieces.push({ text: text.slice(h.at, h.end), mark: true });
    at = h.end;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  if (end < text.length) pieces.push({ text: '…', mark: false });
  return pieces;
}
