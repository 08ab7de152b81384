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
import { checkPhone, checkPhones } from '#lib/phone.ts';
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
  [/原件(?:及|和|与|、|\+)复印件|复印件(?:及|和|与|、)原件|原件、复印件|原件\s*(?:\d+|[一二两三四五六七八九十]+)\s*份\s*[、，,及和]\s*复印件/, '原件和复印件'],
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
  let copies: number | undefined;
  // 原件1份、复印件2份: both counts, as the model keeps them.
  const both = /原件\s*(\d+|[一二两三四五六七八九十]+)\s*份\s*[、，,及和]?\s*复印件\s*(\d+|[一二两三四五六七八九十]+)\s*份/.exec(text);
  if (both) {
    form = '原件和复印件';
    m.originals = cnNumber(both[1]!);
    copies = cnNumber(both[2]!);
    text = text.replace(both[0], ' ');
  }
  for (const [re, label] of form ? [] : FORMS) {
    if (re.test(text)) {
      form = label;
      text = text.replace(new RegExp(re.source, 'g'), ' ');
      break;
    }
  }
  const c = copies === undefined ? /各?\s*(\d+|[一二两三四五六七八九十]+)\s*(?:份|张|本|套)/.exec(text) : null;
  if (c) {
    copies = cnNumber(c[1]!);
    text = text.replace(c[0], ' ');
  }
  const alternatives = anyOfIn(text);
  if (alternatives) text = alternatives.name;
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
  if (alternatives) m.anyOf = alternatives.anyOf;
  if (form) m.form = form;
  else {
    m.form = UNFILLED;
    note(ctx, 'materials', 'unsure', `“${m.name}”没写原件还是复印件，写成了 待填写`, raw);
  }
  if (copies !== undefined && copies >= 1) m.copies = copies;
  // 申请人为患者本人的: a kind of applicant, which the procedure lists (applicants) when there are two or more.
  const who = condition ? /^申请人为(.+?)的$/.exec(condition) : null;
  if (who) m.applicants = [who[1]!];
  else if (condition) {
    m.required = false;
    m.condition = condition;
  }
  if (notes.length > 0) m.note = notes.join('；');
  // Keys in the order of the schema and the example's files.
  const { originals, ...rest } = m;
  return originals === undefined ? rest : { name: rest.name, form: rest.form, ...(rest.copies !== undefined ? { copies: rest.copies } : {}), originals, ...rest };
}

const ANY_OF = /[（(]?\s*(?:以下|下列)?(?:证件|材料|证明)?(?:中)?(?:任选其一|任选一种|任选一项|任选一样|任一|其中之一|之一)\s*[）)]?\s*[:：]?/;

/**
 * Several documents any one of which will do: "居民身份证、临时居民身份证或户口簿（任选其一）",
 * "有效身份证件（以下任选其一：居民身份证、户口簿）", "居民身份证或护照之一". The
 * general name is the words before the list when the guide gives one, else the
 * alternatives joined with 或, as the guide says them.
 */
function anyOfIn(text: string): { name: string; anyOf: Array<{ name: string; note?: string }> } | undefined {
  const marker = ANY_OF.exec(text);
  if (!marker) return undefined;
  let before = text.slice(0, marker.index).trim();
  // "申请人身份证明（居民身份证、户口簿或护照，任选其一）": the list is in a bracket after the general name.
  const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  if (open > 0 && !/[）)]/.test(before.slice(open))) {
    const list = before.slice(open + 1).replace(/[，,；;\s]+$/, '');
    before = `${list}`;
    const general = text.slice(0, open).trim();
    const parts = splitOutsideBrackets(list, /[、，,]|或者?/).filter(Boolean);
    if (parts.length >= 2) return { name: general, anyOf: parts.map(alternativeOf) };
  }
  const after = text
    .slice(marker.index + marker[0].length)
    .replace(/^[）)]+/, '')
    .trim();
  // "有效身份证件（以下任选其一：居民身份证、户口簿）": the list is after the marker, the general name before it.
  const listed = after.replace(/[）)]\s*$/, '').trim();
  const [name, list] = listed !== '' && /[、或]/.test(listed) ? [before.replace(/[（(]\s*$/, '').trim(), listed] : ['', before];
  const parts = splitOutsideBrackets(list, /[、，,]|或者?|及其他/).filter((p) => p.trim() !== '');
  if (parts.length < 2) return undefined;
  const anyOf = parts.map(alternativeOf);
  return { name: name || anyOf.map((a) => a.name).join('或'), anyOf };
}

/** One alternative document, its bracket as its note: 居民身份证（在有效期内）. */
function alternativeOf(text: string): { name: string; note?: string } {
  const m = /^(.*?)\s*(?:[（(]([^（）()]*)[）)])?$/.exec(text.trim())!;
  return { name: m[1]!.trim(), ...(m[2] ? { note: m[2].trim() } : {}) };
}

