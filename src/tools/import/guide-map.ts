/**
 * A guide's elements mapped onto the procedure model, written as a person
 * writes the front matter (Chinese values: 原件, 不收费, 当场办结). Nothing is
 * guessed silently: a value the mapper could not place, or placed with low
 * confidence, becomes a finding quoting the source text, and a required
 * element the guide does not give is written 待填写 (未公布 where the guide
 * has the element and says nothing in it: "无", "—"). The checker warns about
 * both; the import report lists every finding per file.
 */
import { parseWeekdays } from '#lib/hours.ts';
import { checkPhone } from '#lib/phone.ts';
import { NOT_STATED } from '#schemas/common.ts';
import { ELEMENTS, NUMBERING, type ElementKey, type GuideElements, type Section } from './guide-elements.ts';

export const UNFILLED = NOT_STATED.unfilled;
export const NOT_PUBLISHED = NOT_STATED['not-published'];

export interface Finding {
  /** The element's Chinese name, as the report shows it. */
  element: string;
  /**
   * `gap`: the guide does not give a required element (written 待填写 or 未公布);
   * `unsure`: placed, but check it; `unplaced`: text the importer did not use.
   */
  level: 'gap' | 'unsure' | 'unplaced';
  message: string;
  /** The source text, quoted. */
  source?: string;
}

export interface GuideStats {
  /** Elements the guide has (each heading recognised, or a text found under no heading). */
  found: number;
  /** Of those, placed with no finding. */
  placed: number;
  unsure: number;
  unplaced: number;
}

export interface MappedGuide {
  /** The front matter, keys in the order of the example's procedures. */
  data: Record<string, unknown>;
  /** Markdown after the front matter (温馨提示 and the like), or ''. */
  body: string;
  findings: Finding[];
  stats: GuideStats;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 20, 二十, 十五, 一百二十 as a number. */
export function cnNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

const EMPTY = /^(?:无|暂无|没有|空|略|不涉及|\/|—+|-+|－+|无此项|\s*)$/;
const quote = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** Items of a list written as lines, or several numbered items on one line ("1.…；2.…"). */
export function items(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const parts = line.split(/(?:^|[；;。]\s*|\s+)(?=(?:\d{1,2}[、.．)）](?!\d)|[（(]\d{1,2}[）)]|[①-⑳]))/);
    for (const part of parts) {
      const text = part
        .replace(NUMBERING, '')
        .replace(/^[-·•]\s*/, '')
        .replace(/[；;]\s*$/, '')
        .trim();
      if (text !== '') out.push(text);
    }
  }
  return out;
}

interface Ctx {
  findings: Finding[];
  stats: GuideStats;
}

/** A finding about an element, counted against it. */
function note(ctx: Ctx, key: ElementKey | string, level: Finding['level'], message: string, source?: string) {
  const element = (ELEMENTS as Record<string, string>)[key] ?? key;
  ctx.findings.push({ element, level, message, ...(source !== undefined && source !== '' ? { source: quote(source) } : {}) });
}

const sectionText = (s: Section) => [...s.lines, ...s.tables.flatMap((t) => t.map((r) => [...new Set(r)].join(' ')))].join('\n').trim();

// ---------------------------------------------------------------- materials

const FORMS: Array<[RegExp, string]> = [
  [/原件(?:及|和|与|、|\+)复印件|复印件(?:及|和|与|、)原件|原件、复印件/, '原件和复印件'],
  [/电子(?:材料|版|文件|证照)?/, '电子材料'],
  [/复印件|复印/, '复印件'],
  [/原件/, '原件'],
];

const count = (text: string): number | undefined => {
  const t = text.trim();
  if (t === '' || /^(?:无|否|—+|-+|\/|×|✗|0|零|不需要|不需)$/.test(t)) return 0;
  if (/^(?:✓|√|✔|是|需要|需|要|有|●|○|☑)$/.test(t)) return 1;
  const m = /^(\d+|[一二两三四五六七八九十]+)\s*(?:份|张|本|套)?/.exec(t);
  return m ? cnNumber(m[1]!) : undefined;
};

function columnFinder(header: readonly string[]) {
  return (re: RegExp, not?: RegExp) => header.findIndex((h) => re.test(h) && !(not?.test(h) ?? false));
}

type Material = Record<string, unknown>;

function materialFromText(raw: string, ctx: Ctx): Material {
  let text = raw.trim().replace(/[。；;]$/, '');
  const m: Material = {};
  let condition: string | undefined;
  const cond = /^([^，,：:。]{2,40}?的)[，,：:]\s*(?:还?需?要?(?:提供|提交|携带|出具|出示))?\s*/.exec(text);
  if (cond && cond[0].length < text.length) {
    condition = cond[1]!;
    text = text.slice(cond[0].length);
  }
  let form: string | undefined;
  for (const [re, label] of FORMS) {
    if (re.test(text)) {
      form = label;
      text = text.replace(new RegExp(re.source, 'g'), ' ');
      break;
    }
  }
  let copies: number | undefined;
  const c = /各?\s*(\d+|[一二两三四五六七八九十]+)\s*(?:份|张|本|套)/.exec(text);
  if (c) {
    copies = cnNumber(c[1]!);
    text = text.replace(c[0], ' ');
  }
  const notes: string[] = [];
  text = text.replace(/[（(]([^（）()]*)[）)]/g, (_, inner: string) => {
    const t = inner.trim();
    if (t !== '' && !/^[\s、，,及和]*$/.test(t)) notes.push(t);
    return ' ';
  });
  const name = text
    .replace(/\s+/g, ' ')
    // Spaces left where a form was taken out between Chinese words: 委托书 和受托人身份证.
    .replace(/(?<=[\p{Script=Han}》）]) (?=[\p{Script=Han}《（])/gu, '')
    .replace(/^[\s、，,：:]+|[\s、，,：:及和的]+$/g, '')
    .trim();
  m.name = name || raw.trim();
  if (form) m.form = form;
  else {
    m.form = UNFILLED;
    note(ctx, 'materials', 'unsure', `“${m.name}”没写原件还是复印件，写成了 待填写`, raw);
  }
  if (copies !== undefined && copies >= 1) m.copies = copies;
  if (condition) {
    m.required = false;
    m.condition = condition;
  }
  if (notes.length > 0) m.note = notes.join('；');
  return m;
}

