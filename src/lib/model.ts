/**
 * Assembles the organisation from its content entries: each unit with its
 * procedures, staff, posts, pledges and evaluations; supervision channels,
 * hours and phones resolved from unit and site defaults; notices sorted and
 * judged against the build's clock; and the date each item last changed.
 *
 * Pure: it takes plain entries (from Astro's collections or from the content
 * checker) and a function giving file dates, so it is tested directly.
 */
import type { EvaluationData } from '#schemas/evaluation.ts';
import type { NoticeData } from '#schemas/notice.ts';
import type { PledgeData } from '#schemas/pledge.ts';
import type { PostData } from '#schemas/post.ts';
import type { ProcedureData } from '#schemas/procedure.ts';
import type { SiteData, StaffWebTier } from '#schemas/site.ts';
import type { StaffData } from '#schemas/staff.ts';
import { UNIT_KINDS, type UnitData, type UnitKind } from '#schemas/unit.ts';
import { procedurePhones, procedurePlaces, unitPhones, type FallbackPhone, type ShownPhone, type ShownPlace } from './contacts.ts';
import { latest } from './dates.ts';
import { isBelowThreshold } from './evaluations.ts';
import { byOrderThenName } from './format.ts';
import { noticeState, type NoticeState } from './notices.ts';
import { countStatuses, isOverdue, type StatusCounts } from './pledges.ts';
import { complaintPhone, resolveChannels, type Channel } from './supervision.ts';

export interface Entry<D> {
  id: string;
  data: D;
  /** Path of the source file relative to the content folder. */
  file: string;
}

export interface ContentEntries<I> {
  site: SiteData<I>;
  siteFile: string;
  units: Entry<UnitData<I>>[];
  procedures: Entry<ProcedureData>[];
  staff: Entry<StaffData<string>>[];
  posts: Entry<PostData>[];
  pledges: Entry<PledgeData>[];
  evaluations: Entry<EvaluationData>[];
  notices: Entry<NoticeData>[];
}

export type Hours = NonNullable<UnitData['hours']>;

interface Item<D> {
  id: string;
  /** File name without extension: the last part of the page address. */
  slug: string;
  data: D;
  file: string;
  /** When this item last changed, YYYY-MM-DD. */
  updated: string | undefined;
}

export interface ProcedureModel extends Item<ProcedureData> {
  unit: string;
  /** The first place in one line, for lists and sheets with one line for it. */
  place: string;
  /** Every place, each with what it adds (address, directions, hours, phone, note). */
  places: ShownPlace<Hours>[];
  hours: Hours;
  /** The number to name in "请咨询 …": the guide's, its unit's, or the fallback channel's. */
  consultPhone: string;
  complaintPhone: string | undefined;
  /** Every phone to show, labelled: the guide's own, or its unit's. */
  phones: ShownPhone[];
  /** When neither the guide nor its unit publishes a phone: the channel to call instead, said as such. */
  phoneFallback?: FallbackPhone;
}

// Staff photos are paths everywhere (src/integration/photos.ts makes their files); `I` is kept so
// the unit and site images can be typed by whoever assembles the model.
export interface StaffModel<_I = unknown> extends Item<StaffData<string>> {
  unit: string;
  postName: string;
}

export interface PostModel<I> extends Item<PostData> {
  staff: StaffModel<I>[];
}

export interface PledgeModel extends Item<PledgeData> {
  /** Who pledges, as printed: the unit's name, the branch's name, or a person with their post. */
  pledger: string;
  /** For a personal pledge: the person's slug and name. */
  pledgerStaff?: string;
  pledgerName?: string;
  counts: StatusCounts;
  overdue: number;
}

export interface EvaluationModel extends Item<EvaluationData> {
  belowThreshold: boolean;
  /** Award winners' names by staff id. */
  names: Record<string, string>;
}

export interface NoticeModel extends Item<NoticeData> {
  state: NoticeState;
  unit?: { id: string; name: string };
}

