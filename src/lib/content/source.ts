/**
 * Reads a content file (YAML, or Markdown with a YAML front matter) keeping
 * the position of every value, so that a problem can be reported at its line
 * and column.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Node, type Pair } from 'yaml';
import { fileSizeProblem, LIMITS, markdownDepthProblem, utf8Length, valueLengthProblem, yamlDepthProblem } from './limits.ts';
import { fieldPath, type Problem } from './problem.ts';

export interface Position {
  line: number;
  column: number;
}

export interface SourceFile {
  /** Path relative to the content folder, with forward slashes. */
  relPath: string;
  /** The parsed data, or `undefined` when the file could not be read. */
  data: unknown;
  /** The Markdown body, for Markdown files. */
  body?: string;
  /** Problems found while reading: YAML syntax, a missing front matter. */
  problems: Problem[];
  /**
   * The position of the value at `path`, or of its key when `at` is 'key'.
   * When the path does not exist (a missing field) it gives the position of
   * the nearest enclosing field, and `exact` is false.
   */
  locate(path: readonly PropertyKey[], at?: 'value' | 'key'): { position: Position; exact: boolean };
  /** The text of the scalar at `path` exactly as written in the file (057 stays 057). */
  rawText(path: readonly PropertyKey[]): string | undefined;
  /** Unquoted values that the site's YAML reader reads differently from the checker (see `readDifferently`). */
  differences: ReadDifference[];
}

/** An unquoted value that Astro reads as another type than the checker does. */
export interface ReadDifference {
  path: PropertyKey[];
  /** The value as written. */
  raw: string;
  /** What Astro's reader makes of it. */
  value: Date | number | string;
  position: Position;
}

const START: Position = { line: 1, column: 1 };

/** YAML 1.2 core schema: dates stay text, `yes`/`no` stay text, duplicate keys are errors. */
const YAML_OPTIONS = { uniqueKeys: true, prettyErrors: true, version: '1.2', schema: 'core', merge: false } as const;

/** Chinese explanations for the YAML parser's error codes, with how to fix each. */
const YAML_ERRORS: Record<string, { message: string; fix: string }> = {
  DUPLICATE_KEY: { message: '同一层里有两个相同的字段名', fix: '删除或合并重复的那一行' },
  TAB_AS_INDENT: { message: '用了制表符（Tab）缩进', fix: 'YAML 只能用空格缩进：把 Tab 换成两个空格' },
  BAD_INDENT: { message: '缩进不对齐', fix: '同一层的字段要对齐，下一层比上一层多两个空格' },
  MULTILINE_IMPLICIT_KEY: { message: '看不懂这一行：字段名后面要有英文冒号和空格', fix: '写成“字段名: 值”，冒号用英文半角“:”，冒号后加一个空格' },
  BLOCK_AS_IMPLICIT_KEY: { message: '看不懂这一行：字段名后面要有英文冒号和空格', fix: '写成“字段名: 值”，冒号用英文半角“:”，冒号后加一个空格' },
  MISSING_CHAR: { message: '缺少配对的符号（引号或括号没有闭合）', fix: '检查引号 " 和括号 [ ] { } 是否成对' },
  BAD_DQ_ESCAPE: { message: '双引号里的反斜杠 \\ 用法不对', fix: '改用单引号，或把 \\ 写成 \\\\' },
  UNEXPECTED_TOKEN: { message: '这里出现了不该有的符号', fix: '检查这一行的冒号、短横线和引号；以 - [ { # & * ! | > \' " % @ ` 开头的值要加引号' },
  BAD_SCALAR_START: { message: '这个值的开头字符需要加引号', fix: '把整个值用英文双引号括起来' },
  MULTIPLE_DOCS: { message: '文件里有多个 --- 分隔的部分', fix: '一个文件只写一份内容，删除多余的 ---' },
};

