/**
 * 变更记录 as pages see them: each procedure's, pledge's and unit's dated
 * changes from the content folder's Git history (src/lib/history/changes.ts).
 * One history read per unit per build; none without Git, and then pages
 * leave the section out.
 */
import context from 'virtual:siliang/context';
import { CHANGE_LIMIT, itemChanges, withoutNames, type Change } from '#lib/history/changes.ts';
import type { PledgeModel, UnitModel } from '#lib/model.ts';
import { unitStates, type UnitState } from '#lib/print/history.ts';

const cache = new Map<string, UnitState[]>();

function states(unitId: string): UnitState[] {
  let found = cache.get(unitId);
  if (!found) cache.set(unitId, (found = unitStates(context.contentDir, unitId, context.timezone, CHANGE_LIMIT + 1)));
  return found;
}

const dataOf = (x: { data: unknown } | undefined) => x?.data as Record<string, unknown> | undefined;

type Unit = Pick<UnitModel<unknown>, 'id' | 'privateNames'>;

/** What the unit's page may quote: nothing naming its people when its tier keeps them off the web. */
const shown = (unit: Unit, changes: Change[]) => (unit.privateNames ? withoutNames(changes, unit.privateNames) : changes);

/** The last part of a content file's path without its extension: the item's slug in Git, whatever the web calls it. */
const fileSlug = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');

export function procedureChanges(unit: Unit, slug: string): Change[] {
  return shown(
    unit,
    itemChanges(
      'procedures',
      states(unit.id).map((s) => ({ date: s.date, data: dataOf(s.unit.procedures.find((p) => p.slug === slug)) })),
      context.today,
    ),
  );
}

/** A pledge's changes, found by its file (under 只公开岗位 the web's slug of a personal pledge is not its file's name). */
export function pledgeChanges(unit: Unit, pledge: Pick<PledgeModel, 'file'>): Change[] {
  const slug = fileSlug(pledge.file);
  return shown(
    unit,
    itemChanges(
      'pledges',
      states(unit.id).map((s) => ({ date: s.date, data: dataOf(s.unit.pledges.find((p) => p.slug === slug)) })),
      context.today,
    ),
  );
}

export function unitChanges(unit: Unit): Change[] {
  return shown(
    unit,
    itemChanges(
      'units',
      states(unit.id).map((s) => ({ date: s.date, data: dataOf(s.unit) })),
      context.today,
    ),
  );
}