function materialsFromTable(table: readonly string[][], ctx: Ctx): Material[] | undefined {
  const headerAt = table.findIndex((row) => row.some((c) => /材料名称|^名称$|^材料$|申请材料/.test(c.replace(/\s/g, ''))));
  if (headerAt < 0) return undefined;
  const header = table[headerAt]!.map((h) => h.replace(/\s/g, ''));
  const col = columnFinder(header);
  const nameAt = col(/材料名称|^名称$|^材料$|申请材料/);
  const originalAt = col(/^原件/);
  const copyAt = col(/复印件/, /原件/);
  const copiesAt = col(/份数|数量/);
  const formAt = col(/材料形式|^形式$|材料类型|载体/);
  const requiredAt = col(/必要|必需|必须|是否必/);
  const conditionAt = col(/适用情形|情形|适用/);
  const sourceAt = col(/来源/);
  const noteAt = col(/备注|说明|要求|须知/, /形式/);
  const blankAt = col(/空白表格/);
  const sampleAt = col(/样表|示例/);
  const out: Material[] = [];
  for (const row of table.slice(headerAt + 1)) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const name = cell(nameAt);
    if (name === '' || name === header[nameAt]) continue;
    const m: Material = { name };
    const orig = originalAt >= 0 ? count(cell(originalAt)) : undefined;
    const copy = copyAt >= 0 ? count(cell(copyAt)) : undefined;
    const stated = copiesAt >= 0 ? count(cell(copiesAt)) : undefined;
    const formText = cell(formAt);
    const formLabel = formText ? FORMS.find(([re]) => re.test(formText))?.[1] : undefined;
    if (formLabel) m.form = formLabel;
    else if ((orig ?? 0) > 0 && (copy ?? 0) > 0) m.form = '原件和复印件';
    else if ((orig ?? 0) > 0) m.form = '原件';
    else if ((copy ?? 0) > 0) m.form = '复印件';
    else {
      const fromName = materialFromText(name, { findings: [], stats: ctx.stats });
      if (fromName.form !== UNFILLED) {
        m.name = fromName.name;
        m.form = fromName.form;
      } else {
        m.form = UNFILLED;
        note(ctx, 'materials', 'unsure', `“${name}”没写原件还是复印件，写成了 待填写`, row.filter(Boolean).join(' | '));
      }
    }
    const copies = stated ?? (m.form === '复印件' ? copy : m.form === '原件' ? orig : copy === orig ? copy : copy);
    if (copies !== undefined && copies >= 1) m.copies = copies;
    const extra: string[] = [];
    if (m.form === '原件和复印件' && orig !== undefined && copy !== undefined && orig !== copy && stated === undefined) extra.push(`原件 ${orig} 份，复印件 ${copy} 份`);
    const required = cell(requiredAt);
    const condition = cell(conditionAt);
    if (required !== '' && /非|否|不|容缺|选|视情况/.test(required)) m.required = false;
    else if (required !== '' && !/必|是|需/.test(required)) note(ctx, 'materials', 'unsure', `“${name}”是否必需写的是“${required}”，没有采用`, required);
    if (condition !== '' && !EMPTY.test(condition)) {
      if (!(required !== '' && /^(?:是|必需|必要|必须)$/.test(required))) m.required = false;
      m.condition = condition;
    } else if (m.required === false) {
      note(ctx, 'materials', 'unsure', `“${name}”不是必需材料，但没写什么情况下需要`, row.filter(Boolean).join(' | '));
    }
    const src = cell(sourceAt);
    if (src !== '' && !EMPTY.test(src)) m.source = src;
    const remark = cell(noteAt);
    if (remark !== '' && !EMPTY.test(remark)) extra.push(remark);
    if (extra.length > 0) m.note = extra.join('；');
    const blank = cell(blankAt);
    if (blank !== '' && !EMPTY.test(blank)) m.blankForm = blank;
    const sample = cell(sampleAt);
    if (sample !== '' && !EMPTY.test(sample)) m.sample = sample;
    out.push(m);
  }
  return out;
}

function materials(s: Section | undefined, ctx: Ctx): unknown {
  if (!s) {
    note(ctx, 'materials', 'gap', '原文没有申请材料，写成了 待填写');
    return UNFILLED;
  }
  const out: Material[] = [];
  let used = false;
  for (const table of s.tables) {
    const rows = materialsFromTable(table, ctx);
    if (rows) {
      out.push(...rows);
      used = true;
    } else note(ctx, 'materials', 'unplaced', '这个表格看不出材料名称一列，没有导入', table.map((r) => [...new Set(r)].join(' | ')).join(' / '));
  }
  const lines = items(s.lines);
  if (lines.length === 1 && EMPTY.test(lines[0]!) && out.length === 0) return [];
  if (lines.length === 1 && /^(?:无需|不需要|无须|免于?)(?:提交|提供)?(?:任何)?材料/.test(lines[0]!) && out.length === 0) return [];
  for (const line of lines) {
    if (used && /^(?:注|备注|说明)[:：]/.test(line)) {
      note(ctx, 'materials', 'unplaced', '材料表格下面的说明没有放进某一项材料，请放到对应材料的 note 里', line);
      continue;
    }
    out.push(materialFromText(line, ctx));
  }
  for (const f of s.footnotes) note(ctx, 'materials', 'unplaced', '申请材料的脚注没有放进某一项材料，请放到对应材料的 note 里', f);
  if (out.length === 0) {
    note(ctx, 'materials', 'gap', '申请材料一栏是空的，写成了 未公布', sectionText(s));
    return NOT_PUBLISHED;
  }
  return out;
}

// ---------------------------------------------------------------- steps

