/**
 * Reads the PDF that Chromium writes and writes new PDFs from some of its
 * pages, without a general PDF library. The exporter prints many print
 * pages into one Chromium document (each page.pdf call costs ~0.3 s
 * whatever the number of pages, and draws each CJK glyph into the document
 * as a Type 3 glyph), then cuts that document into one file per print page
 * and one combined file per unit. pdf-lib took ~20 s to do that for the
 * example's A4 sheets, as it parses and re-serialises every object of every
 * file; here the structure is read once (the dictionaries only, stream data
 * stays a slice of the input) and each output copies the objects its pages
 * use, byte for byte.
 *
 * It reads what Skia writes: a classic cross-reference table, no object
 * streams, no encryption, no incremental updates. Anything else is refused
 * with UnsupportedPdf, and the caller lets pdf-lib rewrite the file in that
 * form first (see normalisePdf).
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { inflateSync } from 'node:zlib';

/** A PDF value; numbers, names, strings, booleans and null are kept as written. */
export type PdfValue = { kind: 'dict'; entries: Map<string, PdfValue> } | { kind: 'array'; items: PdfValue[] } | { kind: 'ref'; num: number } | { kind: 'atom'; text: string };

export interface PdfObject {
  value: PdfValue;
  /** The stream's bytes as stored (still compressed), for stream objects. */
  stream?: Uint8Array;
}

export interface PdfFile {
  /** The header line, `%PDF-1.4`. */
  version: string;
  objects: Map<number, PdfObject>;
  root: number;
  info: number | undefined;
  /** The page objects in reading order. */
  pages: number[];
  /** The inner nodes of the page tree: never copied, the writer makes its own. */
  pageNodes: Set<number>;
}

export class UnsupportedPdf extends Error {}

/** Character classes by byte: 1 whitespace, 2 delimiter, 0 regular (PDF 32000 7.2.2). */
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = 1;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2;

const isDigits = (word: string) => {
  if (word === '') return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

/** A cursor over the file as latin1 text: one character per byte, so offsets are byte offsets. */
class Reader {
  readonly text: string;
  at: number;
  constructor(text: string, at = 0) {
    this.text = text;
    this.at = at;
  }

  skip(): void {
    const t = this.text;
    const n = t.length;
    let at = this.at;
    for (;;) {
      while (at < n && CLASS[t.charCodeAt(at)] === 1) at++;
      if (t.charCodeAt(at) !== 37 /* % */) break;
      while (at < n && t.charCodeAt(at) !== 10 && t.charCodeAt(at) !== 13) at++;
    }
    this.at = at;
  }

  /** A run of regular characters: a number or a keyword, after any whitespace. */
  word(): string {
    this.skip();
    return this.run();
  }

  /** The regular characters from here on (a name's, right after its slash). */
  run(): string {
    const t = this.text;
    const n = t.length;
    const start = this.at;
    let at = start;
    while (at < n && CLASS[t.charCodeAt(at)] === 0) at++;
    this.at = at;
    return t.slice(start, at);
  }

  expect(word: string): void {
    const found = this.word();
    if (found !== word) throw new UnsupportedPdf(`expected “${word}” at byte ${this.at}, found “${found.slice(0, 20)}”`);
  }

  value(): PdfValue {
    this.skip();
    const t = this.text;
    const c = t[this.at];
    if (c === '<' && t[this.at + 1] === '<') {
      this.at += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skip();
        if (t.startsWith('>>', this.at)) {
          this.at += 2;
          return { kind: 'dict', entries };
        }
        const key = this.value();
        if (key.kind !== 'atom' || !key.text.startsWith('/')) throw new UnsupportedPdf(`a dictionary key that is not a name at byte ${this.at}`);
        entries.set(key.text, this.value());
      }
    }
    if (c === '[') {
      this.at++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (t[this.at] === ']') {
          this.at++;
          return { kind: 'array', items };
        }
        if (this.at >= t.length) throw new UnsupportedPdf('an array without its end');
        items.push(this.value());
      }
    }
    if (c === '<') {
      const end = t.indexOf('>', this.at);
      if (end < 0) throw new UnsupportedPdf('a hex string without its end');
      const text = t.slice(this.at, end + 1);
      this.at = end + 1;
      return { kind: 'atom', text };
    }
    if (c === '(') {
      // Balanced parentheses, and a backslash escapes the next character.
      const start = this.at;
      let depth = 0;
      for (; this.at < t.length; this.at++) {
        const ch = t[this.at];
        if (ch === '\\') this.at++;
        else if (ch === '(') depth++;
        else if (ch === ')' && --depth === 0) break;
      }
      this.at++;
      return { kind: 'atom', text: t.slice(start, this.at) };
    }
    if (c === '/') {
      this.at++;
      return { kind: 'atom', text: `/${this.run()}` };
    }
    const word = this.word();
    if (word === '') throw new UnsupportedPdf(`an unexpected “${c ?? 'end of file'}” at byte ${this.at}`);
    // `12 0 R` is a reference: look ahead, and step back when it is two numbers.
    if (isDigits(word)) {
      const back = this.at;
      const gen = this.word();
      if (isDigits(gen) && this.word() === 'R') return { kind: 'ref', num: Number(word) };
      this.at = back;
    }
    return { kind: 'atom', text: word };
  }
}

