/**
 * Small wordings shared by pages, posters and screens, and how each of them
 * says that a source does not state something (未公布 / 待填写): every
 * output asks these helpers, so a gap reads the same on the web page, the
 * posters and the hall screen, and is never shown as a blank or a made-up
 * value.
 */
import { isNotStated, NOT_STATED, type NotStated } from '#schemas/common.ts';
import { DAY_UNITS, MATERIAL_FORMS, NO_LIMIT, ON_THE_SPOT, type DayUnit, type Limit } from '#schemas/procedure.ts';

export { isNotStated, type NotStated };

/** 未公布 or 待填写. */
export function notStatedText(value: NotStated): string {
  return NOT_STATED[value];
}

/** The value when the source states it, else undefined. */
export function stated<T>(value: T | NotStated): T | undefined {
  return isNotStated(value) ? undefined : (value as T);
}

/** A list the source may not give, as a list: empty when 未公布 / 待填写 (ask `isNotStated` to tell the two apart). */
export function statedList<T>(value: readonly T[] | NotStated): readonly T[] {
  return isNotStated(value) ? [] : value;
}

/** The elements of a guide that may be 未公布 / 待填写, by the words a sentence about them uses. */
export const PROCEDURE_ELEMENTS = {
  code: '事项编码',
  summary: '事项简介',
  eligibility: '受理条件',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  statutory: '法定办结时限',
  promised: '承诺办结时限',
  visits: '到现场次数',
  fee: '收费信息',
  legalBasis: '设定依据',
  phone: '电话',
} as const;
export type ProcedureElement = keyof typeof PROCEDURE_ELEMENTS;

/**
 * The honest sentence for an element a guide does not state, with where to
 * ask: "本事项未公布收费信息，请咨询 0570-6012 3000。" or, not yet entered,
 * "收费信息待填写，请咨询 …". `ask` is the phone (or channel) that applies.
 */
export function unstatedSentence(element: ProcedureElement, value: NotStated, ask?: string): string {
  const what = PROCEDURE_ELEMENTS[element];
  const head = value === 'not-published' ? `本事项未公布${what}` : `${what}待填写`;
  return ask ? `${head}，请咨询 ${ask}。` : `${head}。`;
}

/** "当场办结", "无法定时限", "5 个工作日", "60 个自然日", or 未公布 / 待填写. */
export function formatLimit(limit: Limit, unit: DayUnit = 'working-days'): string {
  if (isNotStated(limit)) return notStatedText(limit);
  if (limit === ON_THE_SPOT) return '当场办结';
  if (limit === NO_LIMIT) return '无法定时限';
  return `${limit} 个${DAY_UNITS[unit]}`;
}

/** A time limit as content gives it, or 未公布 / 待填写 as a whole. */
export interface TimeLimitInput {
  statutory: Limit;
  statutoryUnit: DayUnit;
  promised: Limit;
  promisedUnit: DayUnit;
  exception?: string | undefined;
  waiting?: { after: string; days: number; unit: DayUnit; then?: string | undefined } | undefined;
  byApplicant?:
    ReadonlyArray<{ applicant: string; promised: Limit; promisedUnit: DayUnit; statutory?: Limit | undefined; statutoryUnit: DayUnit; note?: string | undefined }> | undefined;
  note?: string | undefined;
}

/** "出院 10 个工作日后可申请复印病历". */
export function formatWaiting(waiting: NonNullable<TimeLimitInput['waiting']>): string {
  return `${waiting.after} ${formatLimit(waiting.days, waiting.unit)}后${waiting.then ?? '方可办理'}`;
}

/** "流动人口：承诺 20 个工作日（法定 30 个工作日）；说明". */
export function formatApplicantLimit(a: NonNullable<TimeLimitInput['byApplicant']>[number]): string {
  const statutory = a.statutory !== undefined && a.statutory !== a.promised ? `（法定 ${formatLimit(a.statutory, a.statutoryUnit)}）` : '';
  return `${a.applicant}：${formatLimit(a.promised, a.promisedUnit)}${statutory}${a.note ? `，${a.note}` : ''}`;
}

/**
 * A time limit as every output shows it: the promised and statutory limits
 * as words, and the lines that qualify them (waiting period, exception,
 * limits for other applicants, note), which must travel with the limit
 * wherever it is shown.
 */
export interface TimeLimitShown {
  /** The whole limit is 未公布 / 待填写. */
  unstated?: NotStated;
  promised: string;
  statutory: string;
  /** The statutory limit is a number of days other than the promised limit. */
  showStatutory: boolean;
  qualifiers: string[];
}

export function showTimeLimit(tl: TimeLimitInput | NotStated): TimeLimitShown {
  if (isNotStated(tl)) return { unstated: tl, promised: notStatedText(tl), statutory: notStatedText(tl), showStatutory: false, qualifiers: [] };
  const promised = formatLimit(tl.promised, tl.promisedUnit);
  const statutory = formatLimit(tl.statutory, tl.statutoryUnit);
  const qualifiers = [
    ...(tl.waiting ? [formatWaiting(tl.waiting)] : []),
    ...(tl.exception ? [tl.exception] : []),
    ...(tl.byApplicant ?? []).map(formatApplicantLimit),
    ...(tl.note ? [tl.note] : []),
  ];
  // 当场办结 and 无法定时限 beside the promised limit add nothing; a number of days does.
  return { promised, statutory, showStatutory: statutory !== promised && typeof tl.statutory === 'number', qualifiers };
}