/** Splits a text at a separator, except inside brackets: 户口簿（未满十六周岁的、在校学生）、居民身份证. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[（(《“]/.test(ch)) depth++;
    else if (/[）)》”]/.test(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const m = new RegExp(`^(?:${separator.source})`).exec(text.slice(i));
      if (m) {
        out.push(current);
        current = '';
        i += m[0].length - 1;
        continue;
      }
    }
    current += ch;
  }
  out.push(current);
  return out.map((p) => p.trim());
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
  const conditionAt = col(/适用情形|情形|适用/, /申请人/);
  const applicantsAt = col(/适用申请人|申请人类型|申请人类别/);
  const anyOfAt = col(/任选其一|可选材料|任选/);
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
    // The form from its own column, else from a 份数 cell that names it (原件1份、复印件2份).
    const formText = cell(formAt) || (FORMS.some(([re]) => re.test(cell(copiesAt))) ? cell(copiesAt) : '');
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
    // 份数 written 原件 1 份、复印件 2 份: both counts, as the model keeps them.
    const bothCounts = copiesAt >= 0 ? /原件\s*(\d+|[一二两三四五六七八九十]+)\s*份\s*[、，,及和]?\s*复印件\s*(\d+|[一二两三四五六七八九十]+)\s*份/.exec(cell(copiesAt)) : null;
    const named = copiesAt >= 0 && stated === undefined ? /(\d+|[一二两三四五六七八九十]+)\s*(?:份|张|本|套)/.exec(cell(copiesAt)) : null;
    const copies = bothCounts ? cnNumber(bothCounts[2]!) : (stated ?? (named ? cnNumber(named[1]!) : m.form === '复印件' ? copy : m.form === '原件' ? orig : copy));
    if (copies !== undefined && copies >= 1) m.copies = copies;
    if (bothCounts) m.originals = cnNumber(bothCounts[1]!);
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
    const who = cell(applicantsAt);
    if (who !== '' && !EMPTY.test(who) && !/^(?:全部|所有|所有申请人|均需|均须|通用|共同)$/.test(who))
      m.applicants = who
        .split(/[、，,；;/\n]/)
        .map((w) => w.trim())
        .filter(Boolean);
    const alternatives = cell(anyOfAt);
    if (alternatives !== '' && !EMPTY.test(alternatives)) {
      const anyOf = splitOutsideBrackets(alternatives, /\n|[、；;]/)
        .filter(Boolean)
        .map(alternativeOf);
      if (anyOf.length >= 2) m.anyOf = anyOf;
      else note(ctx, 'materials', 'unplaced', `“${name}”的任选其一只写了一样，没有导入`, alternatives);
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

/** A line that heads the materials of one kind of applicant: "（一）患者本人申请：", "委托他人代办的，另需提交：". */
const APPLICANT_GROUP = /^(?:申请人为)?(.{2,20}?)(?:的)?[，,]?\s*(?:另需|还需|需|须|应)?(?:提交|提供|携带)?(?:以下|下列)?(?:材料)?[:：]$/;
const ALL_APPLICANTS = /^(?:共同|通用|基本|所有申请人|全部申请人|各类申请人)(?:都?需?要?提交的)?(?:材料)?$/;