export interface UnitModel<I> {
  id: string;
  data: UnitData<I>;
  file: string;
  procedures: ProcedureModel[];
  /** Staff on the board: everyone who has not left, in board order. */
  staff: StaffModel<I>[];
  posts: PostModel<I>[];
  pledges: PledgeModel[];
  /** Newest period first. */
  evaluations: EvaluationModel[];
  notices: NoticeModel[];
  channels: Channel[];
  hours: Hours;
  /** The consultation number: the unit's own, or the fallback channel's (see `phoneFallback`). */
  phone: string;
  /** The unit's own phones, labelled. */
  phones: ShownPhone[];
  /** When the unit publishes no phone of its own: the channel pages point to instead, said as such. */
  phoneFallback?: FallbackPhone;
  /** The latest change to the unit or anything on its board. */
  updated: string | undefined;
  /** Set on the website's view when it shows less of the staff than the printed sheets (src/lib/privacy/tiers.ts). */
  staffOnWeb?: StaffWebTier;
  /**
   * On the website's view under 只公开岗位: the names of the unit's people
   * (staff, past staff, its head), which nothing from outside the model may
   * quote there either (the 变更记录 read from Git, src/data/history.ts).
   */
  privateNames?: readonly string[];
}

export interface SiteModel<I> {
  site: SiteData<I>;
  today: string;
  channels: Channel[];
  units: UnitModel<I>[];
  /** Units grouped by kind, in the order the kinds are listed in the schema. */
  groups: Array<{ kind: UnitKind; label: string; units: UnitModel<I>[] }>;
  /** Every notice that has a page: published, open or ended, newest first, pinned first. */
  notices: NoticeModel[];
  /** Notices to show as current: published ones and open publicity periods. */
  currentNotices: NoticeModel[];
  updated: string | undefined;
}

const slugOf = (id: string) => id.slice(id.lastIndexOf('/') + 1);
const unitOf = (id: string) => id.slice(0, id.indexOf('/'));

function groupByUnit<T extends { id: string }>(entries: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const e of entries) {
    const unit = unitOf(e.id);
    let list = map.get(unit);
    if (!list) map.set(unit, (list = []));
    list.push(e);
  }
  return map;
}