/** "最多跑一次", "全程网办，不用到现场", "到现场 2 次", or 未公布 / 待填写. */
export function formatVisits(visits: number | NotStated): string {
  if (isNotStated(visits)) return notStatedText(visits);
  if (visits === 0) return '全程网办，不用到现场';
  if (visits === 1) return '最多跑一次';
  return `到现场 ${visits} 次`;
}

/** The one fee that is not a list: what the content folder writes for a service that costs nothing. */
export const FREE = '不收费';

/** A procedure's fee as the content gives it: 不收费, items with their amounts, or 未公布 / 待填写. */
export type Fee<I extends { name: string; amount: string } = { name: string; amount: string }> = typeof FREE | ReadonlyArray<I> | NotStated;

/**
 * A fee as every output shows it: the web guide, the hall screen, the
 * posters and the boards. What is charged, item by item, or a sentence that
 * says why there is nothing to list; either way a one-line summary. Every
 * rendering asks this, never the raw value, so that a new state of a fee
 * (a fee the source does not state, say) is decided here once.
 */
export type FeeShown<I> = { charged: true; items: readonly I[]; summary: string } | { charged: false; summary: string; unstated?: NotStated };

/** True when nothing is charged: 不收费 (or, defensively, an empty list, which the schema refuses). A fee not stated is not free. */
export function isFree(fee: Fee): boolean {
  return fee === FREE || (Array.isArray(fee) && fee.length === 0);
}

/** The fee as shown; the summary is "不收费", 未公布 / 待填写, or the first item with how many there are: "不动产权证书工本费 80 元/件 等 2 项". */
export function showFee<I extends { name: string; amount: string }>(fee: Fee<I>): FeeShown<I> {
  if (isNotStated(fee)) return { charged: false, summary: notStatedText(fee), unstated: fee };
  if (isFree(fee)) return { charged: false, summary: FREE };
  // Not free: a list with at least one item.
  const items = fee as ReadonlyArray<I>;
  const first = items[0] as I;
  const summary = items.length === 1 ? `${first.name} ${first.amount}` : `${first.name} ${first.amount} 等 ${items.length} 项`;
  return { charged: true, items, summary };
}

/** The one-line summary of a fee, for lists, boards and the poster's headline. */
export function feeSummary(fee: Fee): string {
  return showFee(fee).summary;
}

/** Sorts by `order` (missing last), then by name in pinyin order. */
const collator = new Intl.Collator('zh-CN-u-co-pinyin');
export function byOrderThenName<T>(order: (t: T) => number | undefined, name: (t: T) => string) {
  return (a: T, b: T) => (order(a) ?? Number.MAX_SAFE_INTEGER) - (order(b) ?? Number.MAX_SAFE_INTEGER) || collator.compare(name(a), name(b));
}

/** Joins a location into one line: "门诊楼一楼 1、2、3 号窗口". */
export function formatLocation(location: {
  building?: string | undefined;
  floor?: string | undefined;
  windows?: readonly string[] | undefined;
  address?: string | undefined;
}): string {
  const windows = location.windows && location.windows.length > 0 ? ` ${location.windows.join('、')} 号窗口` : '';
  const place = `${location.building ?? ''}${location.floor ?? ''}${windows}`.trim();
  return [location.address, place].filter(Boolean).join(' ') || '';
}

/** How much of a material to bring: "原件 1 份", "复印件 2 份", "原件 1 份、复印件 2 份". */
export function materialAmount(m: { form: keyof typeof MATERIAL_FORMS; copies: number; originals?: number | undefined }): string {
  if (m.form === 'original-and-copy' && m.originals !== undefined) return `原件 ${m.originals} 份、复印件 ${m.copies} 份`;
  return `${MATERIAL_FORMS[m.form]} ${m.copies} 份`;
}

/** "任选其一：居民身份证、临时身份证、居民户口簿". */
export function anyOfText(anyOf: ReadonlyArray<{ name: string; note?: string | undefined }>): string {
  return `任选其一：${anyOf.map((a) => (a.note ? `${a.name}（${a.note}）` : a.name)).join('、')}`;
}

interface MaterialLike {
  name: string;
  required: boolean;
  applicants?: readonly string[] | undefined;
}

/**
 * How many materials to bring, said so that no conditional one is hidden:
 * per kind of applicant when the guide lists them ("本人办理 2 项；委托代办
 * 4 项"), else the ones always needed with their names; either way how many
 * more are needed only in some cases, which the list below names.
 */