/** True when a line's key is followed by a full-width colon instead of an ASCII one. */
function hasFullWidthColon(lineText: string): boolean {
  return /[：]/.test(lineText) && !/:\s/.test(lineText.replace(/"[^"]*"|'[^']*'/g, ''));
}

function describeYamlError(code: string, lineText: string): { message: string; fix: string } {
  const known = YAML_ERRORS[code] ?? { message: 'YAML 格式错误', fix: '对照示例检查这一行的写法' };
  if (hasFullWidthColon(lineText)) {
    return { message: `${known.message}（这一行用了中文全角冒号“：”）`, fix: '把字段名后的“：”改成英文半角冒号“:”，冒号后加一个空格' };
  }
  return known;
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/**
 * The last line (1-based) of the block indented under line `parent`: the
 * lines after it that are indented further, with blank and comment lines
 * among them. `parent` itself when nothing is indented under it.
 */
function blockEnd(lines: readonly string[], parent: number): number {
  const indent = indentOf(lines[parent - 1] ?? '');
  let end = parent;
  for (let i = parent; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (indentOf(line) <= indent) break;
    end = i + 1;
  }
  return end;
}

interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Added to every line number: the front matter starts on the file's second line. */
  lineOffset: number;
}

/**
 * The opening bracket still open at the start of line `upTo` (1-based), with
 * its position, ignoring brackets in quotes and comments. The parser notices
 * a missing ] only lines later, as an indentation error.
 */
function openBracket(lines: readonly string[], upTo: number): { line: number; col: number; char: string } | undefined {
  const stack: Array<{ line: number; col: number; char: string }> = [];
  for (let i = 0; i < Math.min(upTo - 1, lines.length); i++) {
    const line = lines[i] ?? '';
    let quote: string | undefined;
    for (let j = 0; j < line.length; j++) {
      const c = line[j] as string;
      if (quote) {
        if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (j === 0 || /\s/.test(line[j - 1] as string))) break;
      else if (c === '[' || c === '{') stack.push({ line: i + 1, col: j + 1, char: c });
      else if (c === ']' || c === '}') stack.pop();
    }
  }
  return stack[0];
}

/** Where a quote was opened and not closed (1-based line and column), before line `before`. */
function openQuote(lines: readonly string[], before: number): { line: number; col: number } | undefined {
  for (let i = 0; i < Math.min(before - 1, lines.length); i++) {
    const line = lines[i] ?? '';
    if ((line.replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1) return { line: i + 1, col: line.indexOf('"') + 1 };
    const single = /:\s+'/.exec(line) ?? /^\s*-\s+'/.exec(line);
    if (single && (line.slice(single.index).replace(/''/g, '').match(/'/g)?.length ?? 0) % 2 === 1) return { line: i + 1, col: single.index + single[0].length };
  }
  return undefined;
}

function readYaml(text: string, lineOffset: number, relPath: string, problems: Problem[]): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const textLines = text.split('\n');
  const reported = new Set<number>();
  // Lines under a key written with a full-width colon: the parser cannot tell
  // they belong to it and reports them too, but they are right as they are.
  let quietUntil = 0;
  for (const error of doc.errors) {
    let pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    let described: { message: string; fix: string } | undefined;
    // The parser notices an unclosed quote or bracket only further down;
    // the person needs the line where it was opened.
    if (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' || error.code === 'UNEXPECTED_TOKEN') {
      const quote = error.code === 'MISSING_CHAR' ? openQuote(textLines, pos.line) : undefined;
      const bracket = quote ? undefined : openBracket(textLines, pos.line);
      if (quote) {
        pos = quote;
        described = { message: '引号没有闭合：这一行的值以引号开头，却没有以引号结尾', fix: '在值的末尾补上同样的引号，例如 number: "MZ0213"' };
      } else if (bracket) {
        pos = bracket;
        const close = bracket.char === '[' ? ']' : '}';
        described = {
          message: `${bracket.char === '[' ? '方括号' : '花括号'}“${bracket.char}”没有闭合`,
          fix: `在这一项的末尾补上“${close}”，例如 badges: [党员]；内容里有括号的值要加英文引号`,
        };
      }
    }
    // One problem a line: a tab, say, also confuses the parser about the rest of its line.
    if (reported.has(pos.line)) continue;
    if (!described && pos.line <= quietUntil) continue;
    reported.add(pos.line);
    const lineText = textLines[pos.line - 1] ?? '';
    if (!described && hasFullWidthColon(lineText)) quietUntil = Math.max(quietUntil, blockEnd(textLines, pos.line));
    const { message, fix } = described ?? describeYamlError(error.code, lineText);
    problems.push({
      severity: 'error',
      kind: 'yaml-syntax',
      file: relPath,
      line: pos.line + lineOffset,
      column: pos.col,
      message,
      fix,
    });
  }
  return { doc, lines, lineOffset };
}

/**
 * The data of a parsed file, or undefined with a problem when YAML cannot
 * build it: an alias (*name) whose anchor (&name) is missing, or aliases
 * repeated so often that they could blow up memory.
 */
function toData(parsed: ParsedYaml, relPath: string, problems: Problem[]): unknown {
  try {
    return parsed.doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    let at: Position = START;
    visit(parsed.doc, {
      Alias(_, node) {
        if (node.range) at = positionOf(parsed, node.range[0]);
        return visit.BREAK;
      },
    });
    const tooMany = error instanceof Error && /alias count/i.test(error.message);
    problems.push({
      severity: 'error',
      kind: 'yaml-syntax',
      file: relPath,
      line: at.line,
      column: at.column,
      message: tooMany ? 'YAML 引用（*名称）用得太多' : '以 * 开头的值在 YAML 里表示引用别处的内容（*名称），这里找不到它引用的内容',
      fix: '把整个值用英文双引号括起来，例如 name: "*号窗口"',
    });
    return undefined;
  }
}

function positionOf(parsed: ParsedYaml, offset: number): Position {
  const { line, col } = parsed.lines.linePos(offset);
  return { line: line + parsed.lineOffset, column: col };
}

// Astro reads YAML with js-yaml, whose default schema, unlike the YAML 1.2
// core schema the checker uses, turns unquoted timestamps into Date objects
// and 0b… or +0x… into numbers, and keeps +.5 and numbers too large to hold as text.
// Its rules, from js-yaml 4 lib/type/timestamp.js, int.js and float.js:
const JS_YAML_DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const JS_YAML_TIMESTAMP = /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)(\d\d?):(\d\d):(\d\d)(?:\.(\d*))?(?:[ \t]*(Z|([-+])(\d\d?)(?::(\d\d))?))?$/;
const JS_YAML_INT = /^([-+]?)(?:([0-9]+)|0x([0-9a-fA-F]+)|0o([0-7]+)|0b([01]+))$/;
const JS_YAML_FLOAT = /^(?:[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?)$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
/** What the core schema reads as a number. */
const CORE_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The number js-yaml reads from an unquoted value, or undefined when it reads something else. */
function jsYamlNumber(text: string): number | undefined {
  if (FLOAT_SPECIAL.test(text)) return /nan/i.test(text) ? Number.NaN : text.startsWith('-') ? -Infinity : Infinity;
  const int = JS_YAML_INT.exec(text);
  if (int) {
    const [, sign, dec, hex, oct, bin] = int;
    const value = dec !== undefined ? Number(dec) : Number.parseInt((hex ?? oct ?? bin) as string, hex !== undefined ? 16 : oct !== undefined ? 8 : 2);
    if (Number.isFinite(value)) return sign === '-' ? -value : value;
  }
  const float = Number.parseFloat(text);
  return JS_YAML_FLOAT.test(text) && Number.isFinite(float) ? float : undefined;
}

/**
 * What js-yaml makes of an unquoted value when it differs from what the core
 * schema reads: a Date or a number where the checker reads text, or the text
 * itself where the checker reads a number. Undefined when they agree.
 */
export function readDifferently(text: string): Date | number | string | undefined {
  const date = JS_YAML_DATE.exec(text);
  if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
  const ts = JS_YAML_TIMESTAMP.exec(text);
  if (ts) {
    const [, y, mo, d, h, mi, sec, frac = '', tz, sign, tzh, tzm] = ts;
    const ms = Number(frac.slice(0, 3).padEnd(3, '0')) || 0;
    let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), ms);
    if (tz && tz !== 'Z') time -= (sign === '-' ? -1 : 1) * (Number(tzh) * 60 + Number(tzm ?? 0)) * 60_000;
    return new Date(time);
  }
  const number = jsYamlNumber(text);
  const coreNumber = CORE_NUMBER.test(text);
  if (number !== undefined && !coreNumber) return number;
  if (number === undefined && coreNumber) return text;
  return undefined;
}

/** A path as one string, for looking it up in a map. */
const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

/**
 * One walk over a parsed file: the unquoted values Astro reads differently
 * (see readDifferently), and every number as written (057 read as 57), by
 * path. The privacy rules look at each number's text in every file, which
 * must not cost a second parse of each.
 */
function scanScalars(parsed: ParsedYaml, text: string, relPath: string): { differences: ReadDifference[]; numbers: Map<string, string>; tooLong: Problem[] } {
  const found: ReadDifference[] = [];
  const numbers = new Map<string, string>();
  // Values and field names over the length limit (./limits.ts), refused before the schema and the rules read them.
  const tooLong: Problem[] = [];
  const long = (node: Node, path: PropertyKey[], length: number, isKey = false) => {
    const problem = node.range && length > LIMITS.valueChars ? valueLengthProblem(relPath, fieldPath(path), length, positionOf(parsed, node.range[0]), isKey) : undefined;
    if (problem) tooLong.push(problem);
  };
  const walk = (node: unknown, path: PropertyKey[], depth: number) => {
    if (depth > 64) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string') long(node, path, node.value.length);
      if (typeof node.value === 'number' && node.range) numbers.set(pathKey(path), text.slice(node.range[0], node.range[1]));
      if (node.type !== Scalar.PLAIN || !node.range || !node.source) return;
      const value = readDifferently(node.source);
      if (value !== undefined) found.push({ path, raw: node.source, value, position: positionOf(parsed, node.range[0]) });
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        long(pair.key, [...path, key.length > 40 ? `${key.slice(0, 40)}…` : key], key.length, true);
        walk(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i], depth + 1));
    }
  };
  walk(parsed.doc.contents, [], 0);
  return { differences: found, numbers, tooLong };
}

