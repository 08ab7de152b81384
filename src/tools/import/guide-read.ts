/**
 * A Word service guide (.docx) as a list of blocks: paragraphs, lists and
 * tables, in the order of the document. mammoth turns the .docx into plain
 * HTML (it keeps tables with their merged cells as colspan/rowspan, numbered
 * lists and footnotes, and drops the formatting a guide does not need);
 * htmlparser2 reads that HTML. Merged cells are spread over every grid
 * position they cover, each copy remembering the cell it came from, so that a
 * heading merged down three rows is seen as one heading for three rows.
 *
 * Footnotes stay attached to the place that cites them: a reference becomes
 * the token `〔注n〕` in the text, and the guide keeps each footnote's text,
 * so that the element whose value cites it gets it as a note.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';

export interface Cell {
  text: string;
  /** Which source cell this grid position belongs to (a merged cell covers several). */
  origin: number;
}

export type Block = { kind: 'para'; text: string; emphasis: boolean } | { kind: 'list'; ordered: boolean; items: string[] } | { kind: 'table'; rows: Cell[][] };

export interface GuideDocument {
  blocks: Block[];
  /** Footnote number → its text. */
  footnotes: Map<number, string>;
}

export class GuideReadError extends Error {}

/** The token a footnote reference leaves in the text. */
export const FOOTNOTE_TOKEN = /〔注(\d+)〕/g;

interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
}

const elements = (node: Node): Node[] => (node.children ?? []).filter((c) => c.type === 'tag');

/**
 * Text a person reads: full-width letters and digits as ordinary ones (Ｂ２
 * is B2), non-breaking and ideographic spaces as spaces, runs of spaces as
 * one; Chinese punctuation stays as it is.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => (/[０-９Ａ-Ｚａ-ｚ．－／]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c))
    .replace(/[\u00a0\u3000\u2002-\u200b\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** The text of an inline run, footnote references as tokens. */
