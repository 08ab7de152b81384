/**
 * The elements of a service guide (事项名称, 申请材料, 办理时限 …) found in
 * a document's blocks, whatever the layout: a two-column table of element and
 * value, four columns with two pairs a row, a heading merged down several rows
 * over a table of materials or over 法定/承诺 sub-rows, a heading row across
 * the table followed by its rows, or headings ("一、申请材料") followed by
 * paragraphs and lists, or "办理时间：…" on one line. Each element keeps the
 * heading as the document wrote it, so that the import report can quote it.
 */
import { distinct, FOOTNOTE_TOKEN, type Block, type Cell, type GuideDocument } from './guide-read.ts';

export const ELEMENTS = {
  name: '事项名称',
  code: '事项编码',
  category: '事项类型',
  audience: '服务对象',
  summary: '事项简介',
  legalBasis: '设定依据',
  eligibility: '受理条件',
  applicants: '申请人类型',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  statutory: '法定办结时限',
  promised: '承诺办结时限',
  limitNote: '时限说明',
  visits: '到现场次数',
  fee: '收费标准',
  feeNote: '收费说明',
  result: '办理结果',
  delivery: '送达方式',
  place: '办理地点',
  scope: '通办范围',
  appointment: '预约',
  hours: '办理时间',
  holidays: '节假日安排',
  hoursNote: '办公时间说明',
  consult: '咨询电话',
  complaint: '监督投诉电话',
  phones: '电话',
  online: '网上办理',
  faq: '常见问题',
  notes: '温馨提示',
} as const;
export type ElementKey = keyof typeof ELEMENTS;

/** The wordings real guides use for each element, after removing spaces and punctuation. */
const WORDINGS: Record<ElementKey, readonly string[]> = {
  name: ['事项名称', '服务事项', '事项', '项目名称', '办理事项', '服务项目', '服务事项名称', '事项名', '业务名称', '业务事项'],
  code: ['事项编码', '事项代码', '基本编码', '实施编码', '事项编号', '业务办理项编码', '编码'],
  category: ['事项类型', '事项类别', '权力类型', '事项性质', '办件类型', '类型'],
  audience: ['服务对象', '办理对象', '申请对象', '适用对象', '行使对象'],
  summary: ['事项简介', '事项说明', '服务内容', '适用范围', '简介', '事项概述', '服务说明'],
  legalBasis: ['设定依据', '法律依据', '办理依据', '实施依据', '政策依据', '法定依据', '设立依据', '依据'],
  eligibility: ['受理条件', '申请条件', '办理条件', '受理标准', '准予条件', '申办条件', '申请人条件'],
  applicants: ['申请人类型', '申请人类别', '申请人分类', '适用申请人'],
  materials: [
    '申请材料',
    '所需材料',
    '提交材料',
    '办理材料',
    '申报材料',
    '材料清单',
    '申请材料清单',
    '需提交材料',
    '应提交材料',
    '需要提交的材料',
    '办理所需材料',
    '携带材料',
    '所需资料',
    '申请资料',
  ],
  steps: ['办理流程', '办理程序', '办事流程', '办理步骤', '流程', '办理环节', '服务流程', '工作流程', '办理流程图', '程序'],
  timeLimit: ['办理时限', '办结时限', '时限', '办理期限', '办结期限', '承诺期限', '法定期限和承诺期限', '办理时效'],
  statutory: ['法定办结时限', '法定时限', '法定期限', '法定办理时限', '法定'],
  promised: ['承诺办结时限', '承诺时限', '承诺办理时限', '承诺'],
  limitNote: ['时限说明', '办理时限说明', '时限备注'],
  visits: ['到现场次数', '到办事现场次数', '跑动次数', '最多跑几次', '到窗口次数', '现场次数'],
  fee: ['收费标准', '收费标准及依据', '收费依据', '是否收费', '收费情况', '收费', '收费项目', '收费标准和依据', '收费项目及标准', '费用'],
  feeNote: ['收费说明', '收费备注'],
  result: ['办理结果', '审批结果', '结果名称', '结果', '办结结果', '结果证照'],
  delivery: ['送达方式', '结果送达', '领取方式', '送达', '结果领取方式', '取件方式'],
  place: ['办理地点', '受理地点', '办公地点', '窗口地址', '办理地址', '受理窗口', '地点', '办理窗口'],
  scope: ['通办范围', '通办类型', '通办', '是否通办', '跨域通办', '通办情况'],
  appointment: ['预约', '预约方式', '是否需要预约', '是否预约', '预约办理', '预约说明', '预约要求', '预约服务'],
  hours: ['办理时间', '受理时间', '办公时间', '工作时间', '窗口办公时间'],
  holidays: ['节假日安排', '节假日办公安排', '节假日'],
  hoursNote: ['办公时间说明', '办理时间说明'],
  consult: ['咨询电话', '咨询方式', '联系电话', '咨询', '业务咨询电话', '联系方式'],
  complaint: ['监督投诉电话', '投诉电话', '监督电话', '监督投诉方式', '投诉举报电话', '监督投诉', '投诉监督电话', '监督举报电话', '投诉方式'],
  phones: ['电话', '服务电话', '咨询投诉电话', '咨询及投诉电话', '咨询和投诉电话', '电话号码'],
  online: ['网上办理', '网办地址', '网上办理地址', '在线办理', '网办入口', '网上办理入口', '网上预约', '网址'],
  faq: ['常见问题', '常见问题解答', '问题解答', '答疑'],
  notes: ['温馨提示', '注意事项', '备注', '其他说明', '特别提示', '特别说明', '说明'],
};

