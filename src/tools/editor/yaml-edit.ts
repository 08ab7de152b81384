/**
 * Writes what the form holds back into a content file the way a person would
 * have edited it: in place. The file is parsed with the `yaml` package's
 * Document API, which keeps comments, blank lines, quoting and key order;
 * only the values that differ from the form are replaced, keys the form
 * removed are deleted, and new keys are put after their neighbour in the
 * schema's order. A file edited through the form therefore keeps its
 * hand-written comments wherever the form did not change that line.
 *
 * Markdown files keep their body unless the form changed it; only the front
 * matter between the two `---` lines is edited.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml';
import type { FormField, Widget } from './form-config.ts';

/** The YAML reader of the checker (src/lib/content/source.ts): YAML 1.2, dates stay text. */
const PARSE_OPTIONS = { version: '1.2', schema: 'core', merge: false, keepSourceTokens: false } as const;
/** No folding of long Chinese lines, `[a, b]` without inner spaces, lists indented under their key: as the example content is written. */
const STRING_OPTIONS = { lineWidth: 0, flowCollectionPadding: false, indentSeq: true } as const;

/** A short list of short values is written on one line: `times: ["08:30-12:00", "14:00-17:30"]`, `badges: [党员]`. */
const FLOW_LIMIT = 40;

type Data = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface MarkdownParts {
  /** The YAML between the `---` lines, with its final line break. */
  frontMatter: string;
  /** Everything after the closing `---` line. */
  body: string;
}

/** Splits a Markdown file into front matter and body; `undefined` when it has no front matter. */
export function splitMarkdown(text: string): MarkdownParts | undefined {
  const source = text.replace(/^\uFEFF/, '');
  const open = /^---[^\S\r\n]*\r?\n/.exec(source);
  if (!open) return undefined;
  const rest = source.slice(open[0].length);
  const close = /^---[^\S\r\n]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return undefined;
  return { frontMatter: rest.slice(0, close.index), body: rest.slice(close.index + close[0].length) };
}

/** A Markdown file from its parts: `---`, the front matter, `---`, a blank line, the body. */
export function joinMarkdown(frontMatter: string, body: string): string {
  const fm = frontMatter.endsWith('\n') ? frontMatter : `${frontMatter}\n`;
  const text = body.replace(/^\r?\n/, '');
  return `---\n${fm}---\n\n${text.endsWith('\n') || text === '' ? text : `${text}\n`}`;
}

/**
 * `text` (a YAML file, or '' for a new one) with `data` written in: values the
 * form did not change keep their node, comments and quoting. Keys the form
 * does not know (not among `fields`) are left alone, so that nothing the
 * form cannot show is lost.
 */
export function editYaml(text: string, data: Data, fields: readonly FormField[]): string {
  const doc = text.trim() === '' ? new Document({}) : parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw new Error(`YAML syntax: ${doc.errors[0]?.message ?? ''}`);
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as unknown as typeof doc.contents;
  mergeMap(doc, doc.contents as YAMLMap, data, fields);
  return doc.toString(STRING_OPTIONS);
}

/** The data of a YAML text as the form reads it (plain values, dates as text). */
export function readYaml(text: string): unknown {
  if (text.trim() === '') return {};
  return parseDocument(text, PARSE_OPTIONS).toJS();
}

function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function mergeMap(doc: Document, map: YAMLMap, data: Data, fields: readonly FormField[]): void {
  const known = new Set(fields.map((f) => f.key));
  // Keys the form holds no value for any more are deleted; keys it does not know stay.
  map.items = map.items.filter((pair) => {
    const key = keyOf(pair);
    return key === undefined || !known.has(key) || data[key] !== undefined;
  });
  let previous = -1;
  // The schema's order, whatever order the data came in; keys the form does not know after.
  const keys = [...fields.map((f) => f.key).filter((k) => k in data), ...Object.keys(data).filter((k) => !known.has(k))];
  for (const key of keys) {
    const value = data[key];
    if (value === undefined) continue;
    const field = fields.find((f) => f.key === key);
    const index = map.items.findIndex((pair) => keyOf(pair) === key);
    if (index >= 0) {
      const pair = map.items[index] as Pair;
      pair.value = mergeNode(doc, pair.value as Node | null, value, field?.widget);
      previous = index;
    } else {
      // A new key goes after the last key of the form that is already there, in the schema's order.
      const pair = doc.createPair(key, null);
      pair.value = freshNode(doc, value, field?.widget);
      map.items.splice(previous + 1, 0, pair);
      previous += 1;
    }
  }
}

function mergeSeq(doc: Document, seq: YAMLSeq, values: readonly unknown[], widget: Widget | undefined): void {
  const item = widget?.type === 'list' ? widget.item.widget : undefined;
  values.forEach((value, i) => {
    const existing = seq.items[i] as Node | undefined;
    seq.items[i] = existing === undefined ? freshNode(doc, value, item) : mergeNode(doc, existing, value, item);
  });
  seq.items.length = values.length;
}

/** The widget that describes `value` among a choice's options: the list for a list, the number for a number. */
function branchFor(widget: Widget | undefined, value: unknown): Widget | undefined {
  if (widget?.type !== 'choice') return widget;
  for (const option of widget.options) {
    const w = option.field?.widget;
    if (!w) continue;
    if (Array.isArray(value) && w.type === 'list') return w;
    if (typeof value === 'number' && w.type === 'integer') return w;
    if (isPlainObject(value) && w.type === 'object') return w;
    if (typeof value === 'string' && w.type !== 'list' && w.type !== 'object' && w.type !== 'integer') return w;
  }
  return undefined;
}

function mergeNode(doc: Document, node: Node | null, value: unknown, outer: Widget | undefined): Node {
  const widget = branchFor(outer, value);
  if (isMap(node) && isPlainObject(value)) {
    mergeMap(doc, node, value, widget?.type === 'object' ? widget.fields : []);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    mergeSeq(doc, node, value, widget);
    return node;
  }
  if (isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
    if (node.value !== value) {
      node.value = value;
      if (wantsQuotes(widget) && typeof value === 'string') node.type = Scalar.QUOTE_DOUBLE;
    }
    return node;
  }
  // A value of another kind (不收费 becomes a list of fees): a new node, keeping the comments around the old one.
  const fresh = freshNode(doc, value, outer);
  if (node) {
    if (node.commentBefore) fresh.commentBefore = node.commentBefore;
    if (node.comment) fresh.comment = node.comment;
  }
  return fresh;
}

const wantsQuotes = (widget: Widget | undefined) => widget?.type === 'phone' || (widget?.type === 'text' && widget.quote);

/** A node for a value the file did not have, written as the example content writes such values. */
function freshNode(doc: Document, value: unknown, outer: Widget | undefined): Node {
  const widget = branchFor(outer, value);
  if (isPlainObject(value)) {
    const map = doc.createNode({}) as YAMLMap;
    mergeMap(doc, map, value, widget?.type === 'object' ? widget.fields : []);
    return map;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const item = widget?.type === 'list' ? widget.item.widget : undefined;
    for (const v of value) seq.items.push(freshNode(doc, v, item));
    const scalars = value.every((v) => typeof v !== 'object' || v === null);
    if (scalars && value.length > 0 && JSON.stringify(value).length <= FLOW_LIMIT) seq.flow = true;
    return seq;
  }
  const scalar = doc.createNode(value) as Scalar;
  if (typeof value === 'string' && (wantsQuotes(widget) || (widget?.type === 'text' && /^\d{2}:\d{2}-/.test(value)))) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}
