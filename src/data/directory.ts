/**
 * Whether this build's home page lists kinds of unit, each with a directory
 * page, instead of every unit (src/lib/directory.ts).
 */
import { homeCardLimit, usesDirectory } from '../lib/directory.ts';
import type { Site } from './site.ts';

export function listsKinds(site: Site): boolean {
  return usesDirectory(site.units.length, homeCardLimit(process.env));
}