export const dictOf = (value: PdfValue | undefined): Map<string, PdfValue> | undefined => (value?.kind === 'dict' ? value.entries : undefined);

const isName = (value: PdfValue | undefined, name: string) => value?.kind === 'atom' && value.text === name;

/** The value, following a reference to the object it names. */
export function resolve(file: PdfFile, value: PdfValue | undefined): PdfValue | undefined {
  return value?.kind === 'ref' ? file.objects.get(value.num)?.value : value;
}

const numberOf = (file: PdfFile, value: PdfValue | undefined): number => {
  const v = resolve(file, value);
  const n = v?.kind === 'atom' ? Number(v.text) : Number.NaN;
  if (!Number.isFinite(n)) throw new UnsupportedPdf('a number that is not one');
  return n;
};

/** Reads a PDF as Skia writes it; throws UnsupportedPdf for anything else. */
export function parsePdf(bytes: Uint8Array): PdfFile {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const version = /^%PDF-\d\.\d/.exec(text)?.[0];
  if (!version) throw new UnsupportedPdf('no %PDF header');
  const startxref = text.lastIndexOf('startxref');
  if (startxref < 0) throw new UnsupportedPdf('no startxref');
  const reader = new Reader(text, startxref + 'startxref'.length);
  reader.at = Number(reader.word());
  // A cross-reference stream (PDF 1.5) starts with an object, not with `xref`.
  reader.expect('xref');
  const offsets = new Map<number, number>();
  for (;;) {
    const first = reader.word();
    if (first === 'trailer') break;
    const count = Number(reader.word());
    if (!/^\d+$/.test(first) || !Number.isSafeInteger(count)) throw new UnsupportedPdf('a damaged cross-reference table');
    for (let i = 0; i < count; i++) {
      const [offset, , use] = [reader.word(), reader.word(), reader.word()];
      if (use === 'n') offsets.set(Number(first) + i, Number(offset));
    }
  }
  const trailer = dictOf(reader.value());
  if (!trailer) throw new UnsupportedPdf('no trailer dictionary');
  for (const key of ['/Prev', '/Encrypt', '/XRefStm']) if (trailer.has(key)) throw new UnsupportedPdf(`a trailer with ${key}`);
  const root = trailer.get('/Root');
  if (root?.kind !== 'ref') throw new UnsupportedPdf('no document catalog');
  const info = trailer.get('/Info');

  const objects = new Map<number, PdfObject>();
  const streams: Array<{ num: number; start: number }> = [];
  for (const [num, offset] of offsets) {
    reader.at = offset;
    if (Number(reader.word()) !== num) throw new UnsupportedPdf(`object ${num} is not where the table says`);
    reader.word();
    reader.expect('obj');
    const value = reader.value();
    reader.skip();
    objects.set(num, { value });
    if (text.startsWith('stream', reader.at)) {
      // The keyword is followed by CR LF or LF, then the data.
      let start = reader.at + 'stream'.length;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      streams.push({ num, start });
    }
  }
  const file: PdfFile = { version, objects, root: root.num, info: info?.kind === 'ref' ? info.num : undefined, pages: [], pageNodes: new Set() };
  // Lengths last: a /Length may be a reference to another object.
  for (const { num, start } of streams) {
    const object = objects.get(num) as PdfObject;
    const length = numberOf(file, dictOf(object.value)?.get('/Length'));
    if (start + length > bytes.length) throw new UnsupportedPdf(`stream ${num} runs past the end of the file`);
    object.stream = bytes.subarray(start, start + length);
  }
  walkPages(file);
  return file;
}

