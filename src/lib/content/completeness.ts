/**
 * How complete each unit's disclosure is (`npm run check -- --report`):
 * which elements of every service guide are filled in, and which parts of
 * the unit's four displays, as percentages, for the terminal and as a
 * printable A4 table. Pure functions over the checked entries; nothing here
 * reads files.
 */
import type { CollectionName } from '#schemas/collections.ts';
import { isPartOfDay } from '../hours.ts';
import { isOverdue } from '../pledges.ts';
import { POST_ELEMENTS, type PostElement } from '../posts.ts';
import { complaintPhone, resolveChannels } from '../supervision.ts';
import { isEntryOf, type CheckedData, type CheckedEntry } from './entry.ts';
import { isFilled } from './gaps.ts';

/** What completeness needs of an entry: a checked entry without its file and source, of whichever collection. */
export type EntryLike = CheckedEntry extends infer E ? (E extends CheckedEntry ? Pick<E, 'collection' | 'id' | 'unit' | 'slug' | 'data'> : never) : never;

/** An element of a service guide, as an inspector's checklist names it. */
export const PROCEDURE_ELEMENTS = [
  { key: 'code', label: '事项编码' },
  { key: 'eligibility', label: '受理条件' },
  { key: 'materials', label: '申请材料' },
  { key: 'steps', label: '办理流程' },
  { key: 'statutory', label: '法定时限' },
  { key: 'promised', label: '承诺时限' },
  { key: 'visits', label: '到现场次数' },
  { key: 'fee', label: '收费标准' },
  { key: 'place', label: '办理地点' },
  { key: 'hours', label: '办理时间' },
  { key: 'consult', label: '咨询电话' },
  { key: 'complaint', label: '投诉渠道' },
  { key: 'legalBasis', label: '设定依据' },
  { key: 'forms', label: '表格下载' },
  { key: 'online', label: '网上办理' },
  { key: 'result', label: '办理结果' },
  { key: 'faq', label: '常见问题' },
] as const;
export type ProcedureElement = (typeof PROCEDURE_ELEMENTS)[number]['key'];

/** The parts of a unit's four displays (四亮) and its supervision. */
export const BOARD_ELEMENTS = [
  { key: 'staffPhotos', label: '工作人员及工作照' },
  { key: 'staffNumbers', label: '工号或执业证号' },
  { key: 'postDuties', label: '岗位职责' },
  { key: 'pledges', label: '本年度服务承诺' },
  { key: 'pledgeStatus', label: '承诺兑现情况及时' },
  { key: 'evaluations', label: '评价结果' },
  { key: 'supervision', label: '监督投诉电话' },
  { key: 'hours', label: '办公时间含节假日' },
  { key: 'head', label: '负责人' },
  { key: 'floorPlan', label: '平面图' },
] as const;
export type BoardElement = (typeof BOARD_ELEMENTS)[number]['key'];

/** Filled, not filled, or null where the element does not apply (no forms without materials). */
export type Mark = boolean | null;

export interface ProcedureCompleteness {
  id: string;
  name: string;
  marks: Record<ProcedureElement, Mark>;
  /** Filled elements among those that apply, 0–100. */
  percent: number;
  /** Labels of the elements not filled. */
  missing: string[];
}

export interface Score {
  key: string;
  label: string;
  filled: number;
  /** How many could be filled; 0 when the element does not apply. */
  total: number;
  /** 0–100, or null when nothing applies. */
  percent: number | null;
}

export interface UnitCompleteness {
  unit: string;
  name: string;
  procedures: ProcedureCompleteness[];
  /** Per element, how many of the unit's guides have it. */
  procedureScores: Score[];
  board: Score[];
  /** The mean of every element's percentage, guides and board, 0–100. */
  percent: number;
}

const ratio = (filled: number, total: number) => (total === 0 ? null : Math.round((filled / total) * 100));

function score(key: string, label: string, filled: number, total: number): Score {
  return { key, label, filled, total, percent: ratio(filled, total) };
}

const POST_FIELDS = Object.keys(POST_ELEMENTS) as PostElement[];

