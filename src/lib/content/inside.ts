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

/**
 * The content folder's own real path (it may itself be reached through a
 * link, which is fine). Not cached: a deployment may point a link at
 * another release between two checks in one process.
 */
export function realRoot(contentDir: string): string {
  try {
    return realpathSync(contentDir);
  } catch {
    return contentDir;
  }
}

/** True when `real` (already resolved) is the folder `root` or lies under it. */
export function isUnder(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/** Where the file or folder at `abs` really is, relative to the content folder. */
export function whereabouts(contentDir: string, abs: string): Whereabouts {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return { kind: 'missing' };
  }
  return { kind: isUnder(realRoot(contentDir), real) ? 'inside' : 'outside', real };
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
