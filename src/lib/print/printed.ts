/**
 * What each kind of printed sheet shows, as plain data: its printed view.
 * The sheet components (src/components/print/) take the view as their props
 * and print nothing else of the content, and the version code is computed
 * from the same object (catalogue.ts), so what is hashed is what is printed
 * by construction: a change to anything a sheet prints (and nothing else)
 * makes the sheets out of date. Each top-level field has a Chinese label
 * for the note that tells a citizen what has changed.
 *
 * Every choice of what to print (this year's pledges on the board, the
 * latest review on a pledge card, which items are overdue today) is made
 * here, once. Text a sheet may leave out is '' rather than missing, and
 * the fields of each record keep their order: the code is computed from
 * the values in that order (version.ts), as it was when the views were
 * lists, so sheets printed before keep their codes.
 *
 * Photos are represented by an identity of the file's content (its Git
 * blob hash), supplied by the caller: a new photo is a change, a re-encoded
 * copy of the same file is not. The sheet finds the picture by that identity.
 *
 * Unit tests (test/unit/print-printed.test.ts) change each printed field
 * and some unprinted ones.
 */
import { t } from '#i18n/index.ts';
import {
  FREE,
  feeSummary,
  formatLimit,
  formatLocation,
  isNotStated,
  showFee,
  showTimeLimit,
  stated,
  statedList,
  unstatedSentence,
  type Fee,
  type ProcedureElement,
} from '../format.ts';
import type { Hours, PledgeModel, ProcedureModel, StaffModel, UnitModel } from '../model.ts';
import type { HoursLineLike } from '../hours.ts';
import { phoneLines, phoneText, placesHaveOwnHours, sameHoursText } from '../contacts.ts';
import { isOverdue } from '../pledges.ts';
import { postComplaint } from '../posts.ts';
import type { Channel } from '../supervision.ts';
import { NO_LIMIT, ON_THE_SPOT, SCOPES } from '#schemas/procedure.ts';

export type PhotoId = (staff: StaffModel<unknown>) => string;

/**
 * The photo identity of a member of staff with no photo yet: the sheet
 * prints a neutral placeholder, and adding the photo later changes the
 * sheet's version code like any other change to it.
 */
export const NO_PHOTO = '';

/**
 * Opening hours as the sheets print them: each line's days and times, the
 * holiday arrangement, then, only where the source has them, the note and
 * every season (夏季 and 冬季 together, with their dates and notes). Fields
 * are added only when present so that sheets without them keep their codes.
 */
function printedHours(hours: Hours) {
  const line = (l: HoursLineLike) => ({ days: l.days, times: l.times });
  return {
    regular: (hours.regular ?? []).map(line),
    holidays: hours.holidays,
    ...(hours.note ? { note: hours.note } : {}),
    ...(hours.seasons
      ? {
          seasons: hours.seasons.map((s) => ({ name: s.name, from: s.from ?? '', to: s.to ?? '', regular: s.regular.map(line), note: s.note ?? '' })),
        }
      : {}),
  };
}

/** Printed hours, for the components that print them. */
export type PrintedHours = ReturnType<typeof printedHours>;

export const PROCEDURE_LABELS = {
  unit: '单位',
  name: '事项名称',
  summary: '事项简介',
  scope: '通办范围',
  eligibility: '受理条件',
  applicants: '申请人类型',
  materials: '申请材料',
  steps: '办理流程',
  timeLimit: '办理时限',
  visits: '到现场次数',
  fee: '收费标准',
  appointment: '预约',
  place: '办理地点',
  places: '办理地点',
  hours: '办理时间',
  phones: '咨询和投诉电话',
  phoneList: '电话',
  legalBasis: '设定依据',
  online: '网上办理',
  unstated: '未公布的内容',
} as const;