type Step = Record<string, unknown>;

/** Alternatives as Siliang's own export writes them: "或者：名称：说明（地点：…）". */
function alternative(text: string): Record<string, unknown> {
  const m = /^(.*?)(?:[:：](.*?))?(?:（地点：(.*)）)?$/.exec(text.trim())!;
  return { name: m[1]!.trim(), ...(m[2] ? { description: m[2].trim() } : {}), ...(m[3] ? { where: m[3].trim() } : {}) };
}

function stepFromText(text: string, ctx: Ctx): Step {
  const colon = /^([^：:，,。]{1,14})[：:]\s*(.+)$/.exec(text);
  if (colon) return { name: colon[1]!.trim(), description: colon[2]!.trim() };
  if (text.length <= 30) return { name: text.replace(/[。；;]$/, '') };
  const comma = /^([^，,。；]{2,20})[，,。；]\s*(.+)$/.exec(text);
  if (comma) {
    note(ctx, 'steps', 'unsure', `步骤没有名称，取第一句“${comma[1]}”作名称，其余作说明`, text);
    return { name: comma[1]!, description: comma[2]! };
  }
  return { name: text };
}

function stepsFromTable(table: readonly string[][], ctx: Ctx): Step[] | undefined {
  const headerAt = table.findIndex((row) => row.some((c) => /步骤|环节|流程/.test(c)));
  if (headerAt < 0) return undefined;
  const header = table[headerAt]!.map((h) => h.replace(/\s/g, ''));
  const col = columnFinder(header);
  const nameAt = col(/步骤名称|环节名称|^步骤$|^环节$|办理环节|流程/);
  const descAt = col(/内容|说明|描述|要求|标准/);
  const whereAt = col(/地点|窗口/);
  const whoAt = col(/人员|经办|办理人|岗位|承办|办理主体/);
  const durationAt = col(/用时|时限|时间/);
  const conditionAt = col(/情形|条件/);
  const optionalAt = col(/可选/);
  const altAt = col(/其他办法/);
  const out: Step[] = [];
  for (const row of table.slice(headerAt + 1)) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const name = cell(nameAt).replace(NUMBERING, '');
    if (name === '') continue;
    const step: Step = { name };
    const put = (key: string, i: number) => {
      const v = cell(i);
      if (v !== '' && !EMPTY.test(v)) step[key] = v;
    };
    put('description', descAt);
    put('where', whereAt);
    put('who', whoAt);
    put('duration', durationAt);
    put('condition', conditionAt);
    if (/^(?:是|可选|✓|√)$/.test(cell(optionalAt))) step.optional = true;
    const alts = cell(altAt);
    if (alts !== '' && !EMPTY.test(alts)) step.alternatives = alts.split('\n').map((a) => alternative(a.replace(/^或者[:：]/, '')));
    out.push(step);
  }
  void ctx;
  return out;
}

function steps(s: Section | undefined, ctx: Ctx): unknown {
  if (!s) {
    note(ctx, 'steps', 'gap', '原文没有办理流程，写成了 待填写');
    return UNFILLED;
  }
  const out: Step[] = [];
  for (const table of s.tables) {
    const rows = stepsFromTable(table, ctx);
    if (rows) out.push(...rows);
    else note(ctx, 'steps', 'unplaced', '这个表格看不出步骤一列，没有导入', table.map((r) => [...new Set(r)].join(' | ')).join(' / '));
  }
  for (const line of s.lines) {
    // 申请→受理→审核→办结: a flow written on one line.
    if (/→|->|—>/.test(line) && line.split(/\s*(?:→|-->|->|——>|—>)\s*/).length >= 2) {
      for (const name of line.split(/\s*(?:→|-->|->|——>|—>)\s*/)) if (name.trim()) out.push({ name: name.trim() });
      continue;
    }
    const alt = /^或者[:：](.*)$/.exec(line);
    if (alt && out.length > 0) {
      const last = out.at(-1)!;
      last.alternatives = [...((last.alternatives as unknown[]) ?? []), alternative(alt[1]!)];
      continue;
    }
    for (const item of items([line])) out.push(stepFromText(item, ctx));
  }
  if (out.length === 0) {
    note(ctx, 'steps', 'gap', '办理流程一栏是空的，写成了 未公布', sectionText(s));
    return NOT_PUBLISHED;
  }
  return out;
}

// ---------------------------------------------------------------- time limit

interface LimitValue {
  value: number | string;
  unit?: '工作日' | '自然日';
  unsure?: string;
}

function limitValue(text: string): LimitValue | undefined {
  const bare = text.trim().replace(/^(?:法定|承诺)(?:办结)?(?:时限)?[:：]?\s*/, '');
  if (bare === UNFILLED || bare === NOT_PUBLISHED) return { value: bare };
  // A number alone, as item lists often give it: days, but which kind the list does not say.
  if (/^\d+$/.test(bare)) return { value: Number(bare), unit: '工作日', unsure: `“${bare}”没写单位，按工作日计算；如果是自然日，改成自然日` };
  if (/无法定(?:办结)?(?:时限|期限)|没有法定/.test(text)) return { value: '无法定时限' };
  const d = /(\d+|[一二两三四五六七八九十百]+)\s*个?\s*(工作日|自然日|日历日|天|日)/.exec(text);
  if (d) {
    const n = cnNumber(d[1]!)!;
    if (d[2] === '工作日') return { value: n, unit: '工作日' };
    if (d[2] === '自然日' || d[2] === '日历日') return { value: n, unit: '自然日' };
    return { value: n, unit: '自然日', unsure: `“${d[0]}”按自然日计算；如果是工作日，改成工作日` };
  }
  if (/即办|当场|即时|立即|现场办结|随到随办/.test(text)) return { value: '当场办结' };
  if (/^(?:法定|承诺)?(?:办结)?(?:时限)?[:：]?\s*(?:无|—+|-+|\/)$/.test(text.trim())) return { value: NOT_PUBLISHED };
  return undefined;
}

