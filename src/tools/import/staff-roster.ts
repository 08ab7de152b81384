/**
 * A staff roster (花名册) as staff records: which column is which, what each
 * cell means, and every cell that cannot be trusted. Pure: the table is
 * already read (table.ts) and the caller says which posts exist and which
 * photo files are there.
 *
 * Numbers that Excel changed are errors naming the row and the column, never
 * fixed silently: 1.38E+10 in a CSV (the digits are gone), a staff number
 * shorter than the zero-padded others in its column (a leading 0 is gone),
 * and a staff or licence number stored as a number in an .xlsx (leading zeros
 * are gone and nothing shows whether there were any).
 */
import { STAFF_BADGES } from '#schemas/staff.ts';
import type { Cell, Table } from './table.ts';
import { uniqueSlugs } from './slug.ts';

export type StaffField =
  'name' | 'photo' | 'post' | 'window' | 'title' | 'position' | 'number' | 'numberLabel' | 'licence' | 'badges' | 'plaque' | 'intro' | 'order' | 'onDuty' | 'absence' | 'left';

type ColumnKind = 'text' | 'code' | 'post' | 'badges' | 'photo' | 'integer' | 'duty' | 'date';

export interface ColumnSpec {
  field: StaffField;
  /** The header the template uses. */
  header: string;
  /** Other headers people write for the same column. */
  aliases: readonly string[];
  kind: ColumnKind;
  /** For codes: whether a numeric .xlsx cell is refused outright (staff and licence numbers). */
  numericCellIsError?: boolean;
}

/** The columns a roster may have, in the order of a staff file. */
export const STAFF_COLUMNS: readonly ColumnSpec[] = [
  { field: 'name', header: '姓名', aliases: ['名字'], kind: 'text' },
  { field: 'photo', header: '照片', aliases: ['照片文件', '工作照', '照片文件名'], kind: 'photo' },
  { field: 'post', header: '岗位', aliases: ['岗位名称', '所在岗位', '工作岗位'], kind: 'post' },
  { field: 'window', header: '窗口号', aliases: ['窗口', '窗口编号', '所在窗口'], kind: 'code' },
  { field: 'title', header: '职称', aliases: ['专业技术职称', '技术职称', '专业技术职务'], kind: 'text' },
  { field: 'position', header: '职务', aliases: ['行政职务'], kind: 'text' },
  { field: 'number', header: '工号', aliases: ['员工号', '职工号', '工作证号', '警号'], kind: 'code', numericCellIsError: true },
  { field: 'numberLabel', header: '编号名称', aliases: [], kind: 'text' },
  { field: 'licence', header: '执业证号', aliases: ['执业证书编号', '执业证书号', '执业证编号', '执业证书号码'], kind: 'code', numericCellIsError: true },
  { field: 'badges', header: '政治面貌', aliases: [], kind: 'badges' },
  { field: 'plaque', header: '荣誉牌', aliases: ['荣誉', '示范岗'], kind: 'text' },
  { field: 'intro', header: '简介', aliases: ['个人简介', '擅长', '专业特长'], kind: 'text' },
  { field: 'order', header: '排序', aliases: ['顺序', '排列顺序'], kind: 'integer' },
  { field: 'onDuty', header: '是否在岗', aliases: ['在岗'], kind: 'duty' },
  { field: 'absence', header: '不在岗说明', aliases: [], kind: 'text' },
  { field: 'left', header: '离岗日期', aliases: ['调离日期'], kind: 'date' },
];

/** Columns that must never be published; they are left out with a note. */
const PRIVATE_HEADERS = [
  '身份证号',
  '身份证',
  '身份证号码',
  '公民身份号码',
  '手机',
  '手机号',
  '手机号码',
  '联系电话',
  '电话',
  '家庭住址',
  '住址',
  '现住址',
  '出生日期',
  '出生年月',
  '年龄',
  '性别',
  '民族',
  '籍贯',
  '学历',
];

export interface ImportMessage {
  /** Row number as Excel shows it. */
  row?: number;
  /** The column header as written in the roster. */
  column?: string;
  message: string;
}

/** `第 5 行“工号”列：…`. */
export function formatMessage(m: ImportMessage): string {
  const where = m.row !== undefined ? `第 ${m.row} 行${m.column ? `“${m.column}”列` : ''}：` : m.column ? `“${m.column}”列：` : '';
  return `${where}${m.message}`;
}

/** The header as people mean it: 姓名*、* 姓名、姓名（必填） are all 姓名. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s\u3000*＊:：]/g, '')
    .trim();
}

export interface Column {
  index: number;
  /** As written in the roster. */
  header: string;
  spec: ColumnSpec;
}

