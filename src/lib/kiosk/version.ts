/**
 * The content version of a screen: a code computed from everything its page
 * shows. The player compares it with the version file to know when a new
 * build has something new for it.
 */
import { versionCode } from '../print/version.ts';

export function kioskVersion(parts: unknown): string {
  return versionCode(parts);
}
