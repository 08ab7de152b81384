/**
 * Splitting the search index of a large site into groups of units.
 *
 * One Pagefind index over a whole province (3,500 units, some 77,000
 * indexed pages) needs more memory to build than the build machine has
 * (Pagefind keeps every page of an index in memory until it writes it) and
 * makes a citizen's first query fetch about 1 MB: the index's metadata
 * grows with every page, and so do the index chunks of common words. So
 * once the indexed pages would exceed a threshold (1,500 unless the
 * searchSplit option says otherwise: src/lib/options.ts), the site gets
 * one index per group of units, built one after the other, plus a small
 * shared index for the pages that belong to no unit (notices):
 *
 * - A group is a run of whole 所属单位 (the `parent` of unit.yaml: a
 *   hospital, a county's government service centre), so the units a
 *   citizen deals with together are searched together. Parents are sorted
 *   by their names in pinyin order, which keeps a county's parents (青溪县
 *   人民医院, 青溪县政务服务中心) next to each other, and packed in that order
 *   into groups of at most `threshold` pages, each cut where neighbouring
 *   names have least in common (between two counties rather than inside
 *   one) as long as the group stays at least half full; a parent larger
 *   than the threshold on its own is split between groups, unit by unit.
 * - Every page is in exactly one index. The search page searches the shared
 *   index together with the groups in scope (see src/scripts/search.ts).
 *
 * The plan is a pure function of the site model, so the pages that need it
 * (the search page, and the header's search box on a unit's pages, which
 * passes the unit's group) all compute the same one; the search page writes
 * it into its data, where the indexing step after the build reads it
 * (src/integration/search-index.ts).
 */

import { searchIndexPath } from '../urls.ts';

/**
 * A first query fetches Pagefind's engine and wasm (69 KB gzip whatever the
 * size), the index's metadata (about 9 bytes a page: a page's hash does not
 * compress), filters, fragments and a chunk per word, and the chunks of
 * common words grow with the pages too. Measured at 300 units, for the
 * first query from a unit's page (KB of 1,024 bytes, as npm run bench
 * prints them): 228.6 KB with one index of 6,630 pages, 155.4 KB with
 * groups of at most 2,500, 152.8 KB with 2,000 and 138.5 KB with 1,500;
 * the target is 150 KB. The price is paid by a search of every unit at
 * once, which loads every group's metadata: 350 KB at 300 units instead
 * of 287 KB with groups of 2,500.
 */
export const DEFAULT_SPLIT = 1_500;

/** The search page's address parameter (and form field) for the group searched. */
export const SCOPE_PARAM = 'scope';
/** The scope value for every group at once. */
export const SCOPE_ALL = 'all';

/** What the plan needs to know of a unit. */
export interface PlannedUnit {
  id: string;
  parent: string;
  /** Its indexed pages: services, people, the duties and the pledges page. */
  pages: number;
}

export interface SearchGroup {
  /** Its folder under pagefind/ and its value in addresses: 1, 2, 3… */
  id: string;
  /** The 所属单位 whose units it holds, in order; a parent split between groups appears in each. */
  parents: string[];
  /** Ids of its units. */
  units: string[];
  /** Indexed pages, as planned. */
  pages: number;
}

export interface SearchPlan {
  /** No groups: one index for the whole site, in pagefind/. */
  groups: SearchGroup[];
}

/**
 * The groups for these units: none when all their pages fit in one index of
 * `threshold` pages, else parents packed in pinyin order (see the module
 * comment). Pages outside units (notices) are in the shared index and not
 * counted here.
 */