function timeLimit(el: Partial<Record<ElementKey, Section>>, ctx: Ctx): unknown {
  const parts: Array<{ label: 'statutory' | 'promised' | undefined; text: string }> = [];
  const noteParts: string[] = [];
  const push = (label: 'statutory' | 'promised' | undefined, text: string) => {
    // A bracket inside a limit qualifies it: 20 个工作日（不含公告时间）.
    const stripped = text.replace(/[（(]([^（）()]*)[）)]/g, (_, inner: string) => {
      noteParts.push(inner.trim());
      return '';
    });
    for (const clause of stripped.split(/[，,；;。\n]/)) {
      const c = clause.trim();
      if (c === '') continue;
      const l = /法定/.test(c) ? 'statutory' : /承诺/.test(c) ? 'promised' : label;
      parts.push({ label: l, text: c });
    }
  };
  if (el.timeLimit)
    push(el.timeLimit.element === 'timeLimit' && /承诺/.test(el.timeLimit.heading) && !/法定/.test(el.timeLimit.heading) ? 'promised' : undefined, el.timeLimit.lines.join('\n'));
  if (el.statutory) push('statutory', el.statutory.lines.join('\n') || '—');
  if (el.promised) push('promised', el.promised.lines.join('\n') || '—');
  for (const s of [el.timeLimit, el.statutory, el.promised]) for (const f of s?.footnotes ?? []) noteParts.push(f);
  const explicitNote = el.limitNote ? [...el.limitNote.lines, ...el.limitNote.footnotes].join('\n').trim() : '';
  for (const s of [el.timeLimit, el.statutory, el.promised]) {
    for (const t of s?.tables ?? []) note(ctx, 'timeLimit', 'unplaced', '办理时限里的表格没有导入', t.map((r) => [...new Set(r)].join(' | ')).join(' / '));
  }
  const source = [el.timeLimit, el.statutory, el.promised]
    .filter(Boolean)
    .map((s) => `${s!.heading}：${s!.lines.join(' ')}`)
    .join('；');
  if (!el.timeLimit && !el.statutory && !el.promised) {
    note(ctx, 'timeLimit', 'gap', '原文没有办理时限，法定和承诺时限都写成了 待填写');
    return { statutory: UNFILLED, promised: UNFILLED };
  }
  let statutory: LimitValue | undefined;
  let promised: LimitValue | undefined;
  const unlabelled: LimitValue[] = [];
  for (const part of parts) {
    const v = limitValue(part.text);
    if (!v) {
      noteParts.push(part.text.replace(/^(?:法定|承诺)(?:办结)?(?:时限)?[:：]?/, '').trim());
      continue;
    }
    if (v.unsure) note(ctx, 'timeLimit', 'unsure', v.unsure, part.text);
    if (v.value === NOT_PUBLISHED && part.label) {
      note(ctx, part.label, 'unsure', `写的是“${part.text}”，写成了 未公布；如果意思是法律没有规定时限，改成 无法定时限`, part.text);
    }
    if (part.label === 'statutory' && !statutory) statutory = v;
    else if (part.label === 'promised' && !promised) promised = v;
    else unlabelled.push(v);
  }
  const [first] = unlabelled;
  if (first && !statutory && !promised) {
    if (first.value === '当场办结') {
      promised = first;
      statutory = { value: NOT_PUBLISHED };
      note(ctx, 'statutory', 'gap', '只写了即办（当场办结），没写法定时限，法定时限写成了 未公布', source);
    } else if (first.value === '无法定时限') {
      statutory = first;
      note(ctx, 'promised', 'gap', '只写了无法定时限，承诺时限写成了 待填写', source);
      promised = { value: UNFILLED };
    } else {
      note(ctx, 'timeLimit', 'unsure', '时限没有说是法定还是承诺，两项都写成了 待填写，请按原文填写', source);
      statutory = { value: UNFILLED };
      promised = { value: UNFILLED };
    }
  } else if (first) {
    note(ctx, 'timeLimit', 'unplaced', '还有一个时限没有说是法定还是承诺，没有采用', source);
  }
  if (!statutory) {
    statutory = { value: el.statutory || el.timeLimit ? NOT_PUBLISHED : UNFILLED };
    note(ctx, 'statutory', 'gap', `没写法定办结时限，写成了 ${statutory.value}`, source);
  }
  if (!promised) {
    promised = { value: el.promised || el.timeLimit ? NOT_PUBLISHED : UNFILLED };
    note(ctx, 'promised', 'gap', `没写承诺办结时限，写成了 ${promised.value}`, source);
  }
  const out: Record<string, unknown> = { statutory: statutory.value };
  if (statutory.unit === '自然日') out.statutoryUnit = '自然日';
  out.promised = promised.value;
  if (promised.unit === '自然日') out.promisedUnit = '自然日';
  const notes = noteParts.filter((n) => n !== '' && !/^(?:办结|时限|办理时限)$/.test(n));
  if (explicitNote !== '') notes.push(explicitNote);
  if (notes.length > 0) out.note = notes.join('；');
  return out;
}

// ---------------------------------------------------------------- fee

