/**
 * Which units' print sheets a build renders. Every unit's, by default. A
 * province of 3,500 units would otherwise pre-render some 150,000 print
 * pages, two thirds of its site, that nobody opens until an officer prints
 * one; it can build its citizen site with `--print none` and let
 * `npm run posters -- --unit <unit>` render just that unit's sheets.
 */

export type PrintSelection = 'all' | 'none' | readonly string[];

/** Reads `all`, `none` or a comma-separated list of unit ids; undefined or empty means all. */
export function parsePrintSelection(text: string | undefined): PrintSelection {
  const value = text?.trim() ?? '';
  if (value === '' || value === 'all') return 'all';
  if (value === 'none') return 'none';
  return value
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

/** The units whose sheets are rendered. */
export function printedUnits<U extends { id: string }>(units: readonly U[], selection: PrintSelection): U[] {
  if (selection === 'all') return [...units];
  if (selection === 'none') return [];
  return units.filter((u) => selection.includes(u.id));
}