/** Attributes a page may inherit from the page tree (PDF 32000 table 30). */
const INHERITED = ['/Resources', '/MediaBox', '/CropBox', '/Rotate'];

/** Lists the pages in order and copies inherited attributes onto each, so that a page can be copied without its tree. */
function walkPages(file: PdfFile): void {
  const catalog = dictOf(file.objects.get(file.root)?.value);
  const top = catalog?.get('/Pages');
  if (top?.kind !== 'ref') throw new UnsupportedPdf('a catalog without pages');
  const visit = (num: number, inherited: Map<string, PdfValue>) => {
    const node = dictOf(file.objects.get(num)?.value);
    if (!node || file.pageNodes.has(num)) throw new UnsupportedPdf(`a damaged page tree at object ${num}`);
    if (isName(node.get('/Type'), '/Pages')) {
      file.pageNodes.add(num);
      const passed = new Map(inherited);
      for (const key of INHERITED) {
        const v = node.get(key);
        if (v) passed.set(key, v);
      }
      const kids = resolve(file, node.get('/Kids'));
      if (kids?.kind !== 'array') throw new UnsupportedPdf(`page tree node ${num} without kids`);
      for (const kid of kids.items) {
        if (kid.kind !== 'ref') throw new UnsupportedPdf(`page tree node ${num} with a kid that is not a reference`);
        visit(kid.num, passed);
      }
      return;
    }
    for (const [key, v] of inherited) if (!node.has(key)) node.set(key, v);
    file.pages.push(num);
  };
  visit(top.num, new Map());
}

/** PDF number text: at most four decimals, never an exponent. */
function pdfNumber(n: number): string {
  const text = n.toFixed(4).replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

/**
 * Gives pages (by index; all when not given) the exact paper size in
 * points. Chromium rounds the page to whole CSS pixels (A4 comes out
 * 594.96 × 841.92 pt) and print shops check sizes; the top edge stays where
 * it is, so the difference of a fraction of a point falls at the bottom.
 */
export function setPaperSize(file: PdfFile, width: number, height: number, pages: readonly number[]): void {
  for (const num of pages.map((i) => file.pages[i] as number)) {
    const page = dictOf(file.objects.get(num)?.value) as Map<string, PdfValue>;
    const box = resolve(file, page.get('/MediaBox'));
    if (box?.kind !== 'array' || box.items.length !== 4) throw new UnsupportedPdf(`page ${num} without a media box`);
    const [x1, y1, , y2] = box.items.map((v) => numberOf(file, v)) as [number, number, number, number];
    const [left, top] = [x1, Math.max(y1, y2)];
    const exact: PdfValue = { kind: 'array', items: [left, top - height, left + width, top].map((n) => ({ kind: 'atom', text: pdfNumber(n) })) };
    page.set('/MediaBox', exact);
    page.set('/CropBox', exact);
  }
}

/** A PDF text string (UTF-16BE with a byte order mark, in hex), for titles in any script. */
function pdfTextString(text: string): PdfValue {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return { kind: 'atom', text: `<${hex}>` };
}

/** The bytes of a string operand, literal `(…)` or hex `<…>`. */
function stringBytes(text: string): number[] {
  if (text.startsWith('<')) {
    const hex = text.slice(1, -1).replace(/[^0-9a-fA-F]/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return bytes;
  }
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const e = body[++i] ?? '';
    const octal = /^[0-7]{1,3}/.exec(body.slice(i, i + 3))?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else if (e === '\r' || e === '\n') {
      // A backslash at the end of a line continues the string.
      if (e === '\r' && body[i + 1] === '\n') i++;
    } else {
      bytes.push(escapes[e] ?? e.charCodeAt(0));
    }
  }
  return bytes;
}

/** A stream's decoded bytes as latin1 text, or undefined for a filter other than Flate. */
export function streamText(object: PdfObject): string | undefined {
  const filter = dictOf(object.value)?.get('/Filter');
  if (!object.stream) return undefined;
  if (filter === undefined) return Buffer.from(object.stream).toString('latin1');
  if (isName(filter, '/FlateDecode')) return inflateSync(object.stream).toString('latin1');
  return undefined;
}

class Unreadable extends Error {}

/** Where a literal string that starts at `at` ends (after its closing parenthesis). */
function endOfString(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 40) depth++;
    else if (c === 41 && --depth === 0) return i + 1;
  }
  throw new Unreadable();
}

