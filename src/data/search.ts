/**
 * Search data for pages: the organisation's synonyms and the words each page
 * adds to the index. Build time only.
 */
import context from 'virtual:siliang/context';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSynonyms, SYNONYMS_FILE, type SynonymGroups } from '../lib/search/synonyms.ts';

let groups: SynonymGroups | undefined;

/** The synonym groups of the content folder (none when it has no synonyms file). */
export function synonymGroups(): SynonymGroups {
  if (groups) return groups;
  const file = join(context.contentDir, SYNONYMS_FILE);
  groups = existsSync(file) ? parseSynonyms(readFileSync(file, 'utf8')).groups : [];
  return groups;
}
