/**
 * How the home page lists a large organisation's units. Up to a limit
 * (60 units unless the homeCards option says otherwise: src/lib/options.ts)
 * it shows a card for every unit, grouped by kind. Past it, a card per unit would make the home
 * page megabytes of markup (3,500 units: 2.35 MB, 139 KB gzip) for an old
 * phone to parse, so the home page lists the kinds, and each kind gets a
 * directory page of its units under their 所属单位: names and links only.
 */

/** The number of units above which the home page lists kinds instead of units, unless the homeCards option says otherwise. */
export const DEFAULT_HOME_CARDS = 60;

/** True when the home page lists kinds, each with a directory page, rather than every unit. */
export function usesDirectory(unitCount: number, limit: number): boolean {
  return unitCount > limit;
}

const byPinyin = new Intl.Collator('zh-CN');

/**
 * Units under their 所属单位, parents in pinyin order (which keeps a
 * county's parents together: 青溪县人民医院 beside 青溪县政务服务中心), each
 * parent's units in the order given.
 */
export function unitsByParent<U extends { data: { parent: string } }>(units: readonly U[]): Array<{ parent: string; units: U[] }> {
  const groups = new Map<string, U[]>();
  for (const u of units) {
    const list = groups.get(u.data.parent);
    if (list) list.push(u);
    else groups.set(u.data.parent, [u]);
  }
  return [...groups].sort(([a], [b]) => byPinyin.compare(a, b)).map(([parent, list]) => ({ parent, units: list }));
}