const FREE = /不收费|免费|无收费|不收取|免收|(?<!\d)0\s*元|零元|无需缴费|无需付费|不需缴费|无费用/;
const BASIS = /《[^》]+》(?:[（(][^）)]*[）)])?(?:第[^，,；;。\s]*?条)?/g;
const AMOUNT = /(\d+(?:\.\d+)?)\s*元(?:\s*\/\s*[^\s，,。；;（(、]+|\s*每\s*[^\s，,。；;（(、]+)?/g;

type FeeItem = Record<string, unknown>;

function feeFromTable(table: readonly string[][]): FeeItem[] | undefined {
  const headerAt = table.findIndex((row) => row.some((c) => /收费项目|项目名称/.test(c)) && row.some((c) => /标准|金额/.test(c)));
  if (headerAt < 0) return undefined;
  const header = table[headerAt]!.map((h) => h.replace(/\s/g, ''));
  const col = columnFinder(header);
  const nameAt = col(/收费项目|项目名称/);
  const amountAt = col(/标准|金额/, /依据/);
  const basisAt = col(/依据/);
  const noteAt = col(/减免|说明|备注/);
  const out: FeeItem[] = [];
  for (const row of table.slice(headerAt + 1)) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    if (cell(nameAt) === '') continue;
    const item: FeeItem = { name: cell(nameAt), amount: cell(amountAt) || UNFILLED, basis: cell(basisAt) || UNFILLED };
    if (cell(noteAt) !== '' && !EMPTY.test(cell(noteAt))) item.note = cell(noteAt);
    out.push(item);
  }
  return out;
}

function fee(s: Section | undefined, noteSection: Section | undefined, ctx: Ctx): { fee: unknown; feeNote?: string } {
  const explicit = noteSection ? [...noteSection.lines, ...noteSection.footnotes].join('\n').trim() : '';
  const result = feeValue(s, ctx);
  if (explicit === '') return result;
  return { fee: result.fee, feeNote: result.feeNote ? `${result.feeNote}；${explicit}` : explicit };
}

function feeValue(s: Section | undefined, ctx: Ctx): { fee: unknown; feeNote?: string } {
  if (!s) {
    note(ctx, 'fee', 'gap', '原文没有收费标准，写成了 待填写');
    return { fee: UNFILLED };
  }
  const items: FeeItem[] = [];
  for (const table of s.tables) {
    const rows = feeFromTable(table);
    if (rows) items.push(...rows);
    else note(ctx, 'fee', 'unplaced', '这个表格看不出收费项目，没有导入', table.map((r) => [...new Set(r)].join(' | ')).join(' / '));
  }
  const text = s.lines.join('\n').trim();
  const notes = [...s.footnotes];
  if (items.length > 0) {
    for (const it of items)
      for (const k of ['amount', 'basis'] as const)
        if (it[k] === UNFILLED) note(ctx, 'fee', 'gap', `收费项目“${String(it.name)}”没写${k === 'amount' ? '金额' : '收费依据'}，写成了 待填写`);
    if (text !== '') notes.push(text);
    return { fee: items, ...(notes.length > 0 ? { feeNote: notes.join('；') } : {}) };
  }
  // A 是否收费 column answers yes or no.
  if (/是否/.test(s.heading) && /^(?:否|不|无)$/.test(text)) return { fee: '不收费', ...(notes.length > 0 ? { feeNote: notes.join('；') } : {}) };
  if (/是否/.test(s.heading) && /^(?:是|收费)$/.test(text)) {
    note(ctx, 'fee', 'gap', '只写了要收费，没写收费项目、金额和依据，写成了 待填写', text);
    return { fee: UNFILLED };
  }
  if (text === '' || EMPTY.test(text)) {
    note(ctx, 'fee', 'gap', `收费标准写的是“${text || '（空）'}”，看不出是不收费还是没写，写成了 待填写`, text);
    return { fee: UNFILLED };
  }
  if (FREE.test(text) && !/\d+(?:\.\d+)?\s*元/.test(text.replace(/(?<!\d)0\s*元/g, ''))) {
    const rest = text
      .replace(/^(?:本事项)?(?:不收费|免费|不收取任何费用|不收取费用|免收费用|无收费|0\s*元|零元)[。；;，,]?/, '')
      .replace(/^[（(](.*)[）)]$/, '$1')
      .trim();
    if (rest !== '') notes.push(rest);
    return { fee: '不收费', ...(notes.length > 0 ? { feeNote: notes.join('；') } : {}) };
  }
  // Amounts with their basis: 工本费 20 元/证，依据《…》（…号）.
  const bases = [...text.matchAll(BASIS)].map((m) => m[0]);
  const basisText = bases.length > 0 ? bases.join('；') : /(?:收费)?依据[:：]\s*(.+)$/m.exec(text)?.[1]?.trim();
  const withoutBasis = text.replace(BASIS, ' ').replace(/(?:收费)?依据[:：].*$/m, ' ');
  for (const clause of withoutBasis.split(/[，,；;。\n]/)) {
    const amounts = [...clause.matchAll(AMOUNT)];
    if (amounts.length === 0) {
      // A sentence beside the amounts (首次申领不收费) qualifies them: it goes to the fee's note, word for word.
      const residual = clause.replace(/(?:收费)?依据[:：]?/g, '').trim();
      if (/[\p{L}\p{N}]/u.test(residual)) notes.push(residual);
      continue;
    }
    const first = amounts[0]!;
    const name = clause
      .slice(0, first.index)
      .replace(/^(?:收费标准|收费|标准|收取|按|其中)[:：]?/, '')
      .replace(/[:：为收取按每]+$/, '')
      .trim();
    const item: FeeItem = { name: name || UNFILLED, amount: clause.slice(first.index).trim(), basis: basisText || UNFILLED };
    if (!name) note(ctx, 'fee', 'unsure', '收费金额前面没写收费项目名称，写成了 待填写', clause.trim());
    if (!basisText) note(ctx, 'fee', 'gap', `收费“${item.amount as string}”没写收费依据，写成了 待填写`, text);
    items.push(item);
  }
  if (items.length === 0) {
    // Kept word for word as the fee's note, so that the page still says what the guide says.
    note(ctx, 'fee', 'unsure', '看不出收费项目和金额（既不是“不收费”，也找不到金额）：收费标准写成了 待填写，原文放进了收费说明（feeNote）', text);
    return { fee: UNFILLED, feeNote: [text, ...s.footnotes].join('；') };
  }
  return { fee: items, ...(notes.length > 0 ? { feeNote: notes.join('；') } : {}) };
}

// ---------------------------------------------------------------- hours, phones, online

const DAYS = /(每天|每日|工作日|(?:周|星期)[一二三四五六日天](?:\s*(?:至|到|-|—|~|～)\s*(?:周|星期)[一二三四五六日天]|(?:\s*[、,，]\s*(?:周|星期)[一二三四五六日天])*))/g;
const TIME = /(上午|下午|中午|晚上)?\s*(\d{1,2})\s*[:：]\s*(\d{2})\s*(?:-|—|–|~|～|至|到)\s*(\d{1,2})\s*[:：]\s*(\d{2})/g;
const pad = (n: number) => String(n).padStart(2, '0');

function hours(s: Section | undefined, holidaySection: Section | undefined, noteSection: Section | undefined, ctx: Ctx): unknown {
  if (!s) {
    if (holidaySection || noteSection)
      note(ctx, 'hours', 'unplaced', '有节假日安排或办公时间说明，却没有办理时间，没有导入', [holidaySection, noteSection].map((x) => x?.lines.join(' ') ?? '').join(' '));
    return undefined;
  }
  const text = [...s.lines, ...s.footnotes].join('；');
  if (EMPTY.test(text)) {
    note(ctx, 'hours', 'gap', '办理时间一栏是空的，网页上会显示单位的办公时间', text);
    return undefined;
  }
  const regular: Array<{ days: string; times: string[] }> = [];
  let rest = text;
  const matches = [...text.matchAll(DAYS)];
  matches.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = matches[i + 1]?.index ?? text.length;
    const times: string[] = [];
    for (const t of text.slice(from, to).matchAll(TIME)) {
      let h1 = Number(t[2]);
      let h2 = Number(t[4]);
      if (t[1] === '下午' || t[1] === '晚上') {
        if (h1 < 12) h1 += 12;
        if (h2 < 12) h2 += 12;
      } else if (h2 < h1 && h2 < 12) h2 += 12;
      times.push(`${pad(h1)}:${t[3]}-${pad(h2)}:${t[5]}`);
      rest = rest.replace(t[0], ' ');
    }
    let days = m[1]!
      .replace(/\s/g, '')
      .replace(/星期/g, '周')
      .replace(/[,，]/g, '、')
      .replace(/到|-|—|~|～/g, '至');
    if (times.length === 0) return;
    if (parseWeekdays(days) === undefined && days === '工作日') {
      days = '周一至周五';
      note(ctx, 'hours', 'unsure', '“工作日”写成了 周一至周五；调休上班日请在节假日安排里说明', m[0]);
    }
    if (parseWeekdays(days) === undefined) {
      note(ctx, 'hours', 'unplaced', `看不懂“${m[1]}”是哪几天`, text);
      return;
    }
    regular.push({ days, times });
    rest = rest.replace(m[0], ' ');
  });
  if (regular.length === 0) {
    note(ctx, 'hours', 'unplaced', '看不懂办理时间（找不到星期几和几点到几点），没有导入；网页上会显示单位的办公时间', text);
    return undefined;
  }
  const clauses = rest
    .replace(/上午|下午|中午/g, ' ')
    .split(/[，,；;。\n]/)
    .map((c) => c.replace(/^[\s（()）]+|[\s（()）]+$/g, '').trim())
    .filter((c) => /[\p{L}\p{N}]/u.test(c));
  const holiday = clauses.filter((c) => /节假日|节日|假期/.test(c));
  const other = clauses.filter((c) => !/节假日|节日|假期/.test(c));
  const explicitHolidays = holidaySection ? holidaySection.lines.join('；').trim() : '';
  if (explicitHolidays !== '') holiday.splice(0, holiday.length, ...(holiday.length > 0 ? [...holiday, explicitHolidays] : [explicitHolidays]));
  const out: Record<string, unknown> = { regular, holidays: holiday.length > 0 ? holiday.join('，') : NOT_PUBLISHED };
  if (holiday.length === 0) note(ctx, 'hours', 'gap', '办理时间没写法定节假日是否办公，节假日安排写成了 未公布', text);
  const explicitNote = noteSection ? noteSection.lines.join('\n').trim() : '';
  if (explicitNote !== '') other.push(explicitNote);
  if (other.length > 0) out.note = other.join('；');
  return out;
}