function materials(s: Section | undefined, applicantsSection: Section | undefined, ctx: Ctx): { materials: unknown; applicants?: string[] } {
  const declared = applicantsSection
    ? items(applicantsSection.lines).flatMap((l) =>
        l
          .split(/[、，,；;]/)
          .map((x) => x.trim())
          .filter((x) => x !== '' && !EMPTY.test(x)),
      )
    : [];
  if (!s) {
    note(ctx, 'materials', 'gap', '原文没有申请材料，写成了 待填写');
    return { materials: UNFILLED };
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
  if (lines.length === 1 && /^(?:无需|不需要|无须|免于?)(?:提交|提供)?(?:任何)?材料/.test(lines[0]!) && out.length === 0) return { materials: [] };
  let group: string | undefined;
  for (const line of lines) {
    if (used && /^(?:注|备注|说明)[:：]/.test(line)) {
      note(ctx, 'materials', 'unplaced', '材料表格下面的说明没有放进某一项材料，请放到对应材料的 note 里', line);
      continue;
    }
    if (EMPTY.test(line)) continue;
    const heads = APPLICANT_GROUP.exec(line);
    if (heads && !FORMS.some(([re]) => re.test(line))) {
      group = ALL_APPLICANTS.test(heads[1]!) ? undefined : heads[1]!.replace(/^申请人为/, '');
      continue;
    }
    const m = materialFromText(line, ctx);
    if (group && !m.applicants) m.applicants = [group];
    out.push(m);
  }
  for (const f of s.footnotes) note(ctx, 'materials', 'unplaced', '申请材料的脚注没有放进某一项材料，请放到对应材料的 note 里', f);
  if (out.length === 0) {
    const said = sectionText(s);
    note(
      ctx,
      'materials',
      'gap',
      `申请材料${said ? `写的是“${said}”` : '一栏是空的'}，写成了 未公布${said ? placeholderHint(said) : ''}；确实不需要材料的，写 materials: []`,
      said,
    );
    return { materials: NOT_PUBLISHED };
  }
  // Kinds of applicant: as the guide lists them (申请人类型), else as its materials name them, in order.
  const named = [...new Set(out.flatMap((m) => (m.applicants as string[] | undefined) ?? []))];
  const applicants = declared.length > 0 ? [...declared] : named;
  for (const who of named) {
    if (applicants.includes(who)) continue;
    applicants.push(who);
    note(ctx, 'applicants', 'unsure', `材料写了申请人“${who}”，申请人类型里没有，加在了后面`, who);
  }
  if (applicants.length === 1) {
    // One kind of applicant is no choice: the materials say when they are needed instead.
    for (const m of out) {
      if (!m.applicants) continue;
      delete m.applicants;
      m.required = false;
      m.condition = `申请人为${applicants[0]!}的`;
    }
    note(ctx, 'applicants', 'unsure', `只有一类申请人“${applicants[0]!}”，写成了材料的适用情形`, applicants[0]);
    return { materials: out };
  }
  return { materials: out, ...(applicants.length > 0 ? { applicants } : {}) };
}

/** What to say about a value that looks like a placeholder rather than an answer (暂无, 待定, 略). */
function placeholderHint(text: string): string {
  return /^(?:无|暂无|略|待定|待补充|待完善|空|—+|-+|\/)$/.test(text.trim()) ? `（“${text.trim()}”像是还没填的占位字，请向业务科室核实）` : '';
}

// ---------------------------------------------------------------- steps

type Step = Record<string, unknown>;

/** Alternatives as Siliang's own export writes them: "或者：名称：说明（地点：…）（适用：…）". */
function alternative(text: string): Record<string, unknown> {
  const m = /^(.*?)(?:[:：](.*?))?(?:（地点：(.*?)）)?(?:（适用：(.*)）)?$/.exec(text.trim())!;
  return {
    name: m[1]!.trim(),
    ...(m[2] ? { description: m[2].trim() } : {}),
    ...(m[3] ? { where: m[3].trim() } : {}),
    ...(m[4] ? { condition: m[4].trim() } : {}),
  };
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
  // The forms that qualify a limit, taken out of the lines first: an exception, a waiting period, another limit for a kind of applicant.
  const qualifiers = limitQualifiers(ctx);
  const own = (section: Section | undefined) => (section ? section.lines.map(qualifiers.take).filter((l) => l.trim() !== '') : []);
  if (el.timeLimit)
    push(el.timeLimit.element === 'timeLimit' && /承诺/.test(el.timeLimit.heading) && !/法定/.test(el.timeLimit.heading) ? 'promised' : undefined, own(el.timeLimit).join('\n'));
  if (el.statutory) push('statutory', own(el.statutory).join('\n') || '—');
  if (el.promised) push('promised', own(el.promised).join('\n') || '—');
  // 户籍人口 3 个工作日；流动人口 20 个工作日: limits for kinds of applicant, when there are two or more.
  const perApplicant = parts.map((part, i) => ({ i, part, m: APPLICANT_LIMIT.exec(part.text.replace(LIMIT_LABEL, '')) })).filter((x) => x.m && !NOT_AN_APPLICANT.test(x.m[1]!));
  if (perApplicant.length >= 2) {
    for (const { part, m } of perApplicant) {
      const v = limitValue(`${m![2]}个${m![3]}`)!;
      qualifiers.byApplicant.push({ applicant: m![1]!.replace(/[:：]$/, '').trim(), promised: v.value, ...(v.unit === '自然日' ? { promisedUnit: '自然日' } : {}) });
      if (v.unsure) note(ctx, 'timeLimit', 'unsure', v.unsure, part.text);
    }
    const first = perApplicant[0]!;
    note(
      ctx,
      'promised',
      'unsure',
      `时限按申请人分别写（${qualifiers.byApplicant.map((a) => a.applicant).join('、')}），逐类写进了不同申请人的时限；承诺办结时限取了第一类“${qualifiers.byApplicant[0]!.applicant}”的，请核对`,
      perApplicant.map((x) => x.part.text).join('；'),
    );
    parts.splice(0, parts.length, ...parts.filter((_, i) => !perApplicant.some((x) => x.i === i)), {
      label: first.part.label ?? 'promised',
      text: `${first.m![2]}个${first.m![3]}`,
    });
  }
  for (const n of [...noteParts]) {
    // A bracket inside a limit that is an exception (20 个工作日（除制卡时间外）) is the exception, not a note.
    if (/^除.+外$/.test(n) && qualifiers.exception === undefined) {
      qualifiers.exception = n;
      noteParts.splice(noteParts.indexOf(n), 1);
    }
  }
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
    // 无 (or a dash) under 法定办结时限 may mean "the law sets none", which is 无法定时限; a guide that
    // writes 未公布 says just what it means, as Siliang's own Word export does.
    if (v.value === NOT_PUBLISHED && part.label && !/^未公布[。.]?$/.test(part.text.trim())) {
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
  if (qualifiers.exception) out.exception = qualifiers.exception;
  if (qualifiers.waiting) out.waiting = qualifiers.waiting;
  if (qualifiers.byApplicant.length > 0) out.byApplicant = qualifiers.byApplicant;
  const notes = noteParts.filter((n) => n !== '' && !/^(?:办结|时限|办理时限)$/.test(n));
  if (explicitNote !== '') notes.push(explicitNote);
  if (notes.length > 0) out.note = notes.join('；');
  return out;
}

/** A limit's label before its value: 承诺时限：, 法定办结时限. */
const LIMIT_LABEL = /^(?:法定|承诺)(?:办结|办理)?(?:时限|期限)?[:：]?\s*/;
/** 流动人口 20 个工作日, 本县户籍人口：3个工作日. */
const APPLICANT_LIMIT = /^([^\d，,；;。]{2,20}?)[:：]?\s*(\d+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|自然日)$/;
/** Words before a number of days that say when a limit runs, not for whom: 自受理之日起 20 个工作日. */
const NOT_AN_APPLICANT = /受理|之日|[起内为共约需]$|办结|时限|期限|法定|承诺|办理/;
const DAYS_AFTER =
  /(?:等待期[:：]\s*)?([^\s\d，,；;。：:（(]{1,12}?)(?:满)?\s*(\d+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|自然日|日历日|天|日)(?:后|以后|之后)[，,]?\s*([^，,；;。]*)/;

interface Qualifiers {
  exception?: string;
  waiting?: Record<string, unknown>;
  byApplicant: Array<Record<string, unknown>>;
  /** A line of the time limit without the qualifiers it held. */
  take(line: string): string;
}

/** The exception, waiting period and per-applicant limits in a time limit's lines, as guides write them and as Siliang's export writes them. */
function limitQualifiers(ctx: Ctx): Qualifiers {
  const q: Qualifiers = {
    byApplicant: [],
    take(line) {
      let rest = line;
      // 时限例外：除省厅制卡时间外 (the export), or 除…外 anywhere in the line.
      const labelled = /^(?:时限例外|例外情形|例外)[:：]\s*(.+)$/.exec(rest.trim());
      if (labelled) {
        q.exception = labelled[1]!.trim().replace(/[。；;]$/, '');
        return '';
      }
      const except = /[（(]?(除[^，,；;。（）()]{1,40}?外)[）)]?/.exec(rest);
      if (except && q.exception === undefined) {
        q.exception = except[1]!;
        rest = rest.replace(except[0], ' ');
      }
      // 其中，流动人口：承诺办结时限 20 个工作日；法定办结时限 …；说明：… (the export's line for each kind of applicant).
      const each = /^其中[，,]?\s*(.+?)[:：]\s*(.+)$/.exec(rest.trim());
      if (each) {
        const a: Record<string, unknown> = { applicant: each[1]!.trim() };
        for (const piece of each[2]!.split(/[；;]/)) {
          const t = piece.trim();
          const noteText = /^说明[:：]\s*(.+)$/.exec(t);
          if (noteText) {
            a.note = noteText[1]!.trim();
            continue;
          }
          const v = limitValue(t);
          if (!v) {
            if (t !== '') note(ctx, 'timeLimit', 'unplaced', `“${a.applicant as string}”的时限里这段没有导入`, t);
            continue;
          }
          const key = /^法定/.test(t) ? 'statutory' : 'promised';
          a[key] = v.value;
          if (v.unit === '自然日') a[`${key}Unit`] = '自然日';
        }
        if (a.promised !== undefined) q.byApplicant.push({ applicant: a.applicant, promised: a.promised, ...a });
        else note(ctx, 'timeLimit', 'unplaced', `“${a.applicant as string}”的时限没写承诺办结时限，没有导入`, rest);
        return '';
      }
      // 出院 10 个工作日后方可复印: a waiting period before the item can be applied for.
      const wait = DAYS_AFTER.exec(rest);
      if (wait && q.waiting === undefined) {
        const calendar = wait[3] !== '工作日';
        if (wait[3] === '天' || wait[3] === '日') note(ctx, 'timeLimit', 'unsure', `等待期“${wait[0].trim()}”按自然日计算；如果是工作日，改成工作日`, line);
        const then = wait[4]!.trim().replace(/^[方才]/, '');
        q.waiting = {
          after: wait[1]!.replace(/^(?:自|从|在)/, ''),
          days: cnNumber(wait[2]!),
          ...(calendar ? { unit: '自然日' } : {}),
          ...(then !== '' && then !== '可办理' ? { then } : {}),
        };
        rest = rest.replace(wait[0], ' ');
      }
      return rest.replace(/[（(]\s*[）)]/g, '').replace(/^[\s，,；;。]+|[\s，,；;]+$/g, '');
    },
  };
  return q;
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
    // The guide has the heading and says nothing in it: not published; 无 may also mean free, which only the unit can say.
    note(
      ctx,
      'fee',
      'gap',
      `收费标准${text ? `写的是“${text}”` : '一栏是空的'}，看不出是不收费还是没写，写成了 未公布${text ? placeholderHint(text) : ''}；如果是不收费，改成 不收费`,
      text,
    );
    return { fee: NOT_PUBLISHED };
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

const SEASON_NAMES = '夏季|冬季|春季|秋季|夏令时|冬令时|夏秋季|冬春季';
const SEASON = new RegExp(`(${SEASON_NAMES})(?:作息)?(?:时间)?\\s*(?:[（(]([^）)]*)[）)])?\\s*[:：]`, 'g');

type HoursLine = { days: string; times: string[] };

/** The lines of an opening-hours table in a text (周一至周五 8:30-12:00、14:00-17:30), and the text left over. */
function regularIn(text: string, ctx: Ctx): { regular: HoursLine[]; rest: string } {
  const regular: HoursLine[] = [];
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
    const days = m[1]!
      .replace(/\s/g, '')
      .replace(/星期/g, '周')
      .replace(/[,，]/g, '、')
      .replace(/到|-|—|~|～/g, '至');
    // A guide that gives only parts of the day (周二、周四上午) keeps them as written, as the model does.
    if (times.length === 0) times.push(...new Set([...text.slice(from, to).matchAll(/上午|下午|中午|晚上|全天/g)].map((p) => p[0])));
    if (times.length === 0) return;
    // 工作日 is kept as the guide says it (the model reads it as the official working days, with 调休).
    if (parseWeekdays(days) === undefined && days !== '工作日') {
      note(ctx, 'hours', 'unplaced', `看不懂“${m[1]}”是哪几天`, text);
      return;
    }
    regular.push({ days, times });
    rest = rest.replace(m[0], ' ');
  });
  return { regular, rest };
}

function hours(s: Section | undefined, holidaySection: Section | undefined, noteSection: Section | undefined, ctx: Ctx): unknown {
  if (!s) {
    if (holidaySection || noteSection)
      note(ctx, 'hours', 'unplaced', '有节假日安排或办公时间说明，却没有办理时间，没有导入', [holidaySection, noteSection].map((x) => x?.lines.join(' ') ?? '').join(' '));
    return undefined;
  }
  const text = [...s.lines, ...s.footnotes].join('；');
  if (EMPTY.test(text)) {
    note(ctx, 'hours', 'gap', `办理时间${text ? `写的是“${text}”` : '一栏是空的'}，网页上会显示单位的办公时间${text ? placeholderHint(text) : ''}`, text);
    return undefined;
  }
  // 夏季（5月1日至9月30日）：…；冬季…: hours per season, each season's lines and note gathered under its name.
  const seasonNotes = new Map<string, string>();
  const lines = [...s.lines, ...s.footnotes].filter((line) => {
    const n = new RegExp(`^(${SEASON_NAMES})说明[:：]\\s*(.+)$`).exec(line.trim());
    if (n) seasonNotes.set(n[1]!, n[2]!.trim());
    return !n;
  });
  const body = lines.join('；');
  const markers = [...body.matchAll(SEASON)];
  let regular: HoursLine[] = [];
  let rest = body;
  const seasons: Array<Record<string, unknown> & { name: string; regular: HoursLine[] }> = [];
  if (markers.length > 0) {
    const prefix = body.slice(0, markers[0]!.index);
    // Days said once before the seasons (周一至周五，夏季…，冬季…) hold for each season that names none.
    const prefixDays = [...prefix.matchAll(DAYS)].at(-1)?.[1];
    rest = prefix;
    markers.forEach((m, i) => {
      const chunk = body.slice(m.index + m[0].length, markers[i + 1]?.index ?? body.length);
      const found = regularIn(/[周星每]|工作日/.test(chunk) || !prefixDays ? chunk : `${prefixDays} ${chunk}`, ctx);
      rest += `；${found.rest}`;
      if (found.regular.length === 0) {
        note(ctx, 'hours', 'unplaced', `看不懂${m[1]}的办理时间，没有导入`, `${m[0]}${chunk}`);
        return;
      }
      const name = m[1]!;
      const same = seasons.find((x) => x.name === name);
      if (same) same.regular.push(...found.regular);
      else {
        const range = m[2] ? /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:至|到|—+|-|~|～)\s*(?:次年|翌年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(m[2]) : null;
        if (m[2] && !range) note(ctx, 'hours', 'unplaced', `看不懂${name}的起止日期“${m[2]}”，没有导入`, m[0]);
        seasons.push({
          name,
          ...(range ? { from: `${pad(Number(range[1]))}-${pad(Number(range[2]))}`, to: `${pad(Number(range[3]))}-${pad(Number(range[4]))}` } : {}),
          regular: found.regular,
        });
      }
    });
    for (const season of seasons) {
      const n = seasonNotes.get(season.name);
      if (n) season.note = n;
    }
  } else {
    ({ regular, rest } = regularIn(body, ctx));
  }
  for (const [name, n] of seasonNotes) if (!seasons.some((x) => x.name === name)) note(ctx, 'hours', 'unplaced', `有${name}说明，却没有${name}的办理时间，没有导入`, n);
  if (regular.length === 0 && seasons.length === 0) {
    note(ctx, 'hours', 'unplaced', '看不懂办理时间（找不到星期几和几点到几点），没有导入；网页上会显示单位的办公时间', body);
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
  const out: Record<string, unknown> = { ...(seasons.length > 0 ? { seasons } : { regular }), holidays: holiday.length > 0 ? holiday.join('，') : NOT_PUBLISHED };
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

/** Labelled parts of a line as Siliang's export writes them: "名称；地址：…；说明：…" (说明 last, whatever it holds). */
function labelledParts(line: string, labels: readonly string[]): { head: string; parts: Record<string, string> } {
  const re = new RegExp(`[；;](?=(?:${labels.join('|')})[:：])`);
  const pieces: string[] = [];
  let rest = line;
  for (;;) {
    // Everything after 说明： is the note, ；s included.
    const at = rest.search(re);
    if (at < 0 || /^说明[:：]/.test(rest)) {
      pieces.push(rest);
      break;
    }
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  const [head, ...labelled] = pieces;
  const parts: Record<string, string> = {};
  for (const piece of labelled) {
    const m = /^([^:：]+)[:：]\s*([\s\S]*)$/.exec(piece)!;
    parts[m[1]!] = m[2]!.trim();
  }
  return { head: head!.trim(), parts };
}

interface LabelledPhone {
  label: string;
  number: string;
  hours?: string;
  note?: string;
}

/**
 * Labelled numbers, one a line or several on a line: "病案复印咨询：0570-6021 1265",
 * "咨询电话：6021 1128；投诉电话：6021 1008 转 678（工作日 8:00-17:00）". A bracket
 * with 接听时间 or clock times is when the line answers; another is a note.
 */
function labelledPhones(s: Section | undefined): LabelledPhone[] {
  if (!s) return [];
  const out: LabelledPhone[] = [];
  for (const line of s.lines) {
    for (const clause of splitOutsideBrackets(line, /[；;]/)) {
      const m = /^([^:：\d（(]{1,16})[:：]\s*(.+)$/.exec(clause.replace(NUMBERING, '').trim());
      if (!m) continue;
      let rest = m[2]!;
      const brackets: string[] = [];
      rest = rest.replace(/[（(]([^（）()]*)[）)]/g, (_, inner: string) => (brackets.push(inner.trim()), ' '));
      // The number as written when it is one the content accepts (a local number, two numbers together); else the first number found.
      const asWritten = rest.trim().replace(/[。，,]$/, '');
      const number = checkPhones(asWritten, { allowLocal: true }).ok ? asWritten : phonesIn(rest).ok[0];
      if (!number) continue;
      if (number === asWritten) rest = '';
      const p: LabelledPhone = { label: m[1]!.trim(), number };
      for (const b of brackets) {
        const h = /^接听时间[:：]\s*(.+)$/.exec(b);
        if (h) p.hours = h[1]!;
        else if (/\d{1,2}[:：]\d{2}/.test(b) && p.hours === undefined) p.hours = b;
        else p.note = p.note ? `${p.note}；${b}` : b;
      }
      const after = rest.replace(PHONE_RUN, '').replace(/^[\s，,]+|[\s，,。]+$/g, '');
      if (after !== '') p.note = p.note ? `${p.note}；${after}` : after;
      out.push(p);
    }
  }
  return out;
}

const KIND_WORDS: Array<[RegExp, string]> = [
  [/支付宝小程序/, '支付宝小程序'],
  [/微信小程序|小程序/, '微信小程序'],
  [/微信公众号|公众号|服务号/, '微信公众号'],
  [/App|APP|客户端|手机应用/, '手机应用'],
  [/自助机|自助终端|一体机/, '自助机'],
];

function online(s: Section | undefined, ctx: Ctx): unknown {
  if (!s) return undefined;
  const lines = s.lines.map((l) => l.trim()).filter((l) => l !== '' && !EMPTY.test(l));
  if (lines.length === 0) return undefined;
  const numbered = lines.every((l) => /^\d{1,2}[.．、]\s*/.test(l));
  // The export's form, one channel a line: 名称；网址：…；类型：…；电话：…；说明：….
  if (numbered || lines.some((l) => /[；;](?:网址|类型|电话|说明)[:：]/.test(l) || /^网址[:：]/.test(l))) {
    const channels = lines.map((line) => {
      const { head, parts } = labelledParts(line.replace(/^\d{1,2}[.．、]\s*/, ''), ['网址', '类型', '电话', '说明']);
      const c: Record<string, unknown> = {};
      const url = /^网址[:：]\s*(.+)$/.exec(head);
      if (url) c.url = url[1]!.trim();
      else {
        if (parts['网址']) c.url = parts['网址'];
        c.label = head;
      }
      if (parts['类型']) c.kind = parts['类型'];
      if (parts['电话']) c.phone = parts['电话'];
      if (parts['说明']) c.note = parts['说明'];
      return c;
    });
    return numbered ? channels : channels.length === 1 ? channels[0] : channels;
  }
  const text = lines.join(' ');
  const url = /https?:\/\/[^\s，,；;。）)“”"]+/.exec(text);
  if (url) {
    const label = text
      .replace(url[0], ' ')
      .replace(/[（(]\s*[）)]/g, '')
      .replace(/^[\s:：]+|[\s:：，,]+$/g, '')
      .trim();
    return { url: url[0].replace(/[.。]$/, ''), ...(label ? { label } : {}) };
  }
  // Channels without an address: 微信公众号“青溪人社”、“浙里办”App、青溪医保小程序. Each is named as the guide names it; its kind is read from the name.
  const channels = splitOutsideBrackets(text, /[、；;]|\s+/)
    .map((name) =>
      name
        .replace(/^(?:通过|登录|关注|使用|可在)/, '')
        .replace(/(?:办理|申请|预约|搜索)$/, '')
        .trim(),
    )
    .filter((name) => name !== '' && !EMPTY.test(name))
    .map((name) => {
      const kind = KIND_WORDS.find(([re]) => re.test(name))?.[1];
      // 微信公众号“青溪县人民医院”, “浙里办”App: the quoted name is the label, the kind word says the kind.
      const quoted = /^[^“”"]*[“"]([^”"]+)[”"][^“”"]*$/.exec(name);
      const label = quoted && kind ? quoted[1]! : name.replace(/[“”"]/g, '');
      return { label, ...(kind ? { kind } : {}) };
    });
  if (channels.length === 0 || channels.some((c) => !c.kind)) {
    note(ctx, 'online', 'unplaced', '看不出网上办理的入口（没有网址，也看不出是公众号、小程序还是 App），没有导入', text);
    return undefined;
  }
  return channels.length === 1 ? channels[0] : channels;
}

const SCOPE_WORDS: Array<[RegExp, string]> = [
  [/跨省通办|全国通办/, '跨省通办'],
  [/全省通办/, '全省通办'],
  [/全市通办/, '全市通办'],
  [/全县通办|全区通办/, '全县通办'],
];

/** 通办范围: 全市通办 and what the guide says about it. */
function scope(s: Section | undefined, ctx: Ctx): { scope?: string; scopeNote?: string } {
  if (!s) return {};
  const text = s.lines.join('\n').trim();
  const found = SCOPE_WORDS.find(([re]) => re.test(text));
  if (!found) {
    if (!EMPTY.test(text) && !/^(?:否|不通办|不支持)$/.test(text)) note(ctx, 'scope', 'unplaced', '看不出是全县、全市、全省还是跨省通办，没有导入', text);
    return {};
  }
  const rest = text
    .replace(found[0], ' ')
    .replace(/^[\s，,；;。:：（(]+|[\s，,；;。）)]+$/g, '')
    .replace(/\n/g, '；')
    .trim();
  return { scope: found[1], ...(rest !== '' ? { scopeNote: rest } : {}) };
}

/** 预约: whether it must be booked, how, and the booking phone. */
function appointment(s: Section | undefined, ctx: Ctx): Record<string, unknown> | undefined {
  if (!s) return undefined;
  let text = s.lines.join('；').trim();
  if (EMPTY.test(text) || /^(?:无需|不需要?|不用|无须|不必)预约/.test(text)) return undefined;
  let phone: string | undefined;
  const booked = /[，,；;。]?\s*预约电话[:：]?\s*([^，,；;。]+)/.exec(text);
  if (booked) {
    const numbers = phonesIn(booked[1]!).ok;
    if (numbers.length > 0) {
      phone = numbers[0];
      text = text.replace(booked[0], '').trim();
    }
  }
  const labelled = /^(需|须|必须|可|可以)(?:提前)?预约[:：]\s*(.+)$/.exec(text);
  let required: boolean;
  let how = text;
  if (labelled) {
    required = !/^可/.test(labelled[1]!);
    how = labelled[2]!.trim();
  } else if (/(?:须|需要?|必须|应当?|实行|一律)(?:提前)?(?:\S{0,8})?预约|预约制/.test(text) && !/(?:无需|不需|不必|可不)预约/.test(text)) required = true;
  else if (/可(?:以)?(?:提前)?(?:\S{0,12})?预约|也可|预约优先/.test(text)) required = false;
  else {
    required = false;
    note(ctx, 'appointment', 'unsure', '看不出是否必须预约，写成了可以预约（required: false），请核对', text);
  }
  return { required, how: how.replace(/[。；;]$/, ''), ...(phone ? { phone } : {}) };
}

/**
 * 办理地点: one place as a line of text, or several — numbered (as the export
 * writes them, with 地址：, 办公时间： … parts) or "院本部：…；东院区：…" — each
 * with its own hours when the guide gives them.
 */
function places(s: Section, ctx: Ctx): { place?: string; places?: Array<Record<string, unknown>> } {
  const lines = s.lines.map((l) => l.trim()).filter((l) => l !== '' && !EMPTY.test(l));
  const numbered = lines.filter((l) => /^\d{1,2}[.．、]\s*/.test(l));
  // 院本部：住院部一楼 5 号窗口（周一至周五 8:00-17:00）；东院区：门诊楼二楼: named places, each with its hours.
  const named = numbered.length === 0 && lines.length === 1 ? splitOutsideBrackets(lines[0]!, /[；;]/).filter(Boolean) : [];
  const eachNamed = named.length >= 2 && named.every((n) => /^[^：:，,。]{2,10}[:：]\S/.test(n));
  const withHours = (text: string): { text: string; hours?: unknown } => {
    const bracket = /[（(]([^（）()]*(?:\d{1,2}\s*[:：]\s*\d{2})[^（）()]*)[）)]/.exec(text);
    if (!bracket) return { text };
    const h = hours({ element: 'hours', heading: '办公时间', approx: false, lines: [bracket[1]!], tables: [], footnotes: [] }, undefined, undefined, ctx);
    return h ? { text: text.replace(bracket[0], '').trim(), hours: h } : { text };
  };
  if (eachNamed) {
    return {
      places: named.map((n) => {
        const { text, hours: h } = withHours(n);
        const m = /^([^：:]+)[:：]\s*(.*)$/.exec(text)!;
        return { name: `${m[1]!.trim()}${m[2]!.trim()}`, ...(h ? { hours: h } : {}) };
      }),
    };
  }
  if (numbered.length === 0) {
    // One place with its hours in brackets (全市任一派出所户籍窗口（工作日 8:30-17:00）) is a place of its own, with those hours.
    if (lines.length === 1) {
      const { text, hours: h } = withHours(lines[0]!);
      if (h) return { places: [{ name: text, hours: h }] };
    }
    const place = lines.join('；');
    if (place === '') note(ctx, 'place', 'gap', '办理地点一栏是空的，网页上会显示单位的地址');
    return place === '' ? {} : { place };
  }
  const plain = lines.filter((l) => !numbered.includes(l));
  const out = numbered.map((line) => {
    const { head, parts } = labelledParts(line.replace(/^\d{1,2}[.．、]\s*/, ''), ['地址', '路线', '办公时间', '节假日安排', '办公时间说明', '电话', '说明']);
    const pl: Record<string, unknown> = { name: head };
    if (parts['地址']) pl.address = parts['地址'];
    if (parts['路线']) pl.directions = parts['路线'];
    if (parts['办公时间']) {
      const section = (text: string | undefined): Section | undefined =>
        text ? { element: undefined, heading: '', approx: false, lines: [text], tables: [], footnotes: [] } : undefined;
      const h = hours(section(parts['办公时间'].replace(/；/g, '\n'))!, section(parts['节假日安排']), section(parts['办公时间说明']), ctx);
      if (h) pl.hours = h;
    }
    if (parts['电话']) pl.phone = parts['电话'];
    if (parts['说明']) pl.note = parts['说明'];
    return pl;
  });
  return { ...(plain.length > 0 ? { place: plain.join('；') } : {}), places: out };
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
  /** What an element holds that a one-line or list value has no place for: tables and footnotes. */
  const leftOver = (key: ElementKey, s: Section | undefined) => {
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
    for (const f of s?.footnotes ?? []) note(ctx, key, 'unplaced', '脚注没有导入', f);
  };
  /** A required element with no value: 未公布 when the guide has the heading (empty, 无, 暂无), 待填写 when it has not. */
  const missing = (key: ElementKey, s: Section | undefined, said: string) => {
    const marker = s ? NOT_PUBLISHED : UNFILLED;
    note(ctx, key, 'gap', `${s ? (said ? `写的是“${said}”` : '这一栏是空的') : '原文没有这一项'}，写成了 ${marker}${said ? placeholderHint(said) : ''}`);
    return marker;
  };
  const oneLine = (key: ElementKey, required: boolean): string | undefined => {
    const s = el[key];
    const text = s ? s.lines.join('').trim() : '';
    leftOver(key, s);
    if (s && s.lines.length > 1) note(ctx, key, 'unsure', `${ELEMENTS[key]}写了 ${s.lines.length} 行，合成了一行`, s.lines.join(' / '));
    if (text !== '' && !EMPTY.test(text)) return text;
    return required ? missing(key, s, text) : undefined;
  };
  const list = (key: ElementKey, required: boolean, split: (lines: string[]) => string[] = items): unknown => {
    const s = el[key];
    leftOver(key, s);
    const values = s ? split(s.lines).filter((v) => !EMPTY.test(v)) : [];
    // The whole list written 未公布 or 待填写 (as the export writes it) is that marker, not a list of one line.
    if (values.length === 1 && (values[0] === NOT_PUBLISHED || values[0] === UNFILLED)) return values[0];
    if (values.length > 0) return values;
    return required ? missing(key, s, s?.lines.join(' ').trim() ?? '') : undefined;
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
  const m = materials(el.materials, el.applicants, ctx);
  if (m.applicants) data.applicants = m.applicants;
  data.materials = m.materials;
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
  if (el.place) Object.assign(data, places(el.place, ctx));
  Object.assign(data, scope(el.scope, ctx));
  const booking = appointment(el.appointment, ctx);
  if (booking) data.appointment = booking;
  const h = hours(el.hours, el.holidays, el.hoursNote, ctx);
  if (h) data.hours = h;
  const phones: Record<string, string> = {};
  // 咨询电话：…；投诉电话：… 转 678 under one heading, or a 电话 element of labelled numbers (预约、查询 …).
  const labelled = [el.phones, el.consult, el.complaint].flatMap((x) => labelledPhones(x));
  const asPair = labelled.length > 0 && !el.phones && labelled.every((x) => /^(?:咨询|投诉|监督投诉|投诉监督|监督|联系)(?:电话)?$/.test(x.label));
  const phoneList = el.phones || (labelled.length >= 2 && !asPair) ? labelled : [];
  if (phoneList.length > 0) {
    for (const key of ['consult', 'complaint'] as const) {
      // A section with one unlabelled number beside a labelled list joins the list under its element's name.
      const section = el[key];
      if (section && labelledPhones(section).length === 0) {
        const n = phone(key, section, ctx);
        if (n) phoneList.push({ label: section.heading.replace(NUMBERING, '').trim() || ELEMENTS[key], number: n });
      }
    }
    data.phones = phoneList;
  } else {
    const pairs = asPair ? labelled : [];
    const consult = pairs.find((x) => !/投诉|监督/.test(x.label))?.number ?? (pairs.length === 0 ? phone('consult', el.consult, ctx) : undefined);
    if (consult) phones.consult = consult;
    const complaint = pairs.find((x) => /投诉|监督/.test(x.label))?.number ?? (pairs.length === 0 ? phone('complaint', el.complaint, ctx) : undefined);
    if (complaint) phones.complaint = complaint;
    if (Object.keys(phones).length > 0) data.phones = phones;
  }
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