export function materialsSummary(materials: readonly MaterialLike[], applicants: readonly string[] = []): string {
  if (materials.length === 0) return '不需要提交材料。';
  const conditional = materials.filter((m) => !m.required).length;
  const more = conditional > 0 ? `；另有 ${conditional} 项视情况需要，见申请材料` : '';
  if (applicants.length > 0) {
    const per = applicants.map((a) => `${a} ${materials.filter((m) => m.required && (m.applicants === undefined || m.applicants.includes(a))).length} 项`);
    return `按申请人不同：${per.join('；')}${more}`;
  }
  const required = materials.filter((m) => m.required);
  if (required.length === 0) return `视情况需要 ${conditional} 项，见申请材料`;
  return `${required.length} 项：${required.map((m) => m.name).join('、')}${more}`;
}

/** A note that changes the meaning of a fact, and the field it sits in. */
export interface QualifyingNote {
  field: string;
  text: string;
}

interface NotesInput {
  timeLimit: TimeLimitInput | NotStated;
  fee: Fee<{ name: string; amount: string; note?: string | undefined }>;
  feeNote?: string | undefined;
  materials:
    ReadonlyArray<{ condition?: string | undefined; note?: string | undefined; anyOf?: ReadonlyArray<{ name: string; note?: string | undefined }> | undefined }> | NotStated;
  steps: ReadonlyArray<{ condition?: string | undefined; alternatives?: ReadonlyArray<{ condition?: string | undefined }> | undefined }> | NotStated;
  scopeNote?: string | undefined;
  appointment?: { how: string } | undefined;
}

/**
 * Every note in a guide that qualifies a fact (a time limit's waiting
 * period, exception and note, limits for other applicants, fee notes,
 * material and step conditions, an alternative's condition, hours notes),
 * which every output that shows the fact must show too. `hours` are the
 * hours the guide resolves to, whose note qualifies them.
 */
export function qualifyingNotes(d: NotesInput, hours?: { note?: string | undefined }): QualifyingNote[] {
  const notes: QualifyingNote[] = [];
  const add = (field: string, text: string | undefined) => {
    if (text) notes.push({ field, text });
  };
  if (!isNotStated(d.timeLimit)) {
    if (d.timeLimit.waiting) add('timeLimit.waiting', formatWaiting(d.timeLimit.waiting));
    add('timeLimit.exception', d.timeLimit.exception);
    for (const a of d.timeLimit.byApplicant ?? []) add('timeLimit.byApplicant', formatApplicantLimit(a));
    add('timeLimit.note', d.timeLimit.note);
  }
  add('feeNote', d.feeNote);
  if (Array.isArray(d.fee)) for (const f of d.fee as ReadonlyArray<{ note?: string | undefined }>) add('fee.note', f.note);
  for (const m of statedList(d.materials)) {
    add('materials.condition', m.condition);
    add('materials.note', m.note);
    if (m.anyOf) add('materials.anyOf', anyOfText(m.anyOf));
  }
  for (const s of statedList(d.steps)) {
    add('steps.condition', s.condition);
    for (const a of s.alternatives ?? []) add('steps.alternatives.condition', a.condition);
  }
  add('scopeNote', d.scopeNote);
  add('appointment.how', d.appointment?.how);
  add('hours.note', hours?.note);
  return notes;
}

/**
 * What each output leaves out of a guide on purpose, for want of room or
 * because it is only useful on a screen one can click: everything else a
 * guide states is shown. No qualifying note (see `qualifyingNotes`) may be
 * in these lists; a test holds that.
 */
export const LEFT_OUT_ON_PURPOSE = {
  web: [],
  poster: [
    'code',
    'category',
    'audience',
    'result',
    'delivery',
    'faq',
    'online.url',
    'materials.source',
    'materials.blankForm',
    'steps.description',
    'steps.alternatives.description',
    // A poster hangs where the guide is done; the way there is on the web page its QR code opens,
    // and a guide that names no place is done in the very unit the poster hangs in.
    'places.directions',
    'unit.location.address',
    'unit.location.directions',
  ],
  kiosk: [
    'code',
    'category',
    'audience',
    'result',
    'delivery',
    'faq',
    'legalBasis',
    'fee.basis',
    'online.url',
    'materials.source',
    'materials.blankForm',
    'steps.description',
    'steps.who',
    // The way to a place is for someone not yet in the hall: on the web page the slide's QR code opens;
    // a guide that names no place is done in the unit whose hall the screen is in.
    'places.directions',
    'unit.location.address',
    'unit.location.directions',
  ],
} as const satisfies Record<'web' | 'poster' | 'kiosk', readonly string[]>;

/** A clause's own closing mark (。；;，,), which a list joined with ； must not keep: "材料。；代收" reads as a typo. */
const CLOSING_MARK = /[。；;，,\s]+$/u;

/**
 * Clauses written as sentences, run together with ；: each loses its own
 * closing mark first. With `more`, the run ends in …… (the list goes on),
 * again without a mark before it.
 */
export function joinClauses(clauses: readonly string[], more = false): string {
  const run = clauses.map((c) => c.replace(CLOSING_MARK, '')).join('；');
  return more ? `${run}……` : run;
}
