/**
 * What each kind of printed sheet shows, as plain data. The sheets are drawn
 * from it and its version code is computed from it, so a change to anything
 * a sheet prints (and nothing else) makes the sheets out of date. Each field
 * has a Chinese label for the note that tells a citizen what has changed.
 *
 * Photos are represented by an identity of the file's content (its Git
 * blob hash), supplied by the caller: a new photo is a change, a re-encoded
 * copy of the same file is not.
 *
 * Each function is checked against the sheet that prints it, field by
 * field; where a sheet chooses what to print (this year's pledges on the
 * board, the latest review on a pledge card), the sheet and the function
 * share the choice from here, so that they cannot drift apart. Unit tests
 * (test/unit/print-printed.test.ts) change each printed field and some
 * unprinted ones.
 */
import { feeSummary, formatLimit, formatLocation } from '../format.ts';
import type { Hours, PledgeModel, ProcedureModel, StaffModel, UnitModel } from '../model.ts';
import { isOverdue } from '../pledges.ts';
import type { Channel } from '../supervision.ts';

export type PhotoId = (staff: StaffModel<unknown>) => string;

/** Opening hours as the sheets print them: each line's days and times, and the holiday arrangement (not `note`, which no sheet prints). */
function printedHours(hours: Hours) {
  return [hours.regular.map((l) => [l.days, l.times]), hours.holidays];
}

export const PROCEDURE_LABELS = {
  unit: '单位',
  name: '事项名称',
  summary: '事项简介',
  eligibility: '受理条件',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  visits: '到现场次数',
  fee: '收费标准',
  place: '办理地点',
  hours: '办理时间',
  phones: '咨询和投诉电话',
  legalBasis: '设定依据',
  online: '网上办理',
} as const;

/** What a procedure poster (print/units/<unit>/procedures/<procedure>/<size>) prints. */
export function printedProcedure(p: ProcedureModel, unit: UnitModel<unknown>) {
  const d = p.data;
  return {
    // The header: parent body and unit.
    unit: [unit.data.parent, unit.data.name],
    name: d.name,
    summary: d.summary,
    eligibility: d.eligibility,
    materials: d.materials.map((m) => [m.name, m.form, m.copies, m.required, m.condition ?? '', m.note ?? '']),
    steps: d.steps.map((s) => [
      s.name,
      s.where ?? '',
      s.who ?? '',
      s.duration ?? '',
      s.optional ?? false,
      s.condition ?? '',
      (s.alternatives ?? []).map((a) => [a.name, a.where ?? '']),
    ]),
    timeLimit: [formatLimit(d.timeLimit.promised, d.timeLimit.promisedUnit), formatLimit(d.timeLimit.statutory, d.timeLimit.statutoryUnit)],
    visits: d.visits,
    fee: [d.fee === '不收费' ? '不收费' : d.fee.map((f) => [f.name, f.amount, f.basis]), d.feeNote ?? ''],
    place: p.place,
    hours: printedHours(p.hours),
    phones: [p.consultPhone, p.complaintPhone ?? ''],
    legalBasis: d.legalBasis,
    // The poster does not print the address, only whether the procedure can be done online (its QR prompt says so).
    online: d.online !== undefined,
  } satisfies Record<keyof typeof PROCEDURE_LABELS, unknown>;
}

/** The QR prompt of a procedure poster: it mentions doing it online only when that is possible. */
export function procedurePrompt(p: ProcedureModel): string {
  return p.data.online ? '扫码查看网上最新办事指南，也可在网上办理' : '扫码查看网上最新办事指南';
}

export const DESK_CARD_LABELS = { name: '姓名', post: '岗位', window: '窗口号', unit: '单位', parent: '所属单位', badges: '政治面貌', plaque: '荣誉牌' } as const;

export function printedDeskCard(s: StaffModel<unknown>, unit: UnitModel<unknown>) {
  return {
    name: s.data.name,
    post: s.postName,
    window: s.data.window ?? '',
    unit: unit.data.name,
    parent: unit.data.parent,
    badges: s.data.badges ?? [],
    plaque: s.data.plaque ?? '',
  } satisfies Record<keyof typeof DESK_CARD_LABELS, unknown>;
}

export const BADGE_LABELS = { name: '姓名', photo: '照片', post: '岗位', title: '职称', position: '职务', number: '工号', unit: '单位', parent: '所属单位', badges: '政治面貌' } as const;

export function printedBadge(s: StaffModel<unknown>, unit: UnitModel<unknown>, photoId: PhotoId) {
  return {
    name: s.data.name,
    photo: photoId(s),
    post: s.postName,
    title: s.data.title ?? '',
    position: s.data.position ?? '',
    number: `${s.data.numberLabel ?? ''}${s.data.number ?? ''}`,
    unit: unit.data.name,
    parent: unit.data.parent,
    badges: s.data.badges ?? [],
  } satisfies Record<keyof typeof BADGE_LABELS, unknown>;
}

export const PLEDGE_LABELS = { title: '承诺标题', pledger: '承诺主体', items: '承诺事项和兑现情况', review: '领导点评', unit: '单位' } as const;

