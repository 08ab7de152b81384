/**
 * What counts as a gap in a content file: the explicit 未公布 / 待填写
 * values (src/schemas/common.ts), and text that stands in for a fact instead
 * of stating it (原文未写, 待补充, xxx, 同上, ……). The checker warns about
 * each (./rules/gaps.ts) and the completeness report never counts one as
 * filled (./completeness.ts). Pure functions over values; nothing here reads
 * files.
 */
import { isNotStated, NOT_STATED, type NotStated } from '#schemas/common.ts';

/** The written forms of the two "not stated" values, as they stand in a file or in text a schema kept as text. */
const NOT_STATED_WORDS = new Map<string, NotStated>(Object.entries(NOT_STATED).map(([key, word]) => [word, key as NotStated]));

/**
 * Which "not stated" value `value` is, whether the schema turned it into its
 * key (`unfilled`) or kept it as text (待填写 in a text field that does not
 * take the explicit values yet).
 */
export function notStatedOf(value: unknown): NotStated | undefined {
  if (isNotStated(value)) return value;
  if (typeof value !== 'string') return undefined;
  return NOT_STATED_WORDS.get(value.trim());
}

/** Values that say nothing when they are the whole field: 暂无, 略, 待定, a dash. */
const EMPTY_WORDS = /^(?:无|暂无|略|待定|不详|见上|详见上文|n\/?a|null|none|[-—–/\\.。…？?]+)$/i;

/**
 * Words that stand in for a fact wherever they appear, inside a longer text
 * too: "待填写受理条件" is not a condition, "收费 xxx 元" is not a fee.
 * Each with the words a message shows.
 */
const STAND_INS: ReadonlyArray<{ pattern: RegExp; word: (match: string) => string }> = [
  { pattern: /原文(?:未|没有?)写(?:明)?/, word: (m) => m },
  { pattern: /待(?:补充|完善|填写|填|核实|确认)/, word: (m) => m },
  { pattern: /未填写/, word: (m) => m },
  { pattern: /同上/, word: (m) => m },
  { pattern: /(?<![a-z])[xX×ｘＸ]{3,}(?![a-z])/, word: (m) => m },
  { pattern: /(?<![A-Za-z])(?:TBD|TODO|FIXME)(?![A-Za-z])/, word: (m) => m },
  { pattern: /……|\.{3,}|…/, word: () => '……' },
];

/**
 * The placeholder a text holds instead of a fact (the words found), or
 * undefined when it reads as a real statement. The two "not stated" values
 * on their own are not placeholders here: they are the honest way to say it
 * (see notStatedOf).
 */
export function placeholderIn(value: string): string | undefined {
  const text = value.trim();
  if (text === '' || NOT_STATED_WORDS.has(text)) return undefined;
  if (EMPTY_WORDS.test(text)) return text;
  for (const { pattern, word } of STAND_INS) {
    const match = pattern.exec(text);
    if (match) return word(match[0]);
  }
  return undefined;
}

/**
 * Every placeholder in a running text (a paragraph or list item of a
 * Markdown body), with the offset where it is written: the words that stand
 * in for a fact wherever they appear, and a whole text that says nothing
 * (暂无。, 略). Words like 暂无 inside a sentence ("暂无收费项目") state
 * something and are left alone.
 */
export function placeholdersInText(text: string): Array<{ index: number; words: string }> {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const bare = trimmed.replace(/[。．.！!；;，,]+$/, '');
  if (bare !== '' && !NOT_STATED_WORDS.has(bare) && EMPTY_WORDS.test(bare)) return [{ index: text.indexOf(trimmed), words: bare }];
  const found: Array<{ index: number; words: string }> = [];
  for (const { pattern, word } of STAND_INS) {
    const all = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of text.matchAll(all)) found.push({ index: match.index, words: word(match[0]) });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** True when a single value is a gap: 未公布, 待填写, or a placeholder text. */
export function isGapValue(value: unknown): boolean {
  if (notStatedOf(value) !== undefined) return true;
  return typeof value === 'string' && placeholderIn(value) !== undefined;
}

/** True when `value` or anything inside it (list items, fields of an object) is a gap. */
export function containsGap(value: unknown): boolean {
  if (isGapValue(value)) return true;
  if (Array.isArray(value)) return value.some(containsGap);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).some(containsGap);
  return false;
}

/** Present, not empty, and with no gap anywhere inside: what the completeness report counts as filled. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value) && value.length === 0) return false;
  return !containsGap(value);
}

/** One gap found in a file's data, by its path. */
export interface Gap {
  path: PropertyKey[];
  /** `not-published` (未公布), `unfilled` (待填写), or `placeholder` (a text standing in for a fact). */
  kind: NotStated | 'placeholder';
  /** For a placeholder: the words found. */
  words?: string;
}

/**
 * Every gap in a file's data as written, depth first in the file's order.
 * Walks the data as read from the file, so that each path can be located
 * at its line and column.
 */
export function findGaps(data: unknown, path: PropertyKey[] = []): Gap[] {
  const notStated = notStatedOf(data);
  if (notStated) return [{ path, kind: notStated }];
  if (typeof data === 'string') {
    const words = placeholderIn(data);
    return words === undefined ? [] : [{ path, kind: 'placeholder', words }];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => findGaps(item, [...path, i]));
  if (data !== null && typeof data === 'object' && !(data instanceof Date)) return Object.entries(data).flatMap(([key, item]) => findGaps(item, [...path, key]));
  return [];
}