/** Any slot of opening hours written as a part of the day (上午) rather than clock times. */
function hasPartOfDay(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPartOfDay);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, v]) => (key === 'times' && Array.isArray(v) ? v.some((t) => typeof t === 'string' && isPartOfDay(t)) : hasPartOfDay(v)));
}

/** Hours are stated when filled and every slot has its clock times: 上午 alone is shown, but it is a gap (./rules/gaps.ts). */
const hoursStated = (hours: unknown) => isFilled(hours) && !hasPartOfDay(hours);

// Filled means stated: 未公布, 待填写 and placeholder text (待填写受理条件, xxx) are gaps, never done (./gaps.ts).
const nonEmpty = isFilled;

function procedureMarks(p: CheckedData<'procedures'>, unit: CheckedData<'units'>, site: CheckedData<'site'> | undefined): Record<ProcedureElement, Mark> {
  const location = unit.location;
  const channels = resolveChannels(site?.supervision ?? [], unit.supervision);
  return {
    code: nonEmpty(p.code),
    eligibility: nonEmpty(p.eligibility),
    // An empty list is an explicit "no materials needed".
    materials: Array.isArray(p.materials) && (p.materials.length === 0 || nonEmpty(p.materials)),
    steps: nonEmpty(p.steps),
    statutory: typeof p.timeLimit === 'object' && nonEmpty(p.timeLimit.statutory),
    promised: typeof p.timeLimit === 'object' && nonEmpty(p.timeLimit.promised),
    visits: nonEmpty(p.visits),
    fee: nonEmpty(p.fee),
    place: nonEmpty(p.place) || nonEmpty(p.places) || nonEmpty(location?.building) || nonEmpty(location?.floor) || nonEmpty(location?.address) || nonEmpty(location?.windows),
    hours: hoursStated(p.hours ?? unit.hours ?? site?.hours),
    // A labelled list of phones, the unit's own, or (when the unit writes none) the site's, which pages label as the fallback.
    consult: Array.isArray(p.phones) ? nonEmpty(p.phones) : nonEmpty(p.phones?.consult) || nonEmpty(unit.phones) || (unit.phone !== undefined ? nonEmpty(unit.phone) : nonEmpty(site?.phone)),
    complaint: Array.isArray(p.phones) ? p.phones.some((x) => /投诉|监督/.test(x.label)) || nonEmpty(complaintPhone(channels)) : nonEmpty(p.phones?.complaint ?? complaintPhone(channels)),
    legalBasis: nonEmpty(p.legalBasis),
    forms: !Array.isArray(p.materials) || p.materials.length === 0 ? null : p.materials.some((m) => m.blankForm !== undefined),
    online: nonEmpty(p.online),
    result: nonEmpty(p.result),
    faq: nonEmpty(p.faq),
  };
}

