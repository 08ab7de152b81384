/**
 * The kinds of unit that get a directory page on this build's site, when
 * the home page lists kinds instead of every unit (src/lib/directory.ts).
 */
import context from 'virtual:siliang/context';
import { usesDirectory } from '#lib/directory.ts';
import type { Site } from './site.ts';

/** The kinds that get a directory page (those with units), or undefined when the home page lists every unit. */
export function kindDirectories(site: Site): Site['groups'] | undefined {
  if (!usesDirectory(site.units.length, context.homeCards)) return undefined;
  return site.groups.filter((g) => g.units.length > 0);
}