const byWording = new Map<string, ElementKey>();
for (const [key, list] of Object.entries(WORDINGS) as Array<[ElementKey, readonly string[]]>) for (const w of list) byWording.set(w, key);
/** Longest first, so that 申请材料清单 is found before 申请材料 and 材料. */
const ALL_WORDINGS = [...byWording.keys()].sort((a, b) => b.length - a.length);

/** Numbering before a heading: 一、 （一） 1. 1、 第一条 ⑴ ①. */
export const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d{1,2}(?:[、.．](?!\d)|[)）])|第[一二三四五六七八九十\d]+[条项部分步]、?|[①-⑳⑴-⒇])\s*/;

const compact = (text: string) => text.replace(/[\s\u3000*＊■●◆▲★☆·•:：;；,，。.、]/g, '');

export interface HeadingMatch {
  element: ElementKey;
  /** True when only a part of the heading was recognised (申请材料目录 → 申请材料). */
  approx: boolean;
}

/** Which element a heading names, if any. `loose` allows a heading that only contains a known wording. */
export function matchHeading(heading: string, loose = false): HeadingMatch | undefined {
  const bare = compact(heading.replace(NUMBERING, '').replace(FOOTNOTE_TOKEN, ''));
  if (bare === '' || bare.length > 16) return undefined;
  const exact = byWording.get(bare);
  if (exact) return { element: exact, approx: false };
  // 收费标准（依据）, 办理时限（工作日）: the part before a bracket.
  const unbracketed = bare.replace(/[（(【[].*$/, '');
  const bracketed = byWording.get(unbracketed);
  if (bracketed && unbracketed.length >= 2) return { element: bracketed, approx: false };
  if (!loose || bare.length > 10) return undefined;
  const part = ALL_WORDINGS.find((w) => w.length >= 3 && bare.includes(w));
  return part ? { element: byWording.get(part)!, approx: true } : undefined;
}

export interface Section {
  element: ElementKey | undefined;
  /** The heading as the document wrote it. */
  heading: string;
  approx: boolean;
  /** Paragraphs and list items, in order; an item of a numbered list keeps its number. */
  lines: string[];
  /** Tables under the heading: rows of cell texts, aligned by grid position. */
  tables: string[][][];
  /** Footnotes cited in the section. */
  footnotes: string[];
}

export interface GuideElements {
  /** The document's title, if it has one before the first element. */
  title?: string;
  sections: Section[];
  /** Text before any recognised heading and not the title. */
  preamble: string[];
}

/** Splits a line "办理时间：周一至周五" into a heading and its value, if the part before the colon is a heading. */
function inlineHeading(line: string): { match: HeadingMatch; heading: string; value: string } | undefined {
  const bare = line.replace(NUMBERING, '');
  const colon = /[:：]/.exec(bare);
  if (colon && colon.index <= 14) {
    const heading = bare.slice(0, colon.index);
    const match = matchHeading(heading, true);
    if (match) return { match, heading: heading.trim(), value: bare.slice(colon.index + 1).trim() };
  }
  return undefined;
}

const TITLE = /(?:办事指南|服务指南|办理指南|指南|一次性告知单|告知单|办事须知)$/;

/** Finds the elements of a guide in its blocks. */
export function guideElements(doc: GuideDocument): GuideElements {
  const sections: Section[] = [];
  const preamble: string[] = [];
  let title: string | undefined;
  let current: Section | undefined;

  const open = (heading: string, match: HeadingMatch | undefined): Section => {
    const section: Section = { element: match?.element, heading: heading.replace(/[:：]\s*$/, '').trim(), approx: match?.approx ?? false, lines: [], tables: [], footnotes: [] };
    sections.push(section);
    current = section;
    return section;
  };
  const addLine = (line: string, emphasis = false) => {
    const text = line.trim();
    if (text === '') return;
    const inline = inlineHeading(text);
    if (inline && (inline.value !== '' || !current || current.lines.length > 0 || current.tables.length > 0 || inline.match.approx === false)) {
      const s = open(inline.heading, inline.match);
      if (inline.value !== '') s.lines.push(inline.value);
      return;
    }
    const whole = matchHeading(text.replace(/[:：]\s*$/, ''), emphasis || NUMBERING.test(text) || /[:：]\s*$/.test(text));
    if (whole) {
      open(text.replace(NUMBERING, ''), whole);
      return;
    }
    // A short line in bold, or numbered like a heading (一、基本信息), that names no element: a heading of its own.
    if (text.length <= 14 && !/[。；;，,]/.test(text) && (emphasis || /^[一二三四五六七八九十]+[、.．]/.test(text)) && (title !== undefined || current)) {
      open(text.replace(NUMBERING, ''), undefined);
      return;
    }
    if (!current) {
      if (title === undefined && preamble.length === 0 && (emphasis || TITLE.test(text) || (text.length <= 30 && !/[。；;，,:：]/.test(text)))) title = text;
      else preamble.push(text);
      return;
    }
    current.lines.push(text);
  };

  for (const block of doc.blocks) {
    if (block.kind === 'para') addLine(block.text, block.emphasis);
    else if (block.kind === 'list')
      block.items.forEach((item, i) => (inlineHeading(item) || matchHeading(item) ? addLine(item) : addLine(block.ordered ? `${i + 1}. ${item}` : item)));
    else
      readTable(block, {
        open,
        get current() {
          return current;
        },
        setTitle: (t) => (title ??= t),
        addLine,
      });
  }

  // Footnotes cited in a section's text belong to it; the tokens leave the text.
  for (const section of sections) {
    const cite = (text: string) =>
      text.replace(FOOTNOTE_TOKEN, (_, n: string) => {
        const note = doc.footnotes.get(Number(n));
        if (note && !section.footnotes.includes(note)) section.footnotes.push(note);
        return '';
      });
    section.heading = cite(section.heading);
    section.lines = section.lines.map(cite).filter((l) => l.trim() !== '');
    section.tables = section.tables.map((t) => t.map((row) => row.map(cite)));
  }
  if (title) title = title.replace(FOOTNOTE_TOKEN, '');
  return { ...(title ? { title } : {}), sections, preamble };
}

interface TableContext {
  open(heading: string, match: HeadingMatch | undefined): Section;
  readonly current: Section | undefined;
  setTitle(title: string): void;
  addLine(line: string): void;
}

/** Groups of rows sharing the cell in the first column (a heading merged down). */
function rowGroups(rows: readonly Cell[][]): Cell[][][] {
  const groups: Cell[][][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]![0]!.origin === row[0]!.origin) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/** One row of cells, read as heading–value pairs: [事项名称, X, 事项编码, Y]. */
function readPairs(cells: readonly Cell[], ctx: TableContext, first?: Section): void {
  let section = first;
  for (const cell of cells) {
    const match = cell.text.length <= 16 ? matchHeading(cell.text) : undefined;
    if (match) section = ctx.open(cell.text, match);
    else if (section) section.lines.push(...cell.text.split('\n').filter((l) => l.trim() !== ''));
    else if (cell.text !== '') ctx.addLine(cell.text);
  }
}

function readTable(block: Extract<Block, { kind: 'table' }>, ctx: TableContext): void {
  const rows = block.rows.filter((row) => row.some((c) => c.text !== ''));
  if (rows.length === 0) return;
  const groups = rowGroups(rows);
  const headed = groups.filter((g) => matchHeading(g[0]![0]!.text)).length;
  // A header row over rows of data (收费项目 | 收费金额 | 收费依据, then the items) is a table of data, though its first cell is a heading's word.
  const headerRow = groups.length > 1 && distinct(groups[0]![0]!).length >= 3 && groups.slice(1).every((g) => !matchHeading(g[0]![0]!.text));
  if (headed === 0 || headerRow) {
    // Not a table of elements: a table under the current heading (materials, steps, fees).
    const section = ctx.current ?? ctx.open('', undefined);
    section.tables.push(rows.map((row) => row.map((c) => c.text)));
    return;
  }
  let table: string[][] | undefined;
  for (const group of groups) {
    const head = group[0]![0]!;
    const match = matchHeading(head.text);
    const cells = distinct(group[0]!);
    if (!match) {
      // Element | value with an element the importer does not know (联办事项 | …): a section of its own, reported as not placed.
      const tableOpen = table !== undefined && ctx.current?.tables.at(-1) === table;
      if (group.length === 1 && cells.length === 2 && head.text.length <= 10 && !tableOpen && !/^\d+$/.test(head.text)) {
        ctx.open(head.text, undefined).lines.push(...cells[1]!.text.split('\n').filter((l) => l.trim() !== ''));
        continue;
      }
      // A row of one merged cell before any element: the guide's title.
      if (cells.length === 1 && !ctx.current) {
        ctx.setTitle(head.text);
        continue;
      }
      // Rows under a heading that spans the table: its table (申请材料 → 序号 | 材料名称 | 原件 | 复印件).
      const section = ctx.current ?? ctx.open('', undefined);
      if (cells.length === 1 && section.tables.length === 0 && table === undefined) {
        section.lines.push(...head.text.split('\n'));
        continue;
      }
      for (const row of group) {
        if (!table || section.tables.at(-1) !== table) {
          table = [];
          section.tables.push(table);
        }
        table.push(row.map((c) => c.text));
      }
      continue;
    }
    table = undefined;
    const section = ctx.open(head.text, match);
    if (group.length === 1) {
      readPairs(cells.slice(1), ctx, section);
      continue;
    }
    // A heading merged down several rows: sub-headings with values (法定时限 | 20 个工作日), or a table.
    const sub = group.map((row) => row.slice(1));
    const subHeaded = sub.every((row) => matchHeading(distinct(row)[0]?.text ?? '') !== undefined && distinct(row).length >= 2);
    if (subHeaded) {
      for (const row of sub) readPairs(distinct(row), ctx);
      continue;
    }
    if (sub.every((row) => distinct(row).length === 1)) {
      // One value cell per row: lines of one value.
      for (const row of sub) section.lines.push(...row[0]!.text.split('\n').filter((l) => l.trim() !== ''));
    } else {
      section.tables.push(sub.map((row) => row.map((c) => c.text)));
    }
  }
}
