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
  // post-only: every person's name is replaced by their post wherever the unit's pages name them.
  const postOf = new Map(unit.staff.map((s) => [s.slug, s.postName]));
  const asPost = (slug: string) => `${postOf.get(slug) ?? ''}工作人员`;
  return {
    ...unit,
    staffOnWeb: tier,
    staff: [],
    posts: unit.posts.map((p) => ({ ...p, staff: [] })),
    pledges: unit.pledges.map((p) => {
      if (p.pledgerStaff === undefined) return p;
      const { pledgerStaff: slug, pledgerName: _name, ...rest } = p;
      return { ...rest, pledger: asPost(slug) };
    }),
    evaluations: unit.evaluations.map((e) => ({ ...e, names: Object.fromEntries(Object.keys(e.names).map((slug) => [slug, asPost(slug)])) })),
  };
}

/** The organisation as the open website shows it: every unit under its tier. */
export function siteForWeb<I>(model: SiteModel<I>): SiteModel<I> {
  const privacy = model.site.privacy;
  if (!anyStaffHidden(privacy)) return model;
  const units = model.units.map((u) => unitForWeb(u, staffTierOf(privacy, u.id)));
  const byId = new Map(units.map((u) => [u.id, u]));
  return { ...model, units, groups: model.groups.map((g) => ({ ...g, units: g.units.map((u) => byId.get(u.id) ?? u) })) };
}