const PHONE_RUN =
  /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)[48]00[\s-]?\d{3}[\s-]?\d{4}(?!\d)|(?:0\d{2,3}[\s\-－—–]?)?12\d{3}(?!\d)|(?:(?:\+|00)86[\s-]?)?(?:[(（]?0\d{2,3}[)）]?[\s\-－—–]?)?\d{3,4}[\s\-－—–]?\d{4}(?:\s*(?:转|-)\s*\d{1,6})?|(?<!\d)9[56]\d{3,4}(?!\d)/g;

/** Phone numbers in a text, as the checker accepts them: dashes of any width made plain. */
export function phonesIn(text: string): { ok: string[]; bad: string[] } {
  const ok: string[] = [];
  const bad: string[] = [];
  for (const m of text.matchAll(PHONE_RUN)) {
    const value = m[0]
      .replace(/[－—–]/g, '-')
      .replace(/（/g, '(')
      .replace(/）/g, ')')
      .trim();
    const withExt = value.replace(/-(\d{1,6})$/, (all, ext: string) => (value.split('-').length > 2 && ext.length <= 4 ? ` 转 ${ext}` : all));
    const candidate = checkPhone(withExt).ok ? withExt : value;
    (checkPhone(candidate).ok ? ok : bad).push(candidate);
  }
  return { ok, bad };
}

function phone(key: 'consult' | 'complaint', s: Section | undefined, ctx: Ctx): string | undefined {
  if (!s) return undefined;
  const text = [...s.lines, ...s.tables.flat().flat()].join(' ');
  const { ok, bad } = phonesIn(text);
  for (const b of bad) note(ctx, key, 'unplaced', `“${b}”不是能拨通的号码（可能缺少区号），没有导入`, text);
  if (ok.length > 1) note(ctx, key, 'unsure', `写了 ${ok.length} 个号码，只导入了第一个 ${ok[0]}；其他号码请写进说明`, text);
  const rest = text.replace(PHONE_RUN, '').replace(/[\s，,；;、。:：]+/g, '');
  if (ok.length > 0 && rest.length > 6) note(ctx, key, 'unsure', '号码之外的文字没有导入', text);
  if (ok.length === 0 && bad.length === 0) note(ctx, key, EMPTY.test(text) ? 'gap' : 'unplaced', '找不到电话号码，没有导入；网页上会显示单位的电话', text);
  return ok[0];
}

