/**
 * When each content file last changed, for the "更新日期" shown on every
 * page. A file's own `updated:` field wins; otherwise the date of the last
 * Git commit that touched it; for a committed file with changes not yet
 * committed, its modification time (someone edited it then). A file outside
 * Git (no repository, or never added) has no date: its modification time
 * says when it was copied or unpacked, not when its content was last
 * checked, so pages show no date rather than claim it changed today, and the
 * freshness rules do not count it as fresh. Git is asked once for the whole
 * folder, since one `git log` per file would dominate the build of a large
 * organisation.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { todayIn } from '../dates.ts';

function git(contentDir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', contentDir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/** Paths (relative to the content folder) → date of the last commit touching them. */
function committedDates(contentDir: string, timeZone: string): Map<string, string> {
  const dates = new Map<string, string>();
  const log = git(contentDir, ['log', '--format=%x1e%cI', '--name-only', '--relative', '--no-renames', '--', '.']);
  if (!log) return dates;
  for (const block of log.split('\x1e')) {
    const [when, ...files] = block.split('\n');
    if (!when) continue;
    const date = todayIn(timeZone, new Date(when));
    // Newest commits come first: keep the first date seen for each file.
    for (const file of files) if (file && !dates.has(file)) dates.set(file, date);
  }
  return dates;
}

/** Files with uncommitted changes, relative to the content folder. */
function dirtyFiles(contentDir: string): Set<string> {
  const changed = git(contentDir, ['diff', '--name-only', '--relative', 'HEAD', '--', '.']) ?? '';
  const untracked = git(contentDir, ['ls-files', '--others', '--exclude-standard', '--', '.']) ?? '';
  return new Set([...changed.split('\n'), ...untracked.split('\n')].filter(Boolean));
}

/** Returns a function giving the last-changed date (YYYY-MM-DD) of a content file. */
export function lastChangedDates(contentDir: string, timeZone: string): (relPath: string) => string | undefined {
  const committed = committedDates(contentDir, timeZone);
  const dirty = dirtyFiles(contentDir);
  return (relPath) => {
    const date = committed.get(relPath);
    // Outside Git: never committed (untracked, or no repository at all).
    if (date === undefined) return undefined;
    if (!dirty.has(relPath)) return date;
    try {
      return todayIn(timeZone, statSync(join(contentDir, relPath)).mtime);
    } catch {
      return date;
    }
  };
}
