/**
 * A spreadsheet as rows of cells, from a CSV file in any of the encodings
 * Excel writes (see src/lib/text-encoding.ts) or from an .xlsx workbook (its first sheet,
 * read with read-excel-file; the frozen `xlsx` package is deliberately not
 * used). Each cell keeps what kind of value it was, because a number in an
 * .xlsx cell where a staff number belongs has already lost its leading zeros.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import { decodeText, type TextEncoding } from '#lib/text-encoding.ts';

export interface Cell {
  /** The text of the cell as the spreadsheet shows it, trimmed; '' when empty. */
  text: string;
  /**
   * `number`: an .xlsx numeric cell (`text` is the number as stored);
   * `date`: an .xlsx date cell (`text` is YYYY-MM-DD); `text` otherwise.
   */
  kind: 'text' | 'number' | 'date';
}

export interface TableRow {
  /** The row number people see in Excel: the first row is 1. */
  row: number;
  cells: Cell[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  rows: TableRow[];
}

export class TableError extends Error {}

const OLD_XLS = '这是旧版 .xls 文件，读不了：请在 Excel 里“另存为”Excel 工作簿（.xlsx）或 CSV UTF-8 后再导入';

const textCell = (text: string): Cell => ({ text: text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''), kind: 'text' });

/** Rows of a CSV text. Tabs separate the columns of Excel's "Unicode text" export. */
export function parseCsv(text: string): TableRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new TableError(`CSV 文件格式有误${e.lines ? `（第 ${e.lines} 行附近）` : ''}：${e.message}。常见原因是某个单元格里有不成对的英文双引号`);
  }
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map(textCell) }));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Rows of the first sheet of an .xlsx workbook, numeric cells marked as numbers. */
export async function readXlsx(bytes: Buffer): Promise<TableRow[]> {
  let data: unknown[][];
  try {
    data = (await readSheet(bytes)) as unknown[][];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'XLS_FILE_NOT_SUPPORTED') throw new TableError(OLD_XLS);
    throw new TableError(`读不了这个 .xlsx 文件：${(error as Error).message}`);
  }
  return data.map((cells, i) => ({
    row: i + 1,
    cells: cells.map((value): Cell => {
      if (value === null || value === undefined) return { text: '', kind: 'text' };
      if (value instanceof Date) return { text: `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`, kind: 'date' };
      if (typeof value === 'number') return { text: String(value), kind: 'number' };
      if (typeof value === 'boolean') return { text: value ? '是' : '否', kind: 'text' };
      return textCell(String(value));
    }),
  }));
}

/** Reads a roster from disk: `.csv`/`.txt` (any Excel encoding) or `.xlsx`. */
export async function readTable(path: string): Promise<Table> {
  const ext = extname(path).toLowerCase();
  const bytes = await readFile(path);
  if (ext === '.xlsx') return { format: 'xlsx', rows: await readXlsx(bytes) };
  if (ext === '.xls') throw new TableError(OLD_XLS);
  if (ext !== '.csv' && ext !== '.txt') throw new TableError(`不支持 ${ext || '没有扩展名'} 的文件：请用 .csv 或 .xlsx`);
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text) };
}