/** Where a dictionary that starts at `at` ends (after its >>), strings inside included. */
function endOfDict(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 40) i = endOfString(text, i);
    else if (c === 60 && text.charCodeAt(i + 1) === 60) {
      depth++;
      i += 2;
    } else if (c === 62 && text.charCodeAt(i + 1) === 62) {
      i += 2;
      if (--depth === 0) return i;
    } else if (c === 60) {
      i = text.indexOf('>', i) + 1;
      if (i === 0) break;
    } else i++;
  }
  throw new Unreadable();
}

/**
 * The character codes shown in each font on one page, by font object,
 * following the form XObjects it draws and the tiling patterns it may
 * paint with. Undefined when some content cannot be read for certain: then
 * nothing of that page's fonts is left out.
 */
function codesOnPage(file: PdfFile, page: number): Map<number, Set<number>> | undefined {
  const used = new Map<number, Set<number>>();
  const lookup = (value: PdfValue | undefined) => dictOf(resolve(file, value));
  const run = (object: PdfObject, resources: Map<string, PdfValue> | undefined, startFont: number | undefined, depth: number) => {
    if (depth > 20) throw new Unreadable();
    const text = streamText(object);
    if (text === undefined) throw new Unreadable();
    const fonts = lookup(resources?.get('/Font'));
    const xobjects = lookup(resources?.get('/XObject'));
    for (const pattern of lookup(resources?.get('/Pattern'))?.values() ?? []) {
      const target = pattern.kind === 'ref' ? file.objects.get(pattern.num) : undefined;
      if (target?.stream) run(target, lookup(dictOf(target.value)?.get('/Resources')), undefined, depth + 1);
    }
    // Operands as far as they matter here: a name as its text, a string, the strings of an array, null for anything else.
    const operands: Array<string | { s: string } | { a: string[] } | null> = [];
    const stack: Array<number | undefined> = [];
    let font = startFont;
    const show = (raw: string) => {
      if (font === undefined) throw new Unreadable();
      const codes = used.get(font) ?? new Set<number>();
      for (const b of stringBytes(raw)) codes.add(b);
      used.set(font, codes);
    };
    const n = text.length;
    let i = 0;
    for (;;) {
      for (;;) {
        const c = text.charCodeAt(i);
        if (CLASS[c] === 1) i++;
        else if (c === 37 /* % */) while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        else break;
      }
      if (i >= n) return;
      const c = text.charCodeAt(i);
      const start = i;
      if (c === 47 /* / */) {
        i++;
        while (i < n && CLASS[text.charCodeAt(i)] === 0) i++;
        operands.push(text.slice(start, i));
      } else if (c === 40 /* ( */) {
        i = endOfString(text, i);
        operands.push({ s: text.slice(start, i) });
      } else if (c === 60 /* < */ && text.charCodeAt(i + 1) === 60) {
        i = endOfDict(text, i);
        operands.push(null);
      } else if (c === 60) {
        i = text.indexOf('>', i) + 1;
        if (i === 0) throw new Unreadable();
        operands.push({ s: text.slice(start, i) });
      } else if (c === 91 /* [ */) {
        const strings: string[] = [];
        i++;
        for (;;) {
          while (i < n && CLASS[text.charCodeAt(i)] === 1) i++;
          const d = text.charCodeAt(i);
          const at = i;
          if (d === 93 /* ] */) break;
          if (d === 40) strings.push(text.slice(at, (i = endOfString(text, i))));
          else if (d === 60 && text.charCodeAt(i + 1) !== 60) strings.push(text.slice(at, (i = text.indexOf('>', i) + 1)));
          else if (CLASS[d] === 0) while (i < n && CLASS[text.charCodeAt(i)] === 0) i++;
          else throw new Unreadable();
          if (i <= at || i >= n) throw new Unreadable();
        }
        i++;
        operands.push({ a: strings });
      } else if (CLASS[c] === 0) {
        while (i < n && CLASS[text.charCodeAt(i)] === 0) i++;
        // A number, or a keyword that is an operand rather than an operator.
        const op = text.slice(start, i);
        if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || op === 'true' || op === 'false' || op === 'null') {
          operands.push(null);
          continue;
        }
        const last = operands.at(-1);
        if (op === 'q') stack.push(font);
        else if (op === 'Q') font = stack.pop();
        else if (op === 'Tf') {
          const name = operands[0];
          const ref = typeof name === 'string' ? fonts?.get(name) : undefined;
          if (ref?.kind !== 'ref') throw new Unreadable();
          // A Type 3 font whose glyphs draw text in other fonts would hide those fonts' use.
          if (lookup(lookup(ref)?.get('/Resources'))?.has('/Font')) throw new Unreadable();
          font = ref.num;
        } else if (op === 'Tj' || op === "'" || op === '"') {
          if (!last || typeof last !== 'object' || !('s' in last)) throw new Unreadable();
          show(last.s);
        } else if (op === 'TJ') {
          if (!last || typeof last !== 'object' || !('a' in last)) throw new Unreadable();
          for (const raw of last.a) show(raw);
        } else if (op === 'Do') {
          const name = operands[0];
          const ref = typeof name === 'string' ? xobjects?.get(name) : undefined;
          const target = ref?.kind === 'ref' ? file.objects.get(ref.num) : undefined;
          const dict = dictOf(target?.value);
          if (!target || !dict) throw new Unreadable();
          if (isName(dict.get('/Subtype'), '/Form')) run(target, lookup(dict.get('/Resources')) ?? resources, font, depth + 1);
        } else if (op === 'BI') {
          // Inline image data is binary and has no length: not worth reading past.
          throw new Unreadable();
        }
        operands.length = 0;
      } else {
        throw new Unreadable();
      }
    }
  };
  try {
    const dict = dictOf(file.objects.get(page)?.value);
    // Annotations draw with appearance streams of their own, which are not read here.
    if (dict?.has('/Annots')) return undefined;
    const resources = lookup(dict?.get('/Resources'));
    const contents = resolve(file, dict?.get('/Contents'));
    const streams = contents?.kind === 'array' ? contents.items : dict?.get('/Contents') ? [dict.get('/Contents') as PdfValue] : [];
    for (const s of streams) {
      const object = s.kind === 'ref' ? file.objects.get(s.num) : undefined;
      if (!object) throw new Unreadable();
      run(object, resources, undefined, 0);
    }
    return used;
  } catch (error) {
    if (error instanceof Unreadable || error instanceof UnsupportedPdf) return undefined;
    throw error;
  }
}

