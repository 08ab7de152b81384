/**
 * Search data for pages: the organisation's synonyms, the words each page
 * adds to the index, and how the index is split. Build time only.
 */
import context from 'virtual:siliang/context';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupOfUnit, planSearchGroups, type SearchPlan } from '#lib/search/groups.ts';
import { parseSynonyms, SYNONYMS_FILE, type SynonymGroups } from '#lib/search/synonyms.ts';
import type { Site } from './site.ts';

let groups: SynonymGroups | undefined;

/** The synonym groups of the content folder (none when it has no synonyms file). */
export function synonymGroups(): SynonymGroups {
  if (groups) return groups;
  const file = join(context.contentDir, SYNONYMS_FILE);
  groups = existsSync(file) ? parseSynonyms(readFileSync(file, 'utf8')).groups : [];
  return groups;
}

const plans = new WeakMap<object, SearchPlan>();

/**
 * How the site's search index is split (src/lib/search/groups.ts), the same
 * for every page of a build: the search page writes it into its data, and
 * the search box on a unit's pages passes the unit's group. The threshold
 * is the build's searchSplit option (default 1,500 indexed pages).
 */
export function searchPlanOf(site: Site): SearchPlan {
  let plan = plans.get(site);
  if (!plan) {
    // A unit's indexed pages: its services, its people, its duties and its pledges page.
    const units = site.units.map((u) => ({ id: u.id, parent: u.data.parent, pages: u.procedures.length + u.staff.length + 2 }));
    plan = planSearchGroups(units, context.searchSplit);
    plans.set(site, plan);
  }
  return plan;
}

const scopes = new WeakMap<SearchPlan, Map<string, string>>();

/** The search group of a unit, when the site is split; undefined otherwise. */
export function searchScopeOfUnit(site: Site, unitId: string): string | undefined {
  const plan = searchPlanOf(site);
  let map = scopes.get(plan);
  if (!map) scopes.set(plan, (map = groupOfUnit(plan)));
  return map.get(unitId);
}