function findPair(node: Node | null | undefined, key: PropertyKey): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p): p is Pair<Node, Node | null> => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)) as
    | Pair<Node, Node | null>
    | undefined;
}

/**
 * A parsed document on demand. A checked file keeps only its text: the
 * document, with a node and a range for every value, costs about 30 KB a
 * file, which a province's 130,000 files cannot all hold at once. Positions
 * are needed only to report a problem, so the text is parsed again then,
 * and the last few are kept for the several problems one file may have.
 */
type ParsedOnDemand = () => ParsedYaml | undefined;

const RECENT: Array<{ key: object; parsed: ParsedYaml }> = [];

function onDemand(text: string, lineOffset: number): ParsedOnDemand {
  const key = {};
  return () => {
    const hit = RECENT.find((r) => r.key === key);
    if (hit) return hit.parsed;
    const lines = new LineCounter();
    const parsed = { doc: parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines }), lines, lineOffset };
    RECENT.unshift({ key, parsed });
    RECENT.length = Math.min(RECENT.length, 4);
    return parsed;
  };
}

const keep = (parsed: ParsedYaml | undefined): ParsedOnDemand => () => parsed;

function makeLocator(parse: ParsedOnDemand) {
  return (path: readonly PropertyKey[], at: 'value' | 'key' = 'value') => {
    const parsed = parse();
    if (!parsed) return { position: START, exact: false };
    let node: Node | null | undefined = parsed.doc.contents;
    // The nearest thing that exists, for fields that are missing.
    let nearest: Position = node?.range ? positionOf(parsed, node.range[0]) : START;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as PropertyKey;
      const last = i === path.length - 1;
      if (isSeq(node) && typeof seg === 'number') {
        const item: unknown = node.items[seg];
        if (item === undefined) return { position: nearest, exact: false };
        node = item as Node;
        if (node?.range) nearest = positionOf(parsed, node.range[0]);
        continue;
      }
      const pair = findPair(node, seg);
      if (!pair) return { position: nearest, exact: false };
      const keyPos = pair.key.range ? positionOf(parsed, pair.key.range[0]) : nearest;
      const value = pair.value;
      // An empty value (`fee:`) has no useful position of its own: point at its key.
      const empty = value === null || (isScalar(value) && value.value === null);
      if (last && at === 'key') return { position: keyPos, exact: true };
      nearest = !empty && value?.range ? positionOf(parsed, value.range[0]) : keyPos;
      node = value;
    }
    return { position: nearest, exact: true };
  };
}