const pageCodes = new WeakMap<PdfFile, Map<number, Map<number, Set<number>> | undefined>>();

/** codesOnPage, remembered: a batch's pages are written twice, in their own file and in the unit's. */
function codesOf(file: PdfFile, page: number): Map<number, Set<number>> | undefined {
  const cache = pageCodes.get(file) ?? new Map<number, Map<number, Set<number>> | undefined>();
  pageCodes.set(file, cache);
  if (!cache.has(page)) cache.set(page, codesOnPage(file, page));
  return cache.get(page);
}

/**
 * A Type 3 font reduced to the glyphs shown with it: Chromium draws CJK
 * text with Type 3 fonts, each carrying every glyph of its range used
 * anywhere in the document, so a file cut from a document of forty print
 * pages would otherwise carry the glyphs of all forty (twice the size).
 */
function keepGlyphs(file: PdfFile, font: Map<string, PdfValue>, codes: ReadonlySet<number>): Map<string, PdfValue> {
  const procs = dictOf(resolve(file, font.get('/CharProcs')));
  const names = glyphNames(file, font);
  if (!procs || !names) return font;
  const kept = new Map<string, PdfValue>();
  for (const code of codes) {
    const name = names[code];
    const proc = name === undefined ? undefined : procs.get(name);
    if (proc) kept.set(name as string, proc);
  }
  return new Map(font).set('/CharProcs', { kind: 'dict', entries: kept });
}

