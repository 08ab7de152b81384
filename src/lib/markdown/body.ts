/**
 * Positions inside a content file for findings in a Markdown body or inside
 * a YAML value, so that a problem points at the exact line and column of
 * the offending text, not just at its field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedEntry } from '../content/entry.ts';
import type { Position, SourceFile } from '../content/source.ts';

/** Line starts of `text`, for offset → line/column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and column (1-based, in UTF-16 units like the YAML positions) of `offset` in a text with the given line starts. */
function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
}

/**
 * Maps offsets in an entry's Markdown body to positions in its file. The
 * body is what follows the front matter (gray-matter gives exactly the rest
 * of the file), so the file is read to learn where it starts: when the
 * first position is asked for, since most bodies have nothing to report and
 * a province has 35,000 of them. `undefined` when the entry has no body;
 * the positions are `undefined` when the file cannot be read (then only the
 * file is named).
 */
export function bodyPositions(entry: CheckedEntry, contentDir: string): ((offset: number) => Position | undefined) | undefined {
  const body = entry.body;
  if (body === undefined) return undefined;
  let map: ((offset: number) => Position) | undefined;
  let read = false;
  return (offset) => {
    if (!read) {
      read = true;
      map = mapBody(body, join(contentDir, entry.file));
    }
    return map?.(offset);
  };
}

function mapBody(body: string, file: string): ((offset: number) => Position) | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  const at = text.endsWith(body) ? text.length - body.length : text.lastIndexOf(body);
  if (at < 0) return undefined;
  const starts = lineStarts(text);
  return (offset) => positionIn(starts, at + offset);
}

/**
 * The position of the `occurrence`-th appearance of `needle` inside the
 * value at `path`, found in the value's text as written (quotes, folded
 * lines and all). Falls back to the start of the value when the text was
 * escaped in a way that hides it.
 */
export function positionInValue(source: SourceFile, path: readonly PropertyKey[], needle: string, occurrence = 0): Position {
  const { position } = source.locate(path);
  const raw = source.rawText(path);
  if (raw === undefined || needle === '') return position;
  let at = raw.indexOf(needle);
  for (let k = 0; k < occurrence && at !== -1; k++) at = raw.indexOf(needle, at + 1);
  if (at === -1) return position;
  const before = raw.slice(0, at);
  const newline = before.lastIndexOf('\n');
  if (newline === -1) return { line: position.line, column: position.column + at };
  return { line: position.line + (before.match(/\n/g)?.length ?? 0), column: at - newline };
}

/** How many times `needle` appears in `text` before `index`: which occurrence the one at `index` is. */
export function occurrenceAt(text: string, needle: string, index: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && at < index; at = text.indexOf(needle, at + 1)) count++;
  return count;
}