/** The completeness of every unit in `entries`, in the order of their ids. */
export function completeness(entries: readonly EntryLike[], options: { today: string }): UnitCompleteness[] {
  const site = entries.find(isEntryOf('site'))?.data;
  const of = <C extends CollectionName>(collection: C, unit: string) => entries.filter(isEntryOf(collection)).filter((e) => e.unit === unit);
  const year = Number(options.today.slice(0, 4));
  const units = entries.filter(isEntryOf('units')).sort((a, b) => a.id.localeCompare(b.id));

  return units.map((u) => {
    const unit = u.data;
    const procedures = of('procedures', u.id)
      .sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0) || a.id.localeCompare(b.id))
      .map((e): ProcedureCompleteness => {
        const marks = procedureMarks(e.data, unit, site);
        const applies = PROCEDURE_ELEMENTS.filter((el) => marks[el.key] !== null);
        const filled = applies.filter((el) => marks[el.key] === true);
        return {
          id: e.slug,
          name: e.data.name,
          marks,
          percent: ratio(filled.length, applies.length) ?? 100,
          missing: applies.filter((el) => marks[el.key] === false).map((el) => el.label),
        };
      });
    const procedureScores = PROCEDURE_ELEMENTS.map((el) => {
      const applies = procedures.filter((p) => p.marks[el.key] !== null);
      return score(el.key, el.label, applies.filter((p) => p.marks[el.key]).length, applies.length);
    });

    const staff = of('staff', u.id).filter((s) => s.data.left === undefined || s.data.left > options.today);
    const posts = of('posts', u.id);
    const pledges = of('pledges', u.id);
    const items = pledges.flatMap((p) => p.data.items);
    const evaluations = of('evaluations', u.id);
    const channels = resolveChannels(site?.supervision ?? [], unit.supervision);
    const hours = unit.hours ?? site?.hours;
    const atLeastOne = (n: number) => (n > 0 ? n : 1);
    const counts: Record<BoardElement, [filled: number, total: number]> = {
      staffPhotos: [staff.filter((s) => nonEmpty(s.data.photo)).length, atLeastOne(staff.length)],
      staffNumbers: [staff.filter((s) => nonEmpty(s.data.number) || nonEmpty(s.data.licence)).length, atLeastOne(staff.length)],
      // A post that publishes its duties only is not done: its requirements, time limits, phrases and complaint desk are gaps.
      postDuties: [posts.filter((p) => [p.data.duties, ...POST_FIELDS.map((f) => p.data[f])].every(nonEmpty)).length, atLeastOne(posts.length)],
      pledges: [pledges.some((p) => p.data.year === year) ? 1 : 0, 1],
      pledgeStatus: [items.filter((i) => !isOverdue(i, options.today)).length, items.length],
      evaluations: [evaluations.length > 0 ? 1 : 0, 1],
      supervision: [complaintPhone(channels) ? 1 : 0, 1],
      hours: [hours && hoursStated(hours) ? 1 : 0, 1],
      head: [nonEmpty(unit.head) || nonEmpty(unit.leader) ? 1 : 0, 1],
      // Floor plans are asked of hospitals, where people get lost.
      floorPlan: [nonEmpty(unit.floorPlan) ? 1 : 0, unit.kind === 'hospital-department' ? 1 : 0],
    };
    const board = BOARD_ELEMENTS.map((el) => score(el.key, el.label, ...counts[el.key]));

    const percents = [...procedureScores, ...board].map((s) => s.percent).filter((p): p is number => p !== null);
    const percent = percents.length === 0 ? 0 : Math.round(percents.reduce((a, b) => a + b, 0) / percents.length);
    return { unit: u.id, name: unit.name, procedures, procedureScores, board, percent };
  });
}

/**
 * Columns a string takes in a terminal: CJK characters, full-width forms and
 * most emoji take two, combining marks none, everything else one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x300 && c <= 0x36f) || c === 0x200b || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1f64f) ||
      (c >= 0x1f900 && c <= 0x1f9ff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Pads `text` with spaces to `width` terminal columns. */
export function padTo(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + pad : pad + text;
}