/** What a procedure poster (print/units/<unit>/procedures/<procedure>/<size>) prints. */
export function printedProcedure(p: ProcedureModel, unit: UnitModel<unknown>) {
  const d = p.data;
  const ask = p.consultPhone;
  const tl = showTimeLimit(d.timeLimit);
  const unstated: Partial<Record<ProcedureElement, string>> = {};
  for (const key of ['eligibility', 'materials', 'steps', 'timeLimit', 'visits', 'fee', 'legalBasis'] as const) {
    const value = d[key];
    if (isNotStated(value)) unstated[key] = unstatedSentence(key, value, ask);
  }
  if (!isNotStated(d.timeLimit)) {
    for (const key of ['promised', 'statutory'] as const) {
      const value = d.timeLimit[key];
      if (isNotStated(value)) unstated[key] = unstatedSentence(key, value, ask);
    }
  }
  return {
    // The header: parent body and unit.
    unit: { parent: unit.data.parent, name: unit.data.name },
    name: d.name,
    summary: stated(d.summary) ?? '',
    scope: d.scope ? `${SCOPES[d.scope]}${d.scopeNote ? `（${d.scopeNote}）` : ''}` : '',
    eligibility: statedList(d.eligibility),
    applicants: d.applicants ?? [],
    materials: statedList(d.materials).map((m) => ({
      name: m.name,
      form: m.form,
      copies: m.copies,
      required: m.required,
      condition: m.condition ?? '',
      note: m.note ?? '',
      ...(m.originals !== undefined ? { originals: m.originals } : {}),
      ...(m.applicants ? { applicants: m.applicants } : {}),
      ...(m.anyOf ? { anyOf: m.anyOf.map((a) => (a.note ? `${a.name}（${a.note}）` : a.name)) } : {}),
    })),
    steps: statedList(d.steps).map((s) => ({
      name: s.name,
      where: s.where ?? '',
      who: s.who ?? '',
      duration: s.duration ?? '',
      optional: s.optional ?? false,
      condition: s.condition ?? '',
      alternatives: (s.alternatives ?? []).map((a) => ({ name: a.name, where: a.where ?? '', ...(a.condition ? { condition: a.condition } : {}) })),
    })),
    timeLimit: { promised: tl.promised, statutory: tl.statutory, ...(tl.qualifiers.length > 0 ? { qualifiers: tl.qualifiers } : {}) },
    visits: d.visits,
    fee: { charges: printedCharges(d.fee), note: d.feeNote ?? '' },
    appointment: d.appointment ? `${d.appointment.required ? '需预约' : '可预约'}：${d.appointment.how}${d.appointment.phone ? `，预约电话 ${d.appointment.phone}` : ''}` : '',
    place: p.place,
    places:
      p.places.length > 1 || d.places
        ? p.places.map((x) => ({
            name: x.name,
            address: x.address ?? '',
            note: x.note ?? '',
            ...(x.hours ? { hours: printedHours(x.hours) } : {}),
            // Beside places with hours of their own, one without says it keeps the guide's (never a guessed time).
            ...(!x.hours && placesHaveOwnHours(p.places) ? { sameHours: sameHoursText(d.hours !== undefined) } : {}),
            // A place's own phone, as the page writes it (with its area code and extension); added only where there is one, so other posters keep their codes.
            ...(x.phone ? { phone: { label: x.phone.label, text: phoneText(x.phone) } } : {}),
          }))
        : [],
    hours: { ...printedHours(p.hours), ...(p.hours.note ? { note: p.hours.note } : {}) },
    phones: { consult: p.consultPhone, complaint: p.complaintPhone ?? '' },
    // Every labelled phone (咨询、预约 …) and the fallback sentence when the unit has none of its own.
    phoneList:
      p.phones.length > 1 || p.phoneFallback
        ? [...p.phones.map((x) => `${x.label} ${x.numbers.map((n) => n.text).join('、')}`), ...(p.phoneFallback ? [p.phoneFallback.sentence] : [])]
        : [],
    legalBasis: statedList(d.legalBasis),
    // The poster does not print the address, only whether the procedure can be done online (its QR prompt says so),
    // and the names of channels that have no address (a WeChat account, an app).
    online: d.online !== undefined,
    unstated,
  } satisfies Record<keyof typeof PROCEDURE_LABELS, unknown>;
}
export type ProcedureView = ReturnType<typeof printedProcedure>;

/** The fee items a poster lists with their basis, 不收费, or 未公布 / 待填写. */
function printedCharges(fee: ProcedureModel['data']['fee']): Fee<{ name: string; amount: string; basis: string; note?: string }> {
  const shown = showFee(fee);
  // A fee's note (who is exempt) qualifies the amount, so it is printed with it.
  if (shown.charged) return shown.items.map((f) => ({ name: f.name, amount: f.amount, basis: f.basis, ...(f.note ? { note: f.note } : {}) }));
  return shown.unstated ?? FREE;
}

/** The QR prompt of a procedure poster: it mentions doing it online only when that is possible. */
export function procedurePrompt(view: Pick<ProcedureView, 'online'>): string {
  return t(view.online ? 'print.procedure.promptOnline' : 'print.procedure.prompt');
}

const UNSTATED_LIMITS = new Set([formatLimit(ON_THE_SPOT), formatLimit(NO_LIMIT), formatLimit('not-published'), formatLimit('unfilled')]);

/**
 * The statutory limit a poster prints beside the promised one: only a
 * number of days. 当场办结 and 无法定时限 add nothing to the promised limit;
 * a statutory limit not stated is said in the time-limit line's sentence.
 */
