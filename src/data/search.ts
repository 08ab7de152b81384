/**
 * Search data for pages: the organisation's synonyms, the words each page
 * adds to the index, and how the index is split. Build time only.
 */
import context from 'virtual:siliang/context';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { groupOfUnit, planSearchGroups, type SearchPlan } from '#lib/search/groups.ts';
import { DEFAULT_SYNONYMS } from '#lib/search/default-synonyms.ts';
import { buildSoundData, soundWords } from '#lib/search/sound-data.ts';
import type { SoundData } from '#lib/search/sounds.ts';
import { parseSynonyms, SYNONYMS_FILE, withDefaults, type SynonymGroups } from '#lib/search/synonyms.ts';
import type { Site } from './site.ts';

let groups: SynonymGroups | undefined;

/**
 * The synonym groups a site searches with: the citizen vocabulary shipped
 * with Siliang (default-synonyms.ts), with the content folder's
 * synonyms.txt added, which can also drop default groups.
 */
export function synonymGroups(): SynonymGroups {
  if (groups) return groups;
  const file = join(context.contentDir, SYNONYMS_FILE);
  const own = existsSync(file) ? parseSynonyms(readFileSync(file, 'utf8')) : { groups: [], dropped: [] };
  groups = withDefaults(parseSynonyms(DEFAULT_SYNONYMS).groups, own);
  return groups;
}

const sounds = new WeakMap<object, SoundData>();

/**
 * The sound data of the site (src/lib/search/sounds.ts): the words of its
 * services', posts', people's and units' names and of its synonyms, with
 * the syllables they use.
 */
export function soundDataOf(site: Site): SoundData {
  let data = sounds.get(site);
  if (!data) {
    const names = [
      ...site.units.flatMap((u) => [u.data.name, ...u.procedures.map((p) => p.data.name), ...u.posts.map((p) => p.data.name), ...u.staff.map((s) => s.data.name)]),
      ...synonymGroups().flat(),
    ];
    data = buildSoundData(soundWords(names));
    sounds.set(site, data);
  }
  return data;
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
    // A unit's indexed pages: its services, its people, and its duties and pledges pages when they are not empty.
    const units = site.units.map((u) => ({
      id: u.id,
      parent: u.data.parent,
      pages: u.procedures.length + u.staff.length + (u.posts.length > 0 ? 1 : 0) + (u.pledges.length > 0 ? 1 : 0),
    }));
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
