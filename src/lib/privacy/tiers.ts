/**
 * Privacy tiers: how much of a unit's staff board the open website shows
 * (site.yaml → privacy.staffOnWeb, privacy.units.<unit>). The printed sheets
 * for the hall always show everything; the website, its search index, data
 * files, feeds and JSON-LD are all made from one model, so hiding happens
 * once, here, on that model, and nothing downstream can forget it.
 *
 * - `all`: what the staff board shows (the default, and today's behaviour).
 * - `no-photo-number`: names and posts, without photos, staff numbers or
 *   licence numbers.
 * - `post-only`: posts and their duties; no person at all (no staff pages,
 *   personal pledges under the post, award winners by post).
 */
import type { SiteData, StaffWebTier } from '#schemas/site.ts';
import type { SiteModel, StaffModel, UnitModel } from '../model.ts';

/** The tier of a unit: its own line in privacy.units, else the organisation's, else `all`. */
export function staffTierOf(privacy: SiteData['privacy'], unitId: string): StaffWebTier {
  return privacy?.units?.[unitId] ?? privacy?.staffOnWeb ?? 'all';
}

/** True when the web shows less of this unit's staff than the printed sheets do. */
export function hidesStaff(tier: StaffWebTier): boolean {
  return tier !== 'all';
}

/** Whether any unit of the organisation hides something on the web. */
export function anyStaffHidden(privacy: SiteData['privacy']): boolean {
  if (privacy?.staffOnWeb && hidesStaff(privacy.staffOnWeb)) return true;
  return Object.values(privacy?.units ?? {}).some(hidesStaff);
}

/**
 * A member of staff as the web may show them under `no-photo-number`: no
 * photo (an empty path, which StaffPhoto draws as nothing), no staff or
 * licence number.
 */
function withoutPhotoAndNumbers<I>(person: StaffModel<I>): StaffModel<I> {
  const { number: _number, numberLabel: _label, licence: _licence, ...rest } = person.data;
  return { ...person, data: { ...rest, photo: '' } };
}

/** A unit as the web may show it under its tier. */
export function unitForWeb<I>(unit: UnitModel<I>, tier: StaffWebTier): UnitModel<I> {
  if (tier === 'all') return unit;
  if (tier === 'no-photo-number') {
    const staff = unit.staff.map(withoutPhotoAndNumbers);
    const bySlug = new Map(staff.map((s) => [s.slug, s]));
    return {
      ...unit,
      staffOnWeb: tier,
      staff,
      posts: unit.posts.map((p) => ({ ...p, staff: p.staff.map((s) => bySlug.get(s.slug) ?? withoutPhotoAndNumbers(s)) })),
    };
  }
  return postOnly(unit);
}

/**
 * Keys that stand for people where data needs one (a pledge's `by.staff`, an
 * award's or a rating's `staff`) under 只公开岗位: the post's slug and the
 * person's place in it on the board (`daoyi-2`), `staff-1`… for people no
 * longer on it. Never the file name, which is the name in pinyin, and never
 * a hash of anything a name list could reproduce.
 */
export function postKeys(unit: UnitModel<unknown>, referenced: Iterable<string> = []): Map<string, string> {
  const keys = new Map<string, string>();
  const perPost = new Map<string, number>();
  for (const s of unit.staff) {
    const n = (perPost.get(s.data.post) ?? 0) + 1;
    perPost.set(s.data.post, n);
    keys.set(s.slug, `${s.data.post}-${n}`);
  }
  let former = 0;
  for (const slug of referenced) if (!keys.has(slug)) keys.set(slug, `staff-${++former}`);
  return keys;
}

/** `slug` with every staff slug in it replaced by that person's key, longest first (a personal pledge's file is often named after its person). */
function withoutStaffSlugs(slug: string, keys: ReadonlyMap<string, string>): string {
  let out = slug;
  for (const [staffSlug, key] of [...keys].sort(([a], [b]) => b.length - a.length)) out = out.replaceAll(staffSlug, key);
  return out;
}