export function posterStatutory(view: Pick<ProcedureView, 'timeLimit'>): string | undefined {
  return UNSTATED_LIMITS.has(view.timeLimit.statutory) || view.timeLimit.statutory === view.timeLimit.promised ? undefined : view.timeLimit.statutory;
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
export type DeskCardView = ReturnType<typeof printedDeskCard>;

export const BADGE_LABELS = {
  name: '姓名',
  photo: '照片',
  post: '岗位',
  title: '职称',
  position: '职务',
  number: '工号',
  unit: '单位',
  parent: '所属单位',
  badges: '政治面貌',
} as const;

export function printedBadge(s: StaffModel<unknown>, unit: UnitModel<unknown>, photoId: PhotoId) {
  return {
    name: s.data.name,
    photo: photoId(s),
    post: s.postName,
    title: s.data.title ?? '',
    position: s.data.position ?? '',
    // As printed under the photo: "警号 063118", or "工号 …" when the file names no kind of number.
    number: s.data.number ? `${s.data.numberLabel ?? t('staff.number')} ${s.data.number}` : '',
    unit: unit.data.name,
    parent: unit.data.parent,
    badges: s.data.badges ?? [],
  } satisfies Record<keyof typeof BADGE_LABELS, unknown>;
}
export type BadgeView = ReturnType<typeof printedBadge>;

export const PLEDGE_LABELS = { title: '承诺标题', pledger: '承诺主体', items: '承诺事项和兑现情况', review: '领导点评', unit: '单位' } as const;

/** The review a pledge card prints: the latest by date (the file may list them in any order). */
function latestReview(p: PledgeModel) {
  return [...(p.data.reviews ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0];
}

/**
 * What a pledge card (print/units/<unit>/pledges/<pledge>/<size>) prints.
 * `today` decides which items it marks overdue (已超期), which it prints.
 */
export function printedPledge(p: PledgeModel, unit: UnitModel<unknown>, today: string) {
  const review = latestReview(p);
  // No review is an empty record: nothing to print, and nothing in the code.
  const noReview: { stage?: undefined } = {};
  return {
    title: { title: p.data.title, year: p.data.year },
    // 承诺单位 / 承诺党组织 / 承诺人, then who.
    pledger: { type: p.data.by.type, name: p.pledger },
    items: p.data.items.map((i) => ({ text: i.text, deadline: i.deadline, status: i.status, overdue: isOverdue(i, today), evidence: i.evidence ?? '', date: i.date ?? '' })),
    review: review ? { stage: review.stage, reviewer: review.reviewer, date: review.date, comment: review.comment } : noReview,
    unit: { parent: unit.data.parent, name: unit.data.name },
  } satisfies Record<keyof typeof PLEDGE_LABELS, unknown>;
}
export type PledgeView = ReturnType<typeof printedPledge>;

export const SUPERVISION_LABELS = { name: '名称', parent: '所属单位', phone: '咨询电话', channels: '监督渠道' } as const;

/** `parent`: the body the unit belongs to, printed with its name. */
export function printedSupervision(name: string, phone: string, channels: readonly Channel[], parent = '') {
  return {
    name,
    parent,
    phone,
    // An online channel's QR code opens its value, the web address (supervision.ts: its link is the value).
    channels: channels.map((c) => ({ type: c.type, label: c.label, value: c.value, hours: c.hours ?? '', note: c.note ?? '' })),
  } satisfies Record<keyof typeof SUPERVISION_LABELS, unknown>;
}
export type SupervisionView = ReturnType<typeof printedSupervision>;

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
    unit: {
      name: d.name,
      parent: d.parent,
      location: formatLocation(d.location),
      phones: phoneLines(unit, t('unit.phone')),
      hours: printedHours(unit.hours),
      plaques: d.plaques ?? [],
    },
    procedures: unit.procedures.map((p) => ({
      name: p.data.name,
      promised: showTimeLimit(p.data.timeLimit).promised,
      visits: p.data.visits,
      fee: feeSummary(p.data.fee),
    })),
    staff: unit.staff.map((s) => ({
      name: s.data.name,
      photo: photoId(s),
      post: s.postName,
      title: s.data.title ?? '',
      window: s.data.window ?? '',
      badges: s.data.badges ?? [],
      onDuty: s.data.onDuty,
    })),
    duties: unit.posts.map((p) => ({
      name: p.data.name,
      duties: p.data.duties,
      plaque: p.data.plaque ?? '',
      // '' when the post does not publish its complaint desk: the board says so.
      department: postComplaint(p.data)?.department ?? '',
      phone: postComplaint(p.data)?.phone ?? '',
      staff: p.staff.map((s) => s.data.name),
    })),
    // The year is '' when the unit has no pledges at all.
    pledges: {
      year: shown.year ?? '',
      list: shown.pledges.map((p) => ({ title: p.data.title, pledger: p.pledger, items: p.data.items.map((i) => ({ text: i.text, deadline: i.deadline, status: i.status })) })),
    },
    channels: unit.channels.map((c) => ({ label: c.label, value: c.value })),
  } satisfies Record<keyof typeof BOARD_LABELS, unknown>;
}
export type BoardView = ReturnType<typeof printedBoard>;

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
export type PlaqueView = ReturnType<typeof printedPlaque>;