/** Which column holds which field. Errors for missing required columns and columns given twice. */
export function mapHeaders(headers: readonly string[]): { columns: Column[]; errors: ImportMessage[]; notes: ImportMessage[] } {
  const columns: Column[] = [];
  const errors: ImportMessage[] = [];
  const notes: ImportMessage[] = [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const spec = STAFF_COLUMNS.find((c) => c.header === key || c.aliases.includes(key));
    if (!spec) {
      notes.push({
        column: header,
        message: PRIVATE_HEADERS.includes(key)
          ? '这一列不导入：这类个人信息不在公示范围内，不能发布'
          : `这一列不认识，没有导入。能导入的列：${STAFF_COLUMNS.map((c) => c.header).join('、')}`,
      });
      return;
    }
    const earlier = columns.find((c) => c.spec.field === spec.field);
    if (earlier) {
      errors.push({ column: header, message: `和“${earlier.header}”列是同一项，只能保留一列` });
      return;
    }
    columns.push({ index, header, spec });
  });
  for (const field of ['name', 'post'] as const) {
    if (!columns.some((c) => c.spec.field === field)) {
      const spec = STAFF_COLUMNS.find((c) => c.field === field) as ColumnSpec;
      errors.push({ message: `花名册第一行里没有“${spec.header}”列：每位工作人员都要写${spec.header}。第一行应是列名，例如 姓名、岗位、职称、工号` });
    }
  }
  return { columns, errors, notes };
}

/** The posts of the unit, as `posts/<slug>.yaml` with its `name`. */
export interface PostRef {
  slug: string;
  name: string;
}

/** The post a roster cell names: its name as in posts/*.yaml, that name without 岗, or its file name. */
export function findPost(value: string, posts: readonly PostRef[]): PostRef | undefined {
  const v = value.replace(/\s+/g, '');
  return posts.find((p) => p.slug === v.toLowerCase() || p.name.replace(/\s+/g, '') === v || p.name.replace(/\s+/g, '') === `${v}岗`);
}

const BADGE_OF: Record<string, keyof typeof STAFF_BADGES | null> = {
  中共党员: 'party-member',
  党员: 'party-member',
  中国共产党党员: 'party-member',
  中共预备党员: 'party-member',
  预备党员: 'party-member',
  共青团员: 'league-member',
  团员: 'league-member',
  中国共产主义青年团团员: 'league-member',
  群众: null,
  无: null,
  无党派: null,
  无党派人士: null,
  民主党派: null,
};
const DEMOCRATIC_PARTIES = /民革|民盟|民建|民进|农工|致公|九三|台盟/;

/** The badge for a political status, `null` for none; `undefined` when the value is not one we know. */
export function badgeFor(value: string): keyof typeof STAFF_BADGES | null | undefined {
  const v = value.replace(/\s+/g, '');
  if (v === '') return null;
  if (v in BADGE_OF) return BADGE_OF[v];
  if (DEMOCRATIC_PARTIES.test(v)) return null;
  return undefined;
}

const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DIGITS = /^\d+$/;
const REDO = '请在 Excel 里把这一列设为“文本”后重新输入';

/**
 * Width of the zero-padded numbers in a column of codes, when the column
 * shows they are padded: some values start with 0 and all of those have the
 * same length. `undefined` when nothing shows it.
 */
export function paddedWidth(values: readonly string[]): number | undefined {
  const padded = values.filter((v) => DIGITS.test(v) && v.startsWith('0') && v.length > 1);
  const widths = new Set(padded.map((v) => v.length));
  return widths.size === 1 ? [...widths][0] : undefined;
}

/** What is wrong with a code cell (工号, 窗口号, 执业证号), given the column's padded width; nothing when it is fine. */
export function codeProblem(cell: Cell, spec: ColumnSpec, width: number | undefined, sample: string | undefined): string | undefined {
  const text = cell.text;
  if (SCIENTIFIC.test(text) || (cell.kind === 'number' && /e/i.test(text))) {
    return `${text} 是被 Excel 改写成科学计数法的数字，原来的号码已经丢失；${REDO}`;
  }
  if (cell.kind === 'number' && (spec.numericCellIsError || !DIGITS.test(text))) {
    return `${text} 在 Excel 里是数字格式：开头的 0 会被去掉，超过 15 位的号码末尾会变成 0，无法确认这是不是原来的号码；${REDO}`;
  }
  if (width !== undefined && DIGITS.test(text) && text.length < width && !text.startsWith('0')) {
    return `${text} 比这一列其他号码（如 ${sample}）短，开头的 0 可能被 Excel 去掉了；${REDO}原来的号码`;
  }
  return undefined;
}

