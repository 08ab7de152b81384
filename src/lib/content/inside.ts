/**
 * The rule that content is read only from inside the content folder. A
 * symbolic link (or a Windows junction) in the folder, or a path with `..`
 * in a content file, could otherwise make the build publish any file the
 * machine can read: /etc/passwd as a "blank form", a staff file kept
 * elsewhere that the checker never saw. Every path is judged by where it
 * really is, after following links (realpath), not by how it is written.
 */
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** Where a path really is. */
export type Whereabouts =
  | { kind: 'inside'; real: string }
  | { kind: 'outside'; real: string }
  /** Nothing there, or a link to nothing (or to itself, round a loop). */
  | { kind: 'missing' };

/** The last content folder resolved, so that checking 35,000 photo paths does not resolve it 35,000 times. */
let last: { contentDir: string; root: string } | undefined;

/**
 * The content folder's own real path (it may itself be reached through a
 * link, which is fine). Resolved afresh on every call, since a deployment
 * may point a link at another release between two checks in one process;
 * the checker calls it once as it starts walking the folder, and
 * `whereabouts` reuses that answer.
 */
export function realRoot(contentDir: string): string {
  let root: string;
  try {
    root = realpathSync.native(contentDir);
  } catch {
    root = contentDir;
  }
  last = { contentDir, root };
  return root;
}

/** True when `real` (already resolved) is the folder `root` or lies under it. */
export function isUnder(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Where the file or folder at `abs` really is, relative to the content folder. */
export function whereabouts(contentDir: string, abs: string): Whereabouts {
  let real: string;
  try {
    real = realpathSync.native(abs);
  } catch {
    return { kind: 'missing' };
  }
  const root = last?.contentDir === contentDir ? last.root : realRoot(contentDir);
  return { kind: isUnder(root, real) ? 'inside' : 'outside', real };
}

/**
 * Throws, in Chinese, when `abs` is not really inside the content folder.
 * For the few places where the build reads a file named by content
 * (attachments, photos): the checker has refused such a file before any
 * build starts, so this only guards a build run without it.
 */
export function assertInside(contentDir: string, abs: string, shownAs: string): void {
  const where = whereabouts(contentDir, abs);
  if (where.kind === 'outside') throw new Error(`${shownAs} 指向内容文件夹外面（${where.real}），网站只发布内容文件夹里的文件。请把文件复制进内容文件夹，不要用链接（快捷方式）。`);
}