/** A table with columns aligned by terminal width, two spaces apart. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, align: ReadonlyArray<'left' | 'right'> = []): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 && align[i] !== 'right' ? c : padTo(c, widths[i] ?? 0, align[i] ?? 'left')))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

const pct = (p: number | null) => (p === null ? '不适用' : `${p}%`);

/** The report for a terminal: per unit, its guides' elements, each guide, and its board. */
export function formatCompleteness(units: readonly UnitCompleteness[], options: { today?: string } = {}): string {
  const out: string[] = [`公开内容完整度${options.today ? `（截至 ${options.today}）` : ''}`];
  if (units.length === 0) out.push('', '没有可以统计的单位。');
  for (const u of units) {
    out.push('', `${u.name}（units/${u.unit}/）  完整度 ${u.percent}%`, '');
    if (u.procedures.length === 0) {
      out.push('  亮流程：还没有办事指南');
    } else {
      out.push(`  亮流程：${u.procedures.length} 个办事指南`);
      const rows = u.procedureScores.map((s) => [s.label, s.total === 0 ? '—' : `${s.filled}/${s.total}`, pct(s.percent)]);
      out.push(...formatTable(['要素', '已填写', '比例'], rows, ['left', 'right', 'right']).map((l) => `    ${l}`), '');
      const each = u.procedures.map((p) => [p.name, `${p.percent}%`, p.missing.join('、') || '—']);
      out.push(...formatTable(['事项', '完整度', '缺少'], each, ['left', 'right', 'left']).map((l) => `    ${l}`));
    }
    out.push('', '  亮身份、亮职责、亮承诺和监督：');
    const board = u.board.map((s) => [s.label, s.total === 0 ? '—' : `${s.filled}/${s.total}`, pct(s.percent)]);
    out.push(...formatTable(['项目', '已填写', '比例'], board, ['left', 'right', 'right']).map((l) => `    ${l}`));
  }
  return out.join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The report as a standalone HTML page to print on A4 (landscape, one unit
 * per sheet), legible in black and white: filled is ✓, missing ✗, not
 * applicable —, each with a text alternative.
 */
export function completenessHtml(units: readonly UnitCompleteness[], options: { title?: string; today?: string } = {}): string {
  const title = options.title ?? '公开内容完整度';
  const mark = (m: Mark) =>
    m === null ? '<td class="na" aria-label="不适用">—</td>' : m ? '<td class="yes" aria-label="已填写">✓</td>' : '<td class="no" aria-label="缺少">✗</td>';
  const sections = units.map((u) => {
    const head = PROCEDURE_ELEMENTS.map((el) => `<th scope="col">${escapeHtml(el.label)}</th>`).join('');
    const rows = u.procedures
      .map((p) => `<tr><th scope="row">${escapeHtml(p.name)}</th>${PROCEDURE_ELEMENTS.map((el) => mark(p.marks[el.key])).join('')}<td class="num">${p.percent}%</td></tr>`)
      .join('\n');
    const totals = `<tr class="total"><th scope="row">各要素</th>${u.procedureScores.map((s) => `<td class="num">${pct(s.percent)}</td>`).join('')}<td></td></tr>`;
    const board = u.board
      .map((s) => `<tr><th scope="row">${escapeHtml(s.label)}</th><td class="num">${s.total === 0 ? '—' : `${s.filled}/${s.total}`}</td><td class="num">${pct(s.percent)}</td></tr>`)
      .join('\n');
    return `<section>
<h2>${escapeHtml(u.name)} <span class="percent">完整度 ${u.percent}%</span></h2>
${
  u.procedures.length === 0
    ? '<p>还没有办事指南。</p>'
    : `<table class="matrix">
<caption>亮流程：${u.procedures.length} 个办事指南</caption>
<thead><tr><th scope="col">事项</th>${head}<th scope="col">完整度</th></tr></thead>
<tbody>
${rows}
${totals}
</tbody>
</table>`
}
<table class="board">
<caption>亮身份、亮职责、亮承诺和监督</caption>
<thead><tr><th scope="col">项目</th><th scope="col">已填写</th><th scope="col">比例</th></tr></thead>
<tbody>
${board}
</tbody>
</table>
</section>`;
  });
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; font-size: 10.5pt; color: #000; background: #fff; margin: 0 auto; max-width: 273mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
.date { margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 2mm; }
.percent { font-weight: normal; margin-left: 1em; }
section { margin-bottom: 8mm; }
section + section { break-before: page; }
table { border-collapse: collapse; margin: 0 0 4mm; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; }
th, td { border: 0.3mm solid #000; padding: 0.8mm 1.2mm; }
thead th { font-weight: bold; font-size: 9pt; }
tbody th { text-align: left; font-weight: normal; }
.matrix td { text-align: center; }
.num { text-align: right; white-space: nowrap; }
.no { font-weight: bold; }
.total th, .total td { font-weight: bold; }
tr { break-inside: avoid; }
@media screen { body { padding: 12mm; } }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${options.today ? `<p class="date">统计日期：${escapeHtml(options.today)}。✓ 已填写，✗ 缺少，— 不适用。</p>` : '<p class="date">✓ 已填写，✗ 缺少，— 不适用。</p>'}
${sections.join('\n')}
</body>
</html>
`;
}