const DATE_FORMS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日$/];

/** 2026-3-1, 2026/3/1, 2026.3.1, 2026年3月1日 → 2026-03-01; `undefined` for anything else. */
export function normaliseDate(text: string): string | undefined {
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    }
  }
  return undefined;
}

/** A staff file's data, in the order the file lists fields. */
export interface StaffData {
  name: string;
  /** Only when the roster names a photo that is there: someone without one is published with a placeholder. */
  photo?: string;
  post: string;
  window?: string;
  title?: string;
  position?: string;
  number?: string;
  numberLabel?: string;
  licence?: string;
  badges?: string[];
  plaque?: string;
  intro?: string;
  order?: number;
  onDuty?: boolean;
  absence?: string;
  left?: string;
}

export interface StaffRecord {
  row: number;
  slug: string;
  data: StaffData;
  /** The photo file as named in the roster, relative to the roster; absent when the roster names none. */
  photoSource?: string;
}

export interface RosterResult {
  records: StaffRecord[];
  /** Rows that had something in them: the rows read. */
  rowsRead: number;
  skipped: ImportMessage[];
  errors: ImportMessage[];
  notes: ImportMessage[];
}

export interface RosterOptions {
  posts: readonly PostRef[];
  /** Whether a photo file named in the roster exists (relative to the roster). */
  photoExists: (name: string) => boolean;
  /** Photo types the site accepts. */
  imageExtensions: readonly string[];
}

/** A name as people mean it: 张　伟 (padded to line up with three-character names in Excel) is 张伟. */
export function normaliseName(name: string): string {
  return name
    .replace(/[\s\u3000]+/g, (space, at: number) => (/\p{Script=Han}/u.test(name[at - 1] ?? '') && /\p{Script=Han}/u.test(name[at + space.length] ?? '') ? '' : ' '))
    .trim();
}

