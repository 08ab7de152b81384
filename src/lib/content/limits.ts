/**
 * How large and how deeply nested a content file may be, checked before it
 * is parsed. The parsers recurse once per level of nesting and Node's stack
 * holds a few thousand levels, so a file nested 2,500 deep (a slip of the
 * indentation, brackets never closed, or a file made to break the site)
 * would stop the checker with a stack overflow instead of a message; and a
 * file of megabytes makes every later step slow and hungry. The limits are
 * far above what real content needs (the figures beside each are the
 * example organisation's), so a publicity officer meets one only by mistake,
 * and each message says where and how to fix it.
 */
import type { Problem } from './problem.ts';

export const LIMITS = {
  /** Bytes in one YAML, Markdown or synonyms.txt file. The largest content file in the example is under 20 KB. */
  fileBytes: 1024 * 1024,
  /** Characters in one YAML value or field name. The longest in the example has 202. */
  valueChars: 20_000,
  /** Levels of YAML nesting (a field under a field, a list in a list). The example goes five deep. */
  yamlDepth: 20,
  /**
   * Quotes (>), list items and HTML elements nested in one another in a
   * Markdown body. The example's bodies use one level; content/README.md,
   * which names many tags in `code`, counts 17 (code is counted, see
   * markdownTooDeep).
   */
  markdownDepth: 50,
  /**
   * Words in synonyms.txt, all groups together. Every page's text is searched
   * for every word when the site is built, and merging groups compares them
   * in pairs. The example has about 80.
   */
  synonymWords: 5_000,
} as const;

/** `1.2 MB`, `860 KB`: a size as people read it. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** UTF-8 bytes of a text, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The problem for a file over the size limit, or undefined. */
export function fileSizeProblem(relPath: string, bytes: number): Problem | undefined {
  if (bytes <= LIMITS.fileBytes) return undefined;
  return {
    severity: 'error',
    kind: 'file-too-large',
    file: relPath,
    line: 1,
    column: 1,
    message: `文件太大（${formatBytes(bytes)}），一个内容文件最多 ${formatBytes(LIMITS.fileBytes)}`,
    fix: '内容文件只写要公开的文字：很长的全文、价格表请做成附件（PDF、Excel）放在单位文件夹里，用 ./文件名 链接；也检查一下是不是把别的文件误存成了这个文件名',
  };
}

/** Where nesting first goes past a limit: 1-based line and column, and how deep it is there. */
export interface TooDeep {
  line: number;
  column: number;
  depth: number;
}

/** A line that ends by opening a block scalar (`key: |`, `- >-`): the lines indented under it are text. */
const BLOCK_SCALAR = /(?:^|[\s:-])[|>][+-]?\d?[+-]?\s*$/;

/**
 * An estimate of how deeply a YAML text nests, from its indentation, its
 * list dashes and its [ ] { } brackets, without parsing it: the first place
 * it goes past `limit`, or undefined. Quoted text and comments are skipped
 * on their line, and the lines of a block scalar (| or >) are skipped. It
 * errs towards counting more: a quote is never taken to run on to the next
 * line, so that nothing after an unclosed quote can hide from it.
 */
export function yamlTooDeep(text: string, limit: number = LIMITS.yamlDepth): TooDeep | undefined {
  const lines = text.split('\n');
  // The indentation of each open block level, outermost first.
  const indents: number[] = [];
  let flow = 0;
  // Lines indented further than this belong to a block scalar (| or >) and are text.
  let scalarIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (scalarIndent !== undefined) {
      if (line.trim() === '' || indent > scalarIndent) continue;
      scalarIndent = undefined;
    }
    let j = 0;
    let depth = indents.length;
    // The column a block scalar opened on this line must be indented past.
    let parent = indent;
    // The last character that was not a space: whether a quote or a bracket starts a value.
    let previous = '';
    if (flow === 0) {
      const rest = line.slice(indent);
      if (rest === '' || rest.startsWith('#')) continue;
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
      depth = indents.length;
      j = indent;
      // Compact nested lists (`- - - x`) and explicit keys (`? x`) nest on one line.
      while (/^[-?](?:\s|$)/.test(line.slice(j))) {
        depth++;
        parent = j;
        previous = '-';
        j += 1;
        while (line[j] === ' ') j++;
      }
      if (depth > limit) return { line: i + 1, column: j + 1, depth };
      // `- key: |`: the scalar belongs to the key, whose column is past the dash.
      if (!/^[|>]/.test(line.slice(j))) parent = j;
    }
    let quote: string | undefined;
    for (; j < line.length; j++) {
      const c = line[j] as string;
      if (quote === '"') {
        if (c === '\\') j++;
        else if (c === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && line[j + 1] === "'") j++;
        else if (c === "'") quote = undefined;
        continue;
      }
      if (c === ' ' || c === '\t') continue;
      if (c === '#' && (j === 0 || /\s/.test(line[j - 1] as string))) break;
      const atValueStart = previous === '' || ':-?[{,'.includes(previous);
      // An anchor (&a), alias (*a) or tag (!t) before a value leaves it at the value's start.
      if ((c === '&' || c === '*' || c === '!') && atValueStart) {
        while (j + 1 < line.length && !/[\s,[\]{}]/.test(line[j + 1] as string)) j++;
        continue;
      }
      if ((c === '"' || c === "'") && atValueStart) quote = c;
      else if ((c === '[' || c === '{') && atValueStart) {
        flow++;
        if (depth + flow > limit) return { line: i + 1, column: j + 1, depth: depth + flow };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      previous = c;
    }
    // Tested on the line without its comment: a > in a comment opens nothing.
    if (!quote && flow === 0 && BLOCK_SCALAR.test(line.slice(0, j))) scalarIndent = parent;
  }
  return undefined;
}