const namesOfFont = new WeakMap<Map<string, PdfValue>, Array<string | undefined> | null>();

/** A simple font's glyph name by code, from its /Differences; null when there are none to read. */
function glyphNames(file: PdfFile, font: Map<string, PdfValue>): Array<string | undefined> | null {
  const known = namesOfFont.get(font);
  if (known !== undefined) return known;
  const list = resolve(file, dictOf(resolve(file, font.get('/Encoding')))?.get('/Differences'));
  let names: Array<string | undefined> | null = list?.kind === 'array' ? [] : null;
  let code = 0;
  for (const item of list?.kind === 'array' ? list.items : []) {
    if (item.kind === 'atom' && isDigits(item.text)) code = Number(item.text);
    else if (item.kind === 'atom' && item.text.startsWith('/') && names) names[code++] = item.text;
    else names = null;
  }
  namesOfFont.set(font, names);
  return names;
}

/**
 * A value as text with its references left open: text, object number,
 * text, … A file's objects are written into several files (a print page's
 * and its unit's) under different numbers; each dictionary and array is
 * turned into text once and only its references are filled in per file.
 */
type Template = Array<string | number>;

const templates = new WeakMap<object, Template>();

function addTo(parts: Template, value: PdfValue): void {
  if (value.kind === 'atom') {
    parts[parts.length - 1] += value.text;
    return;
  }
  if (value.kind === 'ref') {
    parts.push(value.num, '');
    return;
  }
  const sub = templateOf(value);
  parts[parts.length - 1] += sub[0] as string;
  for (let i = 1; i < sub.length; i++) parts.push(sub[i] as string | number);
}

function templateOf(value: PdfValue): Template {
  if (value.kind === 'atom') return [value.text];
  if (value.kind === 'ref') return ['', value.num, ''];
  const cached = templates.get(value);
  if (cached) return cached;
  const parts: Template = [value.kind === 'array' ? '[' : '<<'];
  if (value.kind === 'array') {
    value.items.forEach((item, i) => {
      if (i > 0) parts[parts.length - 1] += ' ';
      addTo(parts, item);
    });
    parts[parts.length - 1] += ']';
  } else {
    for (const [key, v] of value.entries) {
      parts[parts.length - 1] += `${key} `;
      addTo(parts, v);
      parts[parts.length - 1] += '\n';
    }
    parts[parts.length - 1] += '>>';
  }
  templates.set(value, parts);
  return parts;
}

const finishedObjects = new WeakMap<PdfObject, Uint8Array | null>();

/**
 * An object without references is the same bytes in every file it is
 * copied into, but for its number: most are glyph drawings, a thousand to a
 * file. They are written out once, from the dictionary to `endobj`.
 */