/** Staff records from a roster table: every row with a name, or the errors that stop the import. */
export function rosterRecords(table: Table, options: RosterOptions): RosterResult {
  const errors: ImportMessage[] = [];
  const notes: ImportMessage[] = [];
  const skipped: ImportMessage[] = [];
  const nonEmpty = table.rows.filter((r) => r.cells.some((c) => c.text !== ''));
  // Rosters often start with a title row (“门诊服务中心工作人员花名册”) above the column names.
  const nameSpec = STAFF_COLUMNS.find((c) => c.field === 'name') as ColumnSpec;
  const isHeader = (r: (typeof nonEmpty)[number]) => r.cells.some((c) => [nameSpec.header, ...nameSpec.aliases].includes(normaliseHeader(c.text)));
  const headerAt = Math.max(0, nonEmpty.slice(0, 10).findIndex(isHeader));
  for (const above of nonEmpty.slice(0, headerAt)) notes.push({ row: above.row, message: '在列名行上面，没有导入' });
  const [headerRow, ...dataRows] = nonEmpty.slice(headerAt);
  if (!headerRow) return { records: [], rowsRead: 0, skipped, errors: [{ message: '花名册是空的' }], notes };
  const mapped = mapHeaders(headerRow.cells.map((c) => c.text));
  errors.push(...mapped.errors);
  notes.push(...mapped.notes);
  if (mapped.errors.length > 0) return { records: [], rowsRead: dataRows.length, skipped, errors, notes };

  const cellOf = (row: (typeof dataRows)[number], column: Column): Cell => row.cells[column.index] ?? { text: '', kind: 'text' };
  const nameColumn = mapped.columns.find((c) => c.spec.field === 'name') as Column;
  const rows = dataRows.filter((row) => {
    if (normaliseName(cellOf(row, nameColumn).text) !== '') return true;
    skipped.push({ row: row.row, message: '姓名是空的，跳过这一行' });
    return false;
  });

  // Evidence of zero padding, per code column, from every value in it.
  const widths = new Map<Column, { width?: number; sample?: string }>();
  for (const column of mapped.columns.filter((c) => c.spec.kind === 'code')) {
    const values = rows
      .map((r) => cellOf(r, column))
      .filter((c) => c.kind === 'text')
      .map((c) => c.text);
    const width = paddedWidth(values);
    widths.set(column, {
      ...(width !== undefined ? { width } : {}),
      ...(width !== undefined ? { sample: values.find((v) => v.length === width && v.startsWith('0')) as string } : {}),
    });
  }

  const names = rows.map((r) => normaliseName(cellOf(r, nameColumn).text));
  const slugs = uniqueSlugs(names);
  const firstRowOf = new Map<string, number>();
  const records: StaffRecord[] = [];
  rows.forEach((row, i) => {
    const name = names[i] as string;
    const slug = slugs[i] as string;
    const rowErrors: ImportMessage[] = [];
    const fail = (column: Column, message: string) => rowErrors.push({ row: row.row, column: column.header, message });
    if (slug === '') {
      fail(nameColumn, `从姓名“${name}”生成不了文件名（要能转成拼音或英文字母）`);
    }
    const earlier = firstRowOf.get(name);
    if (earlier !== undefined) notes.push({ row: row.row, message: `和第 ${earlier} 行姓名相同（${name}），写成 ${slug}.yaml；如果是同一个人重复了，请删掉一行` });
    else firstRowOf.set(name, row.row);

    const data: StaffData = { name, post: '' };
    let photoSource: string | undefined;
    for (const column of mapped.columns) {
      const cell = cellOf(row, column);
      const text = cell.text;
      const { spec } = column;
      if (spec.field === 'name') continue;
      if (text === '' && spec.kind !== 'post') continue;
      switch (spec.kind) {
        case 'text': {
          const value = cell.kind === 'date' ? text : text.replace(/\r\n/g, '\n');
          (data as unknown as Record<string, unknown>)[spec.field] = value;
          break;
        }
        case 'code': {
          const { width, sample } = widths.get(column) ?? {};
          const problem = codeProblem(cell, spec, width, sample);
          if (problem) fail(column, problem);
          else (data as unknown as Record<string, unknown>)[spec.field] = text;
          if (spec.field === 'number' && normaliseHeader(column.header) === '警号') data.numberLabel ??= '警号';
          break;
        }
        case 'post': {
          if (text === '') {
            fail(column, '岗位是空的：每位工作人员都要写所在岗位');
            break;
          }
          const post = findPost(text, options.posts);
          if (post) data.post = post.slug;
          else
            fail(
              column,
              options.posts.length === 0
                ? `找不到岗位“${text}”：本单位还没有岗位，请先用 npm run new -- post <单位>/<岗位拼音> 添加岗位`
                : `找不到岗位“${text}”。本单位的岗位有：${options.posts.map((p) => `${p.name}（${p.slug}）`).join('、')}；请改成其中之一，或先添加这个岗位`,
            );
          break;
        }
        case 'badges': {
          const badge = badgeFor(text);
          if (badge === undefined) fail(column, `看不懂政治面貌“${text}”：可以写 中共党员、党员、共青团员、团员、群众，或不填`);
          else if (badge !== null) data.badges = [STAFF_BADGES[badge]];
          break;
        }
        case 'photo': {
          const ext = text.includes('.') ? (text.split('.').pop() ?? '').toLowerCase() : '';
          if (!options.imageExtensions.includes(ext)) {
            fail(column, `照片文件“${text}”的类型不支持：请用 ${options.imageExtensions.join('、')}`);
          } else if (!options.photoExists(text)) {
            fail(column, `找不到照片文件“${text}”：照片要放在花名册所在的文件夹里（或写相对于花名册的路径）`);
          } else {
            photoSource = text;
            data.photo = `./${slug}.${ext === 'jpeg' ? 'jpg' : ext}`;
          }
          break;
        }
        case 'integer': {
          if (cell.kind === 'number' ? Number.isInteger(Number(text)) : /^-?\d+$/.test(text)) data.order = Number(text);
          else fail(column, `“${text}”不是整数：排序写 1、2、3 这样的整数，越小越靠前`);
          break;
        }
        case 'duty': {
          if (['是', '在岗', 'true', '√', '✓'].includes(text)) break;
          if (['否', '不在岗', 'false', '×'].includes(text)) data.onDuty = false;
          else fail(column, `看不懂“${text}”：在岗写 是，不在岗写 否`);
          break;
        }
        case 'date': {
          const date = cell.kind === 'date' ? text : normaliseDate(text);
          if (date) data.left = date;
          else fail(column, `“${text}”不是日期：写成 2026-11-22 这样的年-月-日`);
          break;
        }
      }
    }
    errors.push(...rowErrors);
    if (rowErrors.length === 0) records.push({ row: row.row, slug, data, ...(photoSource !== undefined ? { photoSource } : {}) });
  });
  return { records, rowsRead: dataRows.length, skipped, errors, notes };
}