export function planSearchGroups(units: readonly PlannedUnit[], threshold: number): SearchPlan {
  const total = units.reduce((sum, u) => sum + u.pages, 0);
  if (total <= threshold) return { groups: [] };

  const byParent = new Map<string, PlannedUnit[]>();
  for (const u of units) {
    const list = byParent.get(u.parent);
    if (list) list.push(u);
    else byParent.set(u.parent, [u]);
  }
  const collator = new Intl.Collator('zh-CN-u-co-pinyin');
  const parents = [...byParent.keys()].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));

  // Runs of whole parents, each run one group.
  const runs: Run[][] = [];
  let current: Run[] = [];
  let pages = 0;
  const close = () => {
    if (current.length > 0) runs.push(current);
    current = [];
    pages = 0;
  };
  for (const parent of parents) {
    const list = byParent.get(parent) ?? [];
    const run: Run = { parent, units: list, pages: list.reduce((sum, u) => sum + u.pages, 0) };
    if (run.pages > threshold) {
      // Too big for one index: its units fill groups of their own, in order.
      close();
      let part: PlannedUnit[] = [];
      let partPages = 0;
      for (const u of list) {
        if (part.length > 0 && partPages + u.pages > threshold) {
          runs.push([{ parent, units: part, pages: partPages }]);
          part = [];
          partPages = 0;
        }
        part.push(u);
        partPages += u.pages;
      }
      current = [{ parent, units: part, pages: partPages }];
      pages = partPages;
      continue;
    }
    if (pages + run.pages <= threshold) {
      current.push(run);
      pages += run.pages;
      continue;
    }
    // Full. Cut where neighbouring names have least in common, so that a
    // county's parents (青溪县人民医院, 青溪县政务服务中心) stay together:
    // among the cuts that leave this group at least half full and let the
    // parents after the cut fit into the next one.
    let cut = current.length;
    let shared = commonPrefix(current.at(-1)?.parent ?? '', parent);
    let tail = run.pages;
    for (let i = current.length - 1; i > 0; i--) {
      tail += (current[i] as Run).pages;
      if (tail > threshold || pages + run.pages - tail < threshold / 2) break;
      const here = commonPrefix((current[i - 1] as Run).parent, (current[i] as Run).parent);
      if (here < shared) {
        cut = i;
        shared = here;
      }
    }
    const next = [...current.slice(cut), run];
    current = current.slice(0, cut);
    close();
    current = next;
    pages = next.reduce((sum, r) => sum + r.pages, 0);
  }
  close();

  return {
    groups: runs.map((run, i) => ({
      id: String(i + 1),
      parents: run.map((r) => r.parent),
      units: run.flatMap((r) => r.units.map((u) => u.id)),
      pages: run.reduce((sum, r) => sum + r.pages, 0),
    })),
  };
}

/** A parent's units, or some of them, placed together. */
interface Run {
  parent: string;
  units: readonly PlannedUnit[];
  pages: number;
}

/** How many leading characters two names share. */
function commonPrefix(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/** The group of each unit, by unit id. */
export function groupOfUnit(plan: { groups: ReadonlyArray<Pick<SearchGroup, 'id' | 'units'>> }): Map<string, string> {
  return new Map(plan.groups.flatMap((g) => g.units.map((u) => [u, g.id] as const)));
}

/** The folder of a group's index, below the site's root: pagefind/ for the shared (or only) index. The address is made in src/lib/urls.ts. */
export const indexFolder = searchIndexPath;

/**
 * How a group is named in the scope list: its 所属单位, or, for more than
 * three, the first and the last in pinyin order, which is the order of the
 * groups, so a citizen can tell where theirs falls (安平县… 至 青溪县…).
 */
export function groupLabel(group: Pick<SearchGroup, 'parents'>): string {
  const p = group.parents;
  return p.length <= 3 ? p.join('、') : `${p[0]} 至 ${p.at(-1)}（${p.length} 个所属单位）`;
}

/** A group named in a sentence (the search status): its 所属单位, or the first and how many. */
export function groupShortLabel(group: Pick<SearchGroup, 'parents'>): string {
  const p = group.parents;
  return p.length <= 2 ? p.join('、') : `${p[0]} 等 ${p.length} 个所属单位`;
}