function finished(object: PdfObject): Uint8Array | undefined {
  let bytes = finishedObjects.get(object);
  if (bytes === undefined) {
    const parts = templateOf(object.value);
    bytes =
      parts.length > 1
        ? null
        : object.stream
          ? Buffer.concat([Buffer.from(`${parts[0] as string} stream\n`, 'latin1'), object.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')])
          : Buffer.from(`${parts[0] as string}\nendobj\n`, 'latin1');
    finishedObjects.set(object, bytes);
  }
  return bytes ?? undefined;
}

export interface PageSelection {
  file: PdfFile;
  /** Page indices (0-based) of `file`, in the order they are to appear. */
  pages: readonly number[];
}

/**
 * Writes a new PDF of the selected pages, in order, with the objects they
 * use (fonts, images, forms) copied once per source file however many of its
 * pages are taken. References to anything left out (another page, the old
 * page tree) become null, as a reader would treat a missing object anyway.
 * `title` replaces the document title; the rest of the source's document
 * information (creator, producer, dates) is kept.
 *
 * Objects are turned into text once and reused for every file written
 * from them: correct the text (fixPdfFileText) and size the pages
 * (setPaperSize, which replaces a page's boxes) before writing their file.
 */
export function writePdf(selections: readonly PageSelection[], options: { title?: string } = {}): Uint8Array {
  const first = selections[0]?.file;
  if (!first) throw new Error('writePdf: no pages');
  const CATALOG = 1;
  const PAGES = 2;
  const INFO = 3;
  let next = 4;
  const numbers = new Map<PdfFile, Map<number, number>>();
  const allPages = new Map<PdfFile, Set<number>>();
  const chosen = new Map<PdfFile, Set<number>>();
  for (const { file, pages } of selections) {
    if (!allPages.has(file)) allPages.set(file, new Set(file.pages));
    const set = chosen.get(file) ?? new Set<number>();
    for (const i of pages) {
      const num = file.pages[i];
      if (num === undefined) throw new Error(`writePdf: no page ${i + 1} in a file of ${file.pages.length}`);
      set.add(num);
    }
    chosen.set(file, set);
    if (!numbers.has(file)) numbers.set(file, new Map());
  }
  // The glyphs each file's chosen pages show, by font; a file whose pages cannot all be read keeps whole fonts.
  const shown = new Map<PdfFile, Map<number, Set<number>> | undefined>();
  for (const [file, set] of chosen) {
    let union: Map<number, Set<number>> | undefined = new Map();
    for (const page of set) {
      const codes = codesOf(file, page);
      if (!codes) {
        union = undefined;
        break;
      }
      for (const [font, c] of codes) union.set(font, new Set([...(union.get(font) ?? []), ...c]));
    }
    shown.set(file, union);
  }
  const queue: Array<[PdfFile, number, number]> = [];
  /** The new number of an object, or undefined when it is left out. */
  const numberFor = (file: PdfFile, old: number): number | undefined => {
    const map = numbers.get(file) as Map<number, number>;
    const known = map.get(old);
    if (known !== undefined) return known;
    const page = (allPages.get(file) as Set<number>).has(old);
    if (!file.objects.has(old) || file.pageNodes.has(old) || old === file.root || old === file.info || (page && !(chosen.get(file) as Set<number>).has(old))) return undefined;
    const num = next++;
    map.set(old, num);
    queue.push([file, old, num]);
    return num;
  };
  const write = (file: PdfFile, value: PdfValue): string => {
    const parts = templateOf(value);
    let out = parts[0] as string;
    for (let i = 1; i < parts.length; i += 2) {
      const num = numberFor(file, parts[i] as number);
      out += (num === undefined ? 'null' : `${num} 0 R`) + (parts[i + 1] as string);
    }
    return out;
  };

  const kids: number[] = [];
  for (const { file, pages } of selections) for (const i of pages) kids.push(numberFor(file, file.pages[i] as number) as number);
  // Viewers show the title rather than the file name: keep Chromium's preference for that.
  const preferences = dictOf(first.objects.get(first.root)?.value)?.get('/ViewerPreferences');
  const catalog = `<</Type /Catalog\n/Pages ${PAGES} 0 R${preferences ? `\n/ViewerPreferences ${write(first, preferences)}` : ''}>>`;
  const info = new Map(first.info === undefined ? [] : (dictOf(first.objects.get(first.info)?.value) ?? []));
  if (options.title !== undefined) info.set('/Title', pdfTextString(options.title));
  // Written before the copying below, which then also copies anything these refer to.
  const infoText = write(first, { kind: 'dict', entries: info });

  // One growing buffer: a file has thousands of small objects (a glyph each), and a Buffer per object kept the collector busy.
  let out = Buffer.allocUnsafe(1 << 20);
  const offsets: number[] = [];
  let size = 0;
  const room = (bytes: number) => {
    if (size + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, size + bytes));
    out.copy(bigger, 0, 0, size);
    out = bigger;
  };
  const emit = (chunk: string | Uint8Array) => {
    room(chunk.length);
    if (typeof chunk !== 'string') {
      out.set(chunk, size);
      size += chunk.length;
    } else if (chunk.length < 32) {
      // Object numbers and the like: copying a few characters beats a call into Buffer.write.
      for (let i = 0; i < chunk.length; i++) out[size++] = chunk.charCodeAt(i);
    } else {
      size += out.write(chunk, size, 'latin1');
    }
  };
  const object = (num: number, body: string) => {
    offsets[num] = size;
    emit(`${num} 0 obj\n${body}\nendobj\n`);
  };
  emit(`${first.version}\n%\xd3\xeb\xe9\xe1\n`);
  // Copy objects until every reference is satisfied; the queue grows as it is read.
  for (let q = 0; q < queue.length; q++) {
    const [file, old, num] = queue[q] as [PdfFile, number, number];
    const source = file.objects.get(old) as PdfObject;
    let value = source.value;
    const dict = dictOf(value);
    if ((allPages.get(file) as Set<number>).has(old)) {
      value = { kind: 'dict', entries: new Map(dict).set('/Parent', { kind: 'atom', text: `${PAGES} 0 R` }) };
    } else if (dict && isName(dict.get('/Subtype'), '/Type3') && shown.get(file)) {
      value = { kind: 'dict', entries: keepGlyphs(file, dict, shown.get(file)?.get(old) ?? new Set()) };
    }
    offsets[num] = size;
    emit(`${num} 0 obj\n`);
    const done = value === source.value ? finished(source) : undefined;
    if (done) emit(done);
    else if (source.stream) {
      emit(`${write(file, value)} stream\n`);
      emit(source.stream);
      emit('\nendstream\nendobj\n');
    } else {
      emit(`${write(file, value)}\nendobj\n`);
    }
  }
  object(PAGES, `<</Type /Pages\n/Count ${kids.length}\n/Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`);
  object(CATALOG, catalog);
  object(INFO, infoText);

  const count = next;
  const xref = size;
  let table = `xref\n0 ${count}\n0000000000 65535 f \n`;
  for (let num = 1; num < count; num++) table += `${String(offsets[num]).padStart(10, '0')} 00000 n \n`;
  emit(`${table}trailer\n<</Size ${count}\n/Root ${CATALOG} 0 R\n/Info ${INFO} 0 R>>\nstartxref\n${xref}\n%%EOF\n`);
  return out.subarray(0, size);
}

/**
 * Reads any PDF: as it is when it has the simple form parsePdf reads,
 * otherwise after pdf-lib has rewritten it in that form (slower, but a
 * Chromium that someday writes cross-reference streams still exports).
 */
export async function normalisePdf(bytes: Uint8Array): Promise<PdfFile> {
  try {
    return parsePdf(bytes);
  } catch (error) {
    if (!(error instanceof UnsupportedPdf)) throw error;
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    return parsePdf(await doc.save({ useObjectStreams: false }));
  }
}