function online(s: Section | undefined, ctx: Ctx): unknown {
  if (!s) return undefined;
  const text = s.lines.join(' ');
  const url = /https?:\/\/[^\s，,；;。）)“”"]+/.exec(text);
  if (!url) {
    if (!EMPTY.test(text)) note(ctx, 'online', 'unplaced', '没有网址的网上办理入口（公众号、App 等）还没有地方放，没有导入', text);
    return undefined;
  }
  const label = text
    .replace(url[0], ' ')
    .replace(/[（(]\s*[）)]/g, '')
    .replace(/^[\s:：]+|[\s:：，,]+$/g, '')
    .trim();
  return { url: url[0].replace(/[.。]$/, ''), ...(label ? { label } : {}) };
}

function faq(s: Section | undefined, ctx: Ctx): unknown {
  if (!s) return undefined;
  const out: Array<{ q: string; a: string }> = [];
  let q: string | undefined;
  let a: string[] = [];
  const flush = () => {
    if (q !== undefined && a.length > 0) out.push({ q, a: a.join('\n') });
    else if (q !== undefined) note(ctx, 'faq', 'unplaced', '这个问题没有找到回答', q);
  };
  for (const line of s.lines) {
    const t = line.replace(NUMBERING, '').trim();
    const qm = /^(?:问|Q)[:：]\s*(.+)$/i.exec(t);
    const am = /^(?:答|A)[:：]\s*(.+)$/i.exec(t);
    if (qm || (!am && /[？?]$/.test(t))) {
      flush();
      q = (qm ? qm[1]! : t).trim();
      a = [];
    } else if (q !== undefined) a.push((am ? am[1]! : t).trim());
    else note(ctx, 'faq', 'unplaced', '这段文字前面没有问题', t);
  }
  flush();
  return out.length > 0 ? out : undefined;
}

const AUDIENCE: Array<[RegExp, string]> = [
  [/(?:个人|自然人).*(?:单位|法人|企业|组织)|(?:单位|法人|企业|组织).*(?:个人|自然人)/, '个人和单位'],
  [/个人|自然人|公民|居民|患者|群众/, '个人'],
  [/单位|法人|企业|组织|机关/, '单位'],
];

