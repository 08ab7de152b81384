/**
 * 变更记录 as pages see them: each procedure's, pledge's and unit's dated
 * changes from the content folder's Git history (src/lib/history/changes.ts).
 * One history read per unit per build; none without Git, and then pages
 * leave the section out.
 */
import context from 'virtual:siliang/context';
import { CHANGE_LIMIT, itemChanges, type Change } from '#lib/history/changes.ts';
import { unitStates, type UnitState } from '#lib/print/history.ts';

const cache = new Map<string, UnitState[]>();

function states(unitId: string): UnitState[] {
  let found = cache.get(unitId);
  if (!found) cache.set(unitId, (found = unitStates(context.contentDir, unitId, context.timezone, CHANGE_LIMIT + 1)));
  return found;
}

const dataOf = (x: { data: unknown } | undefined) => x?.data as Record<string, unknown> | undefined;

export function procedureChanges(unitId: string, slug: string): Change[] {
  return itemChanges(
    'procedures',
    states(unitId).map((s) => ({ date: s.date, data: dataOf(s.unit.procedures.find((p) => p.slug === slug)) })),
    context.today,
  );
}

export function pledgeChanges(unitId: string, slug: string): Change[] {
  return itemChanges(
    'pledges',
    states(unitId).map((s) => ({ date: s.date, data: dataOf(s.unit.pledges.find((p) => p.slug === slug)) })),
    context.today,
  );
}

export function unitChanges(unitId: string): Change[] {
  return itemChanges(
    'units',
    states(unitId).map((s) => ({ date: s.date, data: dataOf(s.unit) })),
    context.today,
  );
}