/**
 * 只公开岗位: no person at all. Staff pages go; a person named in structured
 * data is named by their post (a personal pledge's pledger, an award winner,
 * a rated member of staff), keyed by `postKeys`; the unit's head by their
 * position alone. Names written into free text are the checker's business
 * (./tier-check.ts: an error for the web), since rewriting prose would
 * garble it.
 */
function postOnly<I>(unit: UnitModel<I>): UnitModel<I> {
  const postOf = new Map(unit.staff.map((s) => [s.slug, s.postName]));
  const asPost = (slug: string) => `${postOf.get(slug) ?? ''}工作人员`;
  const referenced = [
    ...unit.pledges.flatMap((p) => (p.pledgerStaff === undefined ? [] : [p.pledgerStaff])),
    ...unit.evaluations.flatMap((e) => [...(e.data.awards ?? []).flatMap((a) => (a.staff ? [a.staff] : [])), ...(e.data.people ?? []).map((p) => p.staff)]),
  ];
  const keys = postKeys(unit as UnitModel<unknown>, referenced);
  const keyOf = (slug: string) => keys.get(slug) ?? slug;
  const head = unit.data.head;
  // Everyone the unit's files name as its people, past staff too (the evaluations' names cover every staff file).
  const privateNames = [...new Set([...unit.staff.map((s) => s.data.name), ...unit.evaluations.flatMap((e) => Object.values(e.names)), ...(head ? [head.name] : [])])];
  return {
    ...unit,
    staffOnWeb: 'post-only',
    privateNames,
    // The head by position alone: the web model's head has no name (src/lib/open-data/catalogue.ts says so in the published schema).
    data: head ? { ...unit.data, head: withoutName(head) } : unit.data,
    staff: [],
    posts: unit.posts.map((p) => ({ ...p, staff: [] })),
    pledges: unit.pledges.map((p) => {
      if (p.pledgerStaff === undefined) return p;
      const { pledgerStaff: slug, pledgerName: _name, ...rest } = p;
      const renamed = withoutStaffSlugs(p.slug, keys);
      return {
        ...rest,
        id: `${unit.id}/${renamed}`,
        slug: renamed,
        data: { ...p.data, by: { ...p.data.by, staff: keyOf(slug) } },
        pledger: asPost(slug),
      };
    }),
    evaluations: unit.evaluations.map((e) => {
      const people = new Set([...(e.data.awards ?? []).flatMap((a) => (a.staff ? [a.staff] : [])), ...(e.data.people ?? []).map((p) => p.staff)]);
      return {
        ...e,
        data: {
          ...e.data,
          ...(e.data.awards ? { awards: e.data.awards.map((a) => (a.staff ? { ...a, staff: keyOf(a.staff) } : a)) } : {}),
          ...(e.data.people ? { people: e.data.people.map((p) => ({ ...p, staff: keyOf(p.staff) })) } : {}),
        },
        // Only the people this evaluation names, each by post.
        names: Object.fromEntries([...people].map((slug) => [keyOf(slug), asPost(slug)])),
      };
    }),
  };
}

/** A leader record without the person's name: the web shows the position. */
function withoutName<T extends { name: string }>(person: T): T {
  const { name: _name, ...rest } = person;
  return rest as T;
}

/** The organisation as the open website shows it: every unit under its tier. */
export function siteForWeb<I>(model: SiteModel<I>): SiteModel<I> {
  const privacy = model.site.privacy;
  if (!anyStaffHidden(privacy)) return model;
  const units = model.units.map((u) => unitForWeb(u, staffTierOf(privacy, u.id)));
  const byId = new Map(units.map((u) => [u.id, u]));
  return { ...model, units, groups: model.groups.map((g) => ({ ...g, units: g.units.map((u) => byId.get(u.id) ?? u) })) };
}