/** Maps a guide's elements onto the procedure model. */
export function mapGuide(guide: GuideElements): MappedGuide {
  const ctx: Ctx = { findings: [], stats: { found: 0, placed: 0, unsure: 0, unplaced: 0 } };
  const el: Partial<Record<ElementKey, Section>> = {};
  for (const s of guide.sections) {
    if (!s.element) {
      const text = sectionText(s);
      // A heading that only groups others (一、基本信息 over a table of elements) has nothing of its own.
      if (text === '') continue;
      if (s.heading !== '' || text !== '')
        note(ctx, s.heading || '（无标题）', 'unplaced', s.heading ? `不认识“${s.heading}”这一项，没有导入` : '表格不在任何一项下面，没有导入', text || s.heading);
      continue;
    }
    if (s.approx) note(ctx, s.element, 'unsure', `把“${s.heading}”当作${ELEMENTS[s.element]}`, s.heading);
    const before = el[s.element];
    if (before) {
      before.lines.push(...s.lines);
      before.tables.push(...s.tables);
      before.footnotes.push(...s.footnotes);
    } else el[s.element] = { ...s, lines: [...s.lines], tables: [...s.tables], footnotes: [...s.footnotes] };
  }
  for (const line of guide.preamble) note(ctx, '（无标题）', 'unplaced', '这段文字不在任何一项下面，没有导入', line);

  const data: Record<string, unknown> = {};
  const oneLine = (key: ElementKey, required: boolean): string | undefined => {
    const s = el[key];
    const text = s ? s.lines.join('').trim() : '';
    if (s && s.tables.length > 0)
      note(
        ctx,
        key,
        'unplaced',
        `${ELEMENTS[key]}里的表格没有导入`,
        s.tables
          .flat()
          .map((r) => [...new Set(r)].join(' | '))
          .join(' / '),
      );
    if (s && s.lines.length > 1) note(ctx, key, 'unsure', `${ELEMENTS[key]}写了 ${s.lines.length} 行，合成了一行`, s.lines.join(' / '));
    for (const f of s?.footnotes ?? []) note(ctx, key, 'unplaced', '脚注没有导入', f);
    if (text !== '' && !EMPTY.test(text)) return text;
    if (!required) return undefined;
    const marker = s ? NOT_PUBLISHED : UNFILLED;
    note(ctx, key, 'gap', `${s ? (text ? `写的是“${text}”` : '这一栏是空的') : '原文没有这一项'}，写成了 ${marker}`);
    return marker;
  };
  const list = (key: ElementKey, required: boolean, split: (lines: string[]) => string[] = items): unknown => {
    const s = el[key];
    for (const f of s?.footnotes ?? []) note(ctx, key, 'unplaced', '脚注没有导入', f);
    if (s && s.tables.length > 0)
      note(
        ctx,
        key,
        'unplaced',
        `${ELEMENTS[key]}里的表格没有导入`,
        s.tables
          .flat()
          .map((r) => [...new Set(r)].join(' | '))
          .join(' / '),
      );
    const values = s ? split(s.lines).filter((v) => !EMPTY.test(v)) : [];
    if (values.length > 0) return values;
    if (!required) return undefined;
    const marker = s ? NOT_PUBLISHED : UNFILLED;
    const said = s?.lines.join(' ').trim();
    note(ctx, key, 'gap', `${s ? (said ? `写的是“${said}”` : '这一栏是空的') : '原文没有这一项'}，写成了 ${marker}`);
    return marker;
  };

  const code = oneLine('code', true);
  if (code !== undefined) data.code = code;
  let name = oneLine('name', false);
  if (name === undefined && guide.title) {
    name = guide.title
      .replace(/(?:办事指南|服务指南|办理指南|指南|一次性告知单|告知单|办事须知)$/, '')
      .replace(/[“”"]/g, '')
      .trim();
    note(ctx, 'name', 'unsure', '原文没有“事项名称”，取自标题', guide.title);
  }
  if (name === undefined || name === '') {
    name = UNFILLED;
    note(ctx, 'name', 'gap', '找不到事项名称，写成了 待填写');
  }
  data.name = name;
  data.summary = oneLine('summary', true);
  const category = oneLine('category', false);
  if (category) data.category = category;
  const audienceText = oneLine('audience', false);
  if (audienceText) {
    const a = AUDIENCE.find(([re]) => re.test(audienceText));
    if (a) data.audience = a[1];
    else note(ctx, 'audience', 'unplaced', '看不出服务对象是个人还是单位，没有导入', audienceText);
  }
  data.eligibility = list('eligibility', true);
  data.materials = materials(el.materials, ctx);
  data.steps = steps(el.steps, ctx);
  data.timeLimit = timeLimit(el, ctx);
  if (el.visits) {
    const t = el.visits.lines.join('');
    const v = /^\d$/.test(t.trim())
      ? Number(t.trim())
      : /不见面|零跑|(?<!\d)0\s*次|零次|全程网办|无需到现场/.test(t)
        ? 0
        : /最多跑一次/.test(t)
          ? 1
          : /(\d|[一二两三四五六七八九])\s*次/.exec(t);
    if (typeof v === 'number') data.visits = v;
    else if (v) data.visits = cnNumber(v[1]!);
    else {
      data.visits = EMPTY.test(t) ? NOT_PUBLISHED : UNFILLED;
      note(ctx, 'visits', EMPTY.test(t) ? 'gap' : 'unplaced', `看不出到现场几次，写成了 ${data.visits as string}`, t);
    }
  } else {
    data.visits = UNFILLED;
    note(ctx, 'visits', 'gap', '原文没有到现场次数，写成了 待填写');
  }
  const f = fee(el.fee, el.feeNote, ctx);
  data.fee = f.fee;
  if (f.feeNote) data.feeNote = f.feeNote;
  const result = oneLine('result', false);
  if (result) data.result = result;
  // 窗口领取、邮寄送达 on one line is a list; lines of their own are kept whole.
  const delivery = list('delivery', false, (lines) => {
    const all = items(lines);
    return all.length === 1
      ? all[0]!
          .split(/[、；;]/)
          .map((x) => x.trim())
          .filter(Boolean)
      : all;
  });
  if (delivery) data.delivery = delivery;
  if (el.place) {
    const place = el.place.lines.join('；').trim();
    if (place !== '' && !EMPTY.test(place)) data.place = place;
    else note(ctx, 'place', 'gap', '办理地点一栏是空的，网页上会显示单位的地址');
  }
  const h = hours(el.hours, el.holidays, el.hoursNote, ctx);
  if (h) data.hours = h;
  const phones: Record<string, string> = {};
  const consult = phone('consult', el.consult, ctx);
  if (consult) phones.consult = consult;
  const complaint = phone('complaint', el.complaint, ctx);
  if (complaint) phones.complaint = complaint;
  if (Object.keys(phones).length > 0) data.phones = phones;
  // Several laws on one line, 《甲》第三条；《乙》第四条: one a line.
  data.legalBasis = list('legalBasis', true, (lines) => items(lines).flatMap((l) => l.split(/[；;]\s*(?=《)/).map((x) => x.trim())));
  const o = online(el.online, ctx);
  if (o) data.online = o;
  const q = faq(el.faq, ctx);
  if (q) data.faq = q;

  const body = el.notes
    ? `## ${el.notes.heading.replace(NUMBERING, '') || '温馨提示'}\n\n${items(el.notes.lines)
        .map((l) => `- ${l}`)
        .join('\n')}\n`
    : '';

  // Each element the guide has counts once: placed with nothing to check, placed with something to check, or not placed (no value came of it).
  const valueOf: Partial<Record<ElementKey, unknown>> = {
    statutory: (data.timeLimit as Record<string, unknown>).statutory,
    promised: (data.timeLimit as Record<string, unknown>).promised,
    limitNote: (data.timeLimit as Record<string, unknown>).note,
    consult: phones.consult,
    complaint: phones.complaint,
    holidays: (data.hours as Record<string, unknown> | undefined)?.holidays,
    hoursNote: (data.hours as Record<string, unknown> | undefined)?.note,
    notes: body || undefined,
  };
  const titlesOf = (key: ElementKey): string[] => [
    ELEMENTS[key],
    ...(key === 'timeLimit' ? [ELEMENTS.statutory, ELEMENTS.promised] : key === 'statutory' || key === 'promised' ? [ELEMENTS.timeLimit] : []),
  ];
  for (const key of Object.keys(el) as ElementKey[]) {
    const mine = ctx.findings.filter((x) => titlesOf(key).includes(x.element) && x.level !== 'gap');
    const value = key in valueOf ? valueOf[key] : data[key];
    const placed = value !== undefined && value !== UNFILLED && value !== NOT_PUBLISHED;
    ctx.stats.found++;
    if (!placed && mine.length > 0 && mine.every((x) => x.level === 'unplaced')) ctx.stats.unplaced++;
    else if (mine.length > 0) ctx.stats.unsure++;
    else ctx.stats.placed++;
  }
  // Text under no element the importer knows, or under no heading at all.
  for (const s of guide.sections) {
    if (!s.element && sectionText(s) !== '') {
      ctx.stats.found++;
      ctx.stats.unplaced++;
    }
  }
  for (const line of guide.preamble) {
    if (line === '') continue;
    ctx.stats.found++;
    ctx.stats.unplaced++;
  }
  return { data, body, findings: ctx.findings, stats: ctx.stats };
}