function makeRawText(parse: ParsedOnDemand, text: string, numbers?: Map<string, string>) {
  return (path: readonly PropertyKey[]) => {
    const number = numbers?.get(pathKey(path));
    if (number !== undefined) return number;
    const parsed = parse();
    if (!parsed) return undefined;
    const node = parsed.doc.getIn(path as PropertyKey[], true) as Node | undefined;
    if (!isScalar(node) || !node.range) return undefined;
    return text.slice(node.range[0], node.range[1]);
  };
}

/** Reads a YAML content file. */
export function readYamlSource(relPath: string, text: string): SourceFile {
  const problems: Problem[] = [];
  const source = text.replace(/^\uFEFF/, '');
  // Refused before parsing: the parser would take long over a huge file and overflow the stack on a deep one (./limits.ts).
  const refused = fileSizeProblem(relPath, utf8Length(source)) ?? yamlDepthProblem(relPath, source);
  if (refused) return unread(relPath, [refused]);
  const parsed = readYaml(source, 0, relPath, problems);
  const data = problems.length === 0 ? toData(parsed, relPath, problems) : undefined;
  if (problems.length === 0 && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    const fullWidth = typeof data === 'string' && data.includes('：');
    problems.push({
      severity: 'error',
      kind: 'not-a-map',
      file: relPath,
      line: 1,
      column: 1,
      message: fullWidth ? '文件内容应是一行一个“字段名: 值”（这里用了中文全角冒号“：”）' : '文件内容应是一行一个“字段名: 值”',
      fix: fullWidth ? '把字段名后的“：”改成英文半角冒号“:”，冒号后加一个空格' : '对照示例文件重写；冒号用英文半角“:”，冒号后加一个空格',
    });
  }
  const scanned = problems.length === 0 ? scanScalars(parsed, source, relPath) : undefined;
  problems.push(...(scanned?.tooLong ?? []));
  // A file with problems is located at once and often; a good one seldom.
  const parse = problems.length === 0 ? onDemand(source, 0) : keep(parsed);
  return {
    relPath,
    data: problems.length === 0 ? data : undefined,
    problems,
    locate: makeLocator(parse),
    rawText: makeRawText(parse, source, scanned?.numbers),
    differences: scanned?.differences ?? [],
  };
}

