/**
 * Reads a content file (YAML, or Markdown with a YAML front matter) keeping
 * the position of every value, so that a problem can be reported at its line
 * and column.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Problem } from './problem.ts';

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

function describeYamlError(code: string, lineText: string): { message: string; fix: string } {
  const known = YAML_ERRORS[code] ?? { message: 'YAML 格式错误', fix: '对照示例检查这一行的写法' };
  if (/[：]/.test(lineText) && !/:\s/.test(lineText.replace(/"[^"]*"|'[^']*'/g, ''))) {
    return { message: `${known.message}（这一行用了中文全角冒号“：”）`, fix: '把字段名后的“：”改成英文半角冒号“:”，冒号后加一个空格' };
  }
  return known;
}

interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Added to every line number: the front matter starts on the file's second line. */
  lineOffset: number;
}

function readYaml(text: string, lineOffset: number, relPath: string, problems: Problem[]): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  const textLines = text.split('\n');
  for (const error of doc.errors) {
    let pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    // The parser notices an unclosed quote only at the end of the file; the
    // person needs the line where the quote was opened.
    if (error.code === 'MISSING_CHAR') {
      const opened = textLines.findIndex((l) => (l.replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1);
      if (opened >= 0 && opened + 1 < pos.line) pos = { line: opened + 1, col: (textLines[opened] ?? '').indexOf('"') + 1 };
    }
    const { message, fix } = describeYamlError(error.code, textLines[pos.line - 1] ?? '');
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

function positionOf(parsed: ParsedYaml, offset: number): Position {
  const { line, col } = parsed.lines.linePos(offset);
  return { line: line + parsed.lineOffset, column: col };
}

function findPair(node: Node | null | undefined, key: PropertyKey): Pair<Node, Node | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p): p is Pair<Node, Node | null> => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key)) as
    | Pair<Node, Node | null>
    | undefined;
}

function makeLocator(parsed: ParsedYaml | undefined) {
  return (path: readonly PropertyKey[], at: 'value' | 'key' = 'value') => {
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

function makeRawText(parsed: ParsedYaml | undefined, text: string) {
  return (path: readonly PropertyKey[]) => {
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
  const parsed = readYaml(source, 0, relPath, problems);
  const data = problems.length === 0 ? parsed.doc.toJS({ maxAliasCount: 50 }) : undefined;
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
  return {
    relPath,
    data: problems.length === 0 ? data : undefined,
    problems,
    locate: makeLocator(parsed),
    rawText: makeRawText(parsed, source),
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
            parsed = readYaml(input, offset, relPath, problems);
            return problems.length === 0 ? (parsed.doc.toJS({ maxAliasCount: 50 }) ?? {}) : {};
          },
          js: refuse('JavaScript'),
          javascript: refuse('JavaScript'),
          coffee: refuse('CoffeeScript'),
          json: refuse('JSON'),
          toml: refuse('TOML'),
        },
      });
      body = file.content;
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
      return {
        relPath,
        data: problems.length === 0 ? data : undefined,
        body,
        problems,
        locate: makeLocator(parsed),
        rawText: makeRawText(parsed, frontMatterText),
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
  return { relPath, data: undefined, problems, locate: makeLocator(undefined), rawText: () => undefined };
}

class FrontMatterLanguageError extends Error {
  readonly language: string;
  constructor(language: string) {
    super(`front matter in ${language} is not allowed`);
    this.language = language;
  }
}