/** HTML elements that hold nothing, and those whose end tag may be left out: neither nests when written unclosed. */
const NO_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rp', 'rt', 'colgroup', 'caption',
]);
/** A start or end tag, HTML or JSX; its attributes may run over several lines. */
const TAG = /<(\/?)([A-Za-z][\w.:-]*)(?:\s[^<>]*?)?(\/?)>/g;
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const columns = (space: string) => [...space].reduce((n, c) => (c === '\t' ? n + 4 - (n % 4) : n + 1), 0);

/**
 * An estimate of how deeply a Markdown or MDX body nests, without parsing
 * it: quote markers (>) and list items (by their markers and indentation)
 * at the start of each line, plus the HTML or JSX elements open there. The
 * first place it goes past `limit`, or undefined. Code blocks and `code`
 * are counted too: a list or a quote ends a code block inside it, so text
 * that looks like code may not be, and no real code nests this deep.
 */
export function markdownTooDeep(body: string, limit: number = LIMITS.markdownDepth): TooDeep | undefined {
  const lines = body.split('\n');
  // The depth of quotes and lists on each line, and where each line starts.
  const depths: number[] = [];
  const starts: number[] = [];
  // The columns at which the open list items' markers stand, outermost first.
  const lists: number[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    starts.push(offset);
    offset += line.length + 1;
    let j = 0;
    let col = 0;
    let quotes = 0;
    let items = 0;
    for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line.slice(j))) {
      const marker = m[0].trimStart();
      col += columns(m[0].slice(0, m[0].length - marker.length));
      if (marker === '>') quotes++;
      else {
        // A list item nests in the items above it that stand further left.
        if (items === 0 && quotes === 0) {
          while (lists.length > 0 && (lists.at(-1) as number) >= col) lists.pop();
          lists.push(col);
        }
        items++;
      }
      j += m[0].length;
      col += marker.length;
      const depth = quotes + (items > 0 && quotes === 0 ? lists.length + items - 1 : items);
      if (depth > limit) return { line: i + 1, column: j, depth };
    }
    depths.push(quotes + (items > 0 && quotes === 0 ? lists.length + items - 1 : items));
  }
  let html = 0;
  let line = 0;
  for (const tag of body.matchAll(TAG)) {
    const at = tag.index ?? 0;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= at) line++;
    const name = (tag[2] as string).toLowerCase();
    if (NO_NESTING.has(name) || tag[3]) continue;
    if (tag[1]) {
      html = Math.max(0, html - 1);
      continue;
    }
    html++;
    const depth = (depths[line] as number) + html;
    if (depth > limit) return { line: line + 1, column: at - (starts[line] as number) + 1, depth };
  }
  return undefined;
}

/** The problem for YAML (a file or front matter) nested past the limit, or undefined; `lineOffset` is added to its line. */
export function yamlDepthProblem(relPath: string, text: string, lineOffset = 0): Problem | undefined {
  const deep = yamlTooDeep(text);
  if (!deep) return undefined;
  return {
    severity: 'error',
    kind: 'too-deep',
    file: relPath,
    line: deep.line + lineOffset,
    column: deep.column,
    message: `这里嵌套了 ${deep.depth} 层，超过了上限 ${LIMITS.yamlDepth} 层（字段下面的字段、列表里的列表、括号里的括号都算一层）`,
    fix: '内容文件用不到这么多层（示例最多五层）：检查这一行以上的缩进是不是越来越多、[ 和 { 是否忘了闭合，对照示例文件改正',
  };
}

/** The problem for a Markdown body nested past the limit, or undefined; `lineOffset` is the number of the file's lines before the body. */
export function markdownDepthProblem(relPath: string, body: string, lineOffset = 0): Problem | undefined {
  const deep = markdownTooDeep(body);
  if (!deep) return undefined;
  return {
    severity: 'error',
    kind: 'too-deep',
    file: relPath,
    line: deep.line + lineOffset,
    column: deep.column,
    fieldTitle: '正文',
    message: `正文在这里嵌套了 ${deep.depth} 层，超过了上限 ${LIMITS.markdownDepth} 层（引用符号 >、列表里的列表、没有结束的 HTML 标签都算一层）`,
    fix: '减少这一行开头的 > 和列表缩进，检查 HTML 标签是否都有结束标签（如 </div>）；公开的内容两三层就够了',
  };
}

/** The problem for a value or field name longer than the limit, or undefined. */
export function valueLengthProblem(relPath: string, field: string, length: number, at: { line: number; column: number }, isKey = false): Problem | undefined {
  if (length <= LIMITS.valueChars) return undefined;
  return {
    severity: 'error',
    kind: 'value-too-long',
    file: relPath,
    line: at.line,
    column: at.column,
    ...(field ? { field } : {}),
    message: `${isKey ? '字段名' : '这个值'}太长：有 ${length.toLocaleString('en-US')} 个字符，一个值最多 ${LIMITS.valueChars.toLocaleString('en-US')} 个字符`,
    fix: isKey
      ? '字段名后面要有英文冒号和空格：检查这一行是不是漏了“: ”，把正文写在冒号后面'
      : '公开栏只需要简明的内容：删减这段文字；确实很长的全文请做成附件（PDF）放在单位文件夹里，用 ./文件名 链接',
  };
}