/** The review a pledge card prints: the latest by date (the file may list them in any order). */
export function latestReview(p: PledgeModel) {
  return [...(p.data.reviews ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0];
}

/**
 * What a pledge card (print/units/<unit>/pledges/<pledge>/<size>) prints.
 * `today` decides which items it marks overdue (已超期), which it prints.
 */
export function printedPledge(p: PledgeModel, unit: UnitModel<unknown>, today: string) {
  const review = latestReview(p);
  return {
    title: [p.data.title, p.data.year],
    // 承诺单位 / 承诺党组织 / 承诺人, then who.
    pledger: [p.data.by.type, p.pledger],
    items: p.data.items.map((i) => [i.text, i.deadline, i.status, isOverdue(i, today), i.evidence ?? '', i.date ?? '']),
    review: review ? [review.stage, review.reviewer, review.date, review.comment] : [],
    unit: [unit.data.parent, unit.data.name],
  } satisfies Record<keyof typeof PLEDGE_LABELS, unknown>;
}

export const SUPERVISION_LABELS = { name: '名称', parent: '所属单位', phone: '咨询电话', channels: '监督渠道' } as const;

/** `parent`: the body the unit belongs to, printed with its name. */
export function printedSupervision(name: string, phone: string, channels: readonly Channel[], parent = '') {
  return {
    name,
    parent,
    phone,
    channels: channels.map((c) => [c.type, c.label, c.value, c.hours ?? '', c.note ?? '']),
  } satisfies Record<keyof typeof SUPERVISION_LABELS, unknown>;
}

export const BOARD_LABELS = {
  unit: '单位信息',
  procedures: '办事事项',
  staff: '工作人员',
  duties: '岗位职责',
  pledges: '服务承诺',
  channels: '监督渠道',
} as const;

/**
 * The pledges a wall board shows: this year's; if none are dated this year
 * yet, the newest year's. `year` is undefined when the unit has none.
 */
export function boardPledges(unit: UnitModel<unknown>, today: string): { year: number | undefined; pledges: PledgeModel[] } {
  if (unit.pledges.length === 0) return { year: undefined, pledges: [] };
  const thisYear = Number(today.slice(0, 4));
  const year = unit.pledges.some((p) => p.data.year === thisYear) ? thisYear : Math.max(...unit.pledges.map((p) => p.data.year));
  return { year, pledges: unit.pledges.filter((p) => p.data.year === year) };
}

/**
 * What a wall board (print/units/<unit>/board/<size>) prints. `today`
 * decides which year's pledges it shows; earlier years' are not on it, and
 * a change to them leaves the board's code as it is.
 */
export function printedBoard(unit: UnitModel<unknown>, photoId: PhotoId, today: string) {
  const d = unit.data;
  const shown = boardPledges(unit, today);
  return {
    unit: [d.name, d.parent, formatLocation(d.location), unit.phone, printedHours(unit.hours), d.plaques ?? []],
    procedures: unit.procedures.map((p) => [p.data.name, formatLimit(p.data.timeLimit.promised, p.data.timeLimit.promisedUnit), p.data.visits, feeSummary(p.data.fee)]),
    staff: unit.staff.map((s) => [s.data.name, photoId(s), s.postName, s.data.title ?? '', s.data.window ?? '', s.data.badges ?? [], s.data.onDuty]),
    duties: unit.posts.map((p) => [p.data.name, p.data.duties, p.data.plaque ?? '', p.data.complaint.department, p.data.complaint.phone, p.staff.map((s) => s.data.name)]),
    pledges: [shown.year ?? '', shown.pledges.map((p) => [p.data.title, p.pledger, p.data.items.map((i) => [i.text, i.deadline, i.status])])],
    channels: unit.channels.map((c) => [c.label, c.value]),
  } satisfies Record<keyof typeof BOARD_LABELS, unknown>;
}

export const PLAQUE_LABELS = { window: '窗口号', unit: '单位', parent: '所属单位', posts: '岗位', plaques: '荣誉牌' } as const;


/** The windows of a unit: those it lists, and any a member of staff sits at. */
export function unitWindows(unit: UnitModel<unknown>): string[] {
  const all = new Set([...(unit.data.location.windows ?? []), ...unit.staff.map((s) => s.data.window).filter((w): w is string => Boolean(w))]);
  return [...all].sort((a, b) => a.localeCompare(b, 'zh-CN', { numeric: true }));
}

export function printedPlaque(unit: UnitModel<unknown>, window: string) {
  const here = unit.staff.filter((s) => s.data.window === window);
  const posts = [...new Set(here.map((s) => s.postName))];
  const postPlaques = unit.posts.filter((p) => here.some((s) => s.data.post === p.slug)).map((p) => p.data.plaque);
  const plaques = [...new Set([...postPlaques, ...here.map((s) => s.data.plaque)].filter((p): p is string => Boolean(p)))];
  return { window, unit: unit.data.name, parent: unit.data.parent, posts, plaques } satisfies Record<keyof typeof PLAQUE_LABELS, unknown>;
}

/** Fee and time limit lines for a procedure poster's summary. */
export function procedureHeadline(p: ProcedureModel): { time: string; fee: string } {
  return { time: formatLimit(p.data.timeLimit.promised, p.data.timeLimit.promisedUnit), fee: feeSummary(p.data.fee) };
}