export function buildModel<I>(content: ContentEntries<I>, today: string, dateOf: (file: string) => string | undefined): SiteModel<I> {
  const { site } = content;
  const updatedOf = (e: { file: string; data: { updated?: string | undefined } }) => e.data.updated ?? dateOf(e.file);
  const item = <D extends { updated?: string | undefined }>(e: Entry<D>): Item<D> => ({
    id: e.id,
    slug: slugOf(e.id),
    data: e.data,
    file: e.file,
    updated: updatedOf(e),
  });

  const unitNames = new Map(content.units.map((u) => [u.id, u.data.name]));
  const notices: NoticeModel[] = content.notices
    .map((e) => {
      const unitId = e.data.unit;
      return {
        ...item(e),
        state: noticeState(e.data.date, e.data.period, today),
        ...(unitId ? { unit: { id: unitId, name: unitNames.get(unitId) ?? unitId } } : {}),
      };
    })
    .filter((n) => n.state !== 'scheduled')
    .sort((a, b) => Number(b.data.pinned ?? false) - Number(a.data.pinned ?? false) || b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));

  const procedures = groupByUnit(content.procedures);
  const staff = groupByUnit(content.staff);
  const posts = groupByUnit(content.posts);
  const pledges = groupByUnit(content.pledges);
  const evaluations = groupByUnit(content.evaluations);
  const siteChannels = resolveChannels(site.supervision);

  const units: UnitModel<I>[] = content.units.map((u) => {
    const data = u.data;
    const channels = resolveChannels(site.supervision, data.supervision);
    const hours = data.hours ?? site.hours;
    const contacts = unitPhones(data, site);
    const firstOwn = contacts.own[0];
    const phone = firstOwn ? firstOwn.written : (contacts.fallback?.phone ?? site.phone);
    const place = [data.location.building, data.location.floor].filter(Boolean).join('') + (data.location.windows?.length ? ` ${data.location.windows.join('、')} 号窗口` : '');

    const unitPosts = (posts.get(u.id) ?? []).map(item).sort(
      byOrderThenName(
        (p) => p.data.order,
        (p) => p.data.name,
      ),
    );
    const postNames = new Map(unitPosts.map((p) => [p.slug, p.data.name]));

    const unitStaff: StaffModel<I>[] = (staff.get(u.id) ?? [])
      .filter((s) => s.data.left === undefined || s.data.left > today)
      .map((s) => ({ ...item(s), unit: u.id, postName: postNames.get(s.data.post) ?? s.data.post }))
      .sort(
        byOrderThenName(
          (s) => s.data.order,
          (s) => s.data.name,
        ),
      );
    const staffNames = new Map<string, string>();
    for (const s of staff.get(u.id) ?? []) staffNames.set(slugOf(s.id), s.data.name);
    const staffPost = new Map(unitStaff.map((s) => [s.slug, s.postName]));

    const unitProcedures: ProcedureModel[] = (procedures.get(u.id) ?? [])
      .map((p) => {
        const places = procedurePlaces<Hours>(p.data, { name: data.name, room: place, address: data.location.address, directions: data.location.directions }, site.areaCode);
        const phones = procedurePhones(p.data.phones, contacts, complaintPhone(channels), site.areaCode);
        const first = places[0];
        return {
          ...item(p),
          unit: u.id,
          place: p.data.place ?? (first && !p.data.places ? place.trim() || data.location.address || data.name : (first?.name ?? data.name)),
          places,
          hours: p.data.hours ?? hours,
          consultPhone: phones.consult,
          complaintPhone: phones.complaint,
          phones: phones.list,
          ...(phones.fallback ? { phoneFallback: phones.fallback } : {}),
        };
      })
      .sort(
        byOrderThenName(
          (p) => p.data.order,
          (p) => p.data.name,
        ),
      );

    const unitPledges: PledgeModel[] = (pledges.get(u.id) ?? [])
      .map((p) => {
        const by = p.data.by;
        const staffSlug = by.type === 'staff' ? by.staff : undefined;
        const pledger =
          by.type === 'unit'
            ? data.name
            : by.type === 'party-branch'
              ? (by.name ?? `${data.name}党支部`)
              : `${staffNames.get(staffSlug ?? '') ?? staffSlug}${staffPost.has(staffSlug ?? '') ? `（${staffPost.get(staffSlug ?? '')}）` : ''}`;
        return {
          ...item(p),
          pledger,
          ...(staffSlug ? { pledgerStaff: staffSlug, pledgerName: staffNames.get(staffSlug) ?? staffSlug } : {}),
          counts: countStatuses(p.data.items),
          overdue: p.data.items.filter((i) => isOverdue(i, today)).length,
        };
      })
      .sort(
        (a, b) =>
          b.data.year - a.data.year ||
          byOrderThenName<PledgeModel>(
            (p) => p.data.order,
            (p) => p.data.title,
          )(a, b),
      );

    const unitEvaluations: EvaluationModel[] = (evaluations.get(u.id) ?? [])
      .map((e) => ({
        ...item(e),
        belowThreshold: isBelowThreshold(e.data),
        names: Object.fromEntries(staffNames),
      }))
      .sort((a, b) => b.data.end.localeCompare(a.data.end));

    const unitPostsWithStaff: PostModel<I>[] = unitPosts.map((p) => ({ ...p, staff: unitStaff.filter((s) => s.data.post === p.slug) }));
    const unitNotices = notices.filter((n) => n.unit?.id === u.id);

    return {
      id: u.id,
      data,
      file: u.file,
      procedures: unitProcedures,
      staff: unitStaff,
      posts: unitPostsWithStaff,
      pledges: unitPledges,
      evaluations: unitEvaluations,
      notices: unitNotices,
      channels,
      hours,
      phone,
      phones: contacts.own,
      ...(contacts.fallback ? { phoneFallback: contacts.fallback } : {}),
      // Everything the board shows, and the staff files of people taken off
      // it: their leaving is a change to the board too.
      updated: latest([
        updatedOf(u),
        ...unitProcedures.map((x) => x.updated),
        ...(staff.get(u.id) ?? []).map(updatedOf),
        ...unitNotices.map((x) => x.updated),
        ...unitPosts.map((x) => x.updated),
        ...unitPledges.map((x) => x.updated),
        ...unitEvaluations.map((x) => x.updated),
      ]),
    };
  });

  units.sort(
    byOrderThenName(
      (u) => u.data.order,
      (u) => u.data.name,
    ),
  );
  const groups = (Object.keys(UNIT_KINDS) as UnitKind[])
    .map((kind) => ({ kind, label: UNIT_KINDS[kind], units: units.filter((u) => u.data.kind === kind) }))
    .filter((g) => g.units.length > 0);

  return {
    site,
    today,
    channels: siteChannels,
    units,
    groups,
    notices,
    currentNotices: notices.filter((n) => n.state === 'open' || n.state === 'published'),
    updated: latest([site.updated ?? dateOf(content.siteFile), ...units.map((u) => u.updated), ...notices.map((n) => n.updated)]),
  };
}