/**
 * Reads a Markdown file's front matter and body. Only YAML front matter is
 * accepted: gray-matter would otherwise evaluate `---js` front matter as
 * JavaScript, which would let a content file run code during the build.
 */
export function readMarkdownSource(relPath: string, text: string): SourceFile {
  const problems: Problem[] = [];
  const source = text.replace(/^\uFEFF/, '');
  let parsed: ParsedYaml | undefined;
  let frontMatterText = '';
  const refuse = (language: string) => () => {
    throw new FrontMatterLanguageError(language);
  };
  let body: string | undefined;
  const tooLarge = fileSizeProblem(relPath, utf8Length(source));
  if (tooLarge) return unread(relPath, [tooLarge]);
  if (!/^---[^\S\r\n]*\r?\n/.test(source)) {
    const language = /^---\s*(\w+)/.exec(source)?.[1];
    problems.push({
      severity: 'error',
      kind: language ? 'front-matter-language' : 'no-front-matter',
      file: relPath,
      line: 1,
      column: 1,
      message: language
        ? `文件头只能用 YAML 格式，不能用 ${language}（出于安全考虑，不执行文件里的代码）`
        : '文件开头缺少用 --- 包起来的文件头',
      fix: language ? '把第一行改成 ---，文件头按 YAML 写' : '在文件第一行写 ---，接着写“字段名: 值”，再用一行 --- 结束',
    });
  } else {
    try {
      const file = matter(source, {
        language: 'yaml',
        engines: {
          yaml: (input: string) => {
            frontMatterText = input;
            // gray-matter hands over the text after the opening ---, usually
            // starting with its line break; count the lines before it so that
            // positions are lines of the Markdown file.
            const at = source.indexOf(input);
            const offset = at < 0 ? 1 : source.slice(0, at).split('\n').length - 1;
            const deep = yamlDepthProblem(relPath, input, offset);
            if (deep) {
              problems.push(deep);
              return {};
            }
            parsed = readYaml(input, offset, relPath, problems);
            return problems.length === 0 ? (toData(parsed, relPath, problems) ?? {}) : {};
          },
          js: refuse('JavaScript'),
          javascript: refuse('JavaScript'),
          coffee: refuse('CoffeeScript'),
          json: refuse('JSON'),
          toml: refuse('TOML'),
        },
      });
      body = file.content;
      // Nested quotes and lists make the Markdown parser slow and the tree too deep to walk: refused before it parses the body.
      const bodyAt = source.endsWith(body) ? source.length - body.length : source.lastIndexOf(body);
      const deepBody = markdownDepthProblem(relPath, body, bodyAt > 0 ? source.slice(0, bodyAt).split('\n').length - 1 : 0);
      if (deepBody) problems.push(deepBody);
      if (!/\r?\n---[^\S\r\n]*(\r?\n|$)/.test(source.slice(3))) {
        problems.push({
          severity: 'error',
          kind: 'no-front-matter',
          file: relPath,
          line: 1,
          column: 1,
          message: '文件头没有结束：缺少第二行 ---',
          fix: '在最后一个字段后面加一行 ---，正文写在它下面',
        });
      }
      const data = file.data;
      const done = parsed as ParsedYaml | undefined;
      const scanned = problems.length === 0 && done ? scanScalars(done, frontMatterText, relPath) : undefined;
      problems.push(...(scanned?.tooLong ?? []));
      const parse = problems.length === 0 && done ? onDemand(frontMatterText, done.lineOffset) : keep(done);
      return {
        relPath,
        data: problems.length === 0 ? data : undefined,
        body,
        problems,
        locate: makeLocator(parse),
        rawText: makeRawText(parse, frontMatterText, scanned?.numbers),
        differences: scanned?.differences ?? [],
      };
    } catch (error) {
      if (!(error instanceof FrontMatterLanguageError)) throw error;
      problems.push({
        severity: 'error',
        kind: 'front-matter-language',
        file: relPath,
        line: 1,
        column: 1,
        message: `文件头只能用 YAML 格式，不能用 ${error.language}（出于安全考虑，不执行文件里的代码）`,
        fix: '把第一行改成 ---，文件头按 YAML 写',
      });
    }
  }
  return unread(relPath, problems);
}

/** A file that could not be read into data: its problems, and nothing to locate in it. */
function unread(relPath: string, problems: Problem[]): SourceFile {
  return { relPath, data: undefined, problems, locate: makeLocator(keep(undefined)), rawText: () => undefined, differences: [] };
}

class FrontMatterLanguageError extends Error {
  readonly language: string;
  constructor(language: string) {
    super(`front matter in ${language} is not allowed`);
    this.language = language;
  }
}