function inlineText(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag') return '';
  if (node.name === 'br') return '\n';
  if (node.name === 'sup') {
    const ref = /^#footnote-(\d+)$/.exec(elements(node).find((c) => c.name === 'a')?.attribs?.href ?? '');
    if (ref) return `〔注${ref[1]}〕`;
  }
  // The "↑" link back from a footnote to its reference.
  if (node.name === 'a' && /^#footnote-ref-/.test(node.attribs?.href ?? '')) return '';
  return (node.children ?? []).map(inlineText).join('');
}

/** The lines of a block-level node: paragraphs and list items each on their own line. */
function blockLines(node: Node): string[] {
  if (node.type !== 'tag') return [inlineText(node)];
  if (node.name === 'ol' || node.name === 'ul') {
    return elements(node)
      .filter((li) => li.name === 'li')
      .map((li, i) => `${node.name === 'ol' ? `${i + 1}. ` : ''}${cellText(li)}`);
  }
  if (node.name === 'p' || /^h\d$/.test(node.name ?? '')) return [inlineText(node)];
  if (node.name === 'table')
    return tableRows(node).map((row) =>
      distinct(row)
        .map((c) => c.text)
        .join(' '),
    );
  return [inlineText(node)];
}

function cellText(node: Node): string {
  const hasBlocks = (node.children ?? []).some((c) => c.type === 'tag' && ['p', 'ol', 'ul', 'table', 'h1', 'h2', 'h3', 'h4'].includes(c.name ?? ''));
  const lines = hasBlocks ? (node.children ?? []).flatMap(blockLines) : [inlineText(node)];
  return normaliseText(lines.join('\n'));
}

/** The cells of each row, one per grid position; a merged cell appears at every position it covers. */
function tableRows(table: Node): Cell[][] {
  const rows: Node[] = [];
  const collect = (node: Node) => {
    for (const c of elements(node)) {
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') collect(c);
    }
  };
  collect(table);
  const grid: Cell[][] = rows.map(() => []);
  let origin = 0;
  rows.forEach((tr, r) => {
    let col = 0;
    for (const td of elements(tr).filter((c) => c.name === 'td' || c.name === 'th')) {
      while (grid[r]![col] !== undefined) col++;
      const span = Math.max(1, Number(td.attribs?.colspan ?? 1) || 1);
      const down = Math.max(1, Number(td.attribs?.rowspan ?? 1) || 1);
      const cell: Cell = { text: cellText(td), origin: origin++ };
      for (let dr = 0; dr < down && r + dr < rows.length; dr++) for (let dc = 0; dc < span; dc++) grid[r + dr]![col + dc] = cell;
      col += span;
    }
  });
  // A row shorter than the others (a cell missing in Word) is padded with empty cells of its own.
  const width = Math.max(0, ...grid.map((row) => row.length));
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= { text: '', origin: origin++ };
  return grid;
}

/** The cells of a row with each merged cell once. */
export function distinct(row: readonly Cell[]): Cell[] {
  const seen = new Set<number>();
  return row.filter((c) => (seen.has(c.origin) ? false : (seen.add(c.origin), true)));
}

/** Blocks and footnotes from mammoth's HTML. */
export function blocksFromHtml(html: string): GuideDocument {
  const doc = parseDocument(html) as unknown as Node;
  const blocks: Block[] = [];
  const footnotes = new Map<number, string>();
  for (const node of elements(doc)) {
    if (node.name === 'table') {
      blocks.push({ kind: 'table', rows: tableRows(node) });
    } else if (node.name === 'ol' || node.name === 'ul') {
      const items = elements(node).filter((li) => li.name === 'li');
      const notes = items.filter((li) => /^footnote-\d+$/.test(li.attribs?.id ?? '') || /^endnote-\d+$/.test(li.attribs?.id ?? ''));
      if (notes.length > 0 && notes.length === items.length) {
        for (const li of notes) footnotes.set(Number(/\d+$/.exec(li.attribs?.id ?? '')?.[0]), cellText(li));
        continue;
      }
      blocks.push({ kind: 'list', ordered: node.name === 'ol', items: items.map(cellText).filter((t) => t !== '') });
    } else {
      const text = normaliseText(inlineText(node));
      if (text === '') continue;
      const emphasis = /^h\d$/.test(node.name ?? '') || elements(node).some((c) => c.name === 'strong' && normaliseText(inlineText(c)) === text);
      // A paragraph with line breaks inside (Shift+Enter) is read as several.
      for (const line of text.split('\n')) if (line.trim() !== '') blocks.push({ kind: 'para', text: line.trim(), emphasis });
    }
  }
  return { blocks, footnotes };
}

/** What the first bytes of a file say it is, for a clear message when a file is not a Word document. */
function sniff(bytes: Buffer): 'zip' | 'ole' | 'pdf' | 'other' {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  return 'other';
}

const RESAVE = '请用 Word 或 WPS 打开，“另存为”Word 文档（*.docx）后再导入';

/** Reads one .docx file into blocks; any file that is not one is a GuideReadError in Chinese. */
export async function readGuide(path: string): Promise<GuideDocument> {
  const ext = extname(path).toLowerCase();
  const bytes = await readFile(path);
  const kind = sniff(bytes);
  if (ext === '.doc' || (ext === '.docx' && kind === 'ole')) {
    throw new GuideReadError(`这是旧版 Word 文件（.doc），读不了：${RESAVE}`);
  }
  if (ext === '.wps' || ext === '.rtf' || ext === '.pdf' || ext === '.odt') throw new GuideReadError(`不支持 ${ext} 文件：${RESAVE}`);
  if (ext !== '.docx') throw new GuideReadError(`不支持 ${ext || '没有扩展名'} 的文件：办事指南请用 Word 文档（.docx），事项清单请用 npm run import -- guides <清单.xlsx 或 .csv>`);
  if (kind === 'pdf') throw new GuideReadError(`这个文件其实是 PDF，只是扩展名改成了 .docx：请找到原来的 Word 文档，或${RESAVE.slice(1)}`);
  if (kind !== 'zip') throw new GuideReadError(`这个文件不是 Word 文档（.docx 文件的开头不对，可能是改了扩展名的其他文件）：${RESAVE}`);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes })).value;
  } catch (error) {
    throw new GuideReadError(`这个 Word 文档已损坏或不完整，读不出内容（${(error as Error).message.split('\n')[0]}）：请重新保存或重新复制一份后再导入`);
  }
  return blocksFromHtml(html);
}
