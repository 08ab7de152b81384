import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problem.ts';
import { isUnder, realRoot } from './inside.ts';

/** What a walk of the content folder found: its files, and the links it would not follow. */
export interface Listing {
  /** Paths relative to the folder with forward slashes, sorted. */
  files: string[];
  /** Links that lead outside the folder, nowhere, or round in a loop. */
  problems: Problem[];
}

/**
 * Folders nested deeper than this are not walked. Content lives at most
 * four levels down (units/<unit>/procedures/<file>.md); the bound only
 * keeps folders linked into each other from being walked without end.
 */
const MAX_DEPTH = 16;

const COPY_IN = '删除这个链接（快捷方式），把要发布的文件本身复制到这里';

/**
 * Every file under `dir`, following symbolic links the way the site's build
 * does (Astro's loaders follow them), so that the checker sees every file the
 * build will read. A link whose target lies outside the content folder is
 * not followed but reported: content is read only from inside the folder.
 * A link to a folder that contains it (a loop) is reported, not walked.
 * Hidden files and folders (.git, .DS_Store) and node_modules are skipped;
 * so are they by the build (src/content.config.ts).
 */
export function walkFiles(dir: string): Listing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const root = realRoot(dir);
  // A link reached along two paths (its folder is itself linked) is reported once, by where it really is.
  const reported = new Set<string>();
  const link = (file: string, at: string, kind: string, message: string, fix: string) => {
    if (reported.has(at)) return;
    reported.add(at);
    problems.push({ severity: 'error', kind, file, message, fix });
  };
  // `chain`: the real paths of the folders being walked, from the top down to `abs`.
  const walk = (abs: string, rel: string, chain: readonly string[]) => {
    if (chain.length > MAX_DEPTH) return;
    const real = chain.at(-1) as string;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const childAbs = join(abs, entry.name);
      if (entry.isDirectory()) walk(childAbs, childRel, [...chain, join(real, entry.name)]);
      else if (entry.isFile()) files.push(childRel);
      else if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync.native(childAbs);
        } catch {
          link(childRel, join(real, entry.name), 'broken-link', '这是一个链接（快捷方式），但它指向的文件不存在', `${COPY_IN}；不需要的话直接删除`);
          continue;
        }
        if (!isUnder(root, target)) {
          link(childRel, join(real, entry.name), 'link-outside', `这是一个指向内容文件夹外面（${target}）的链接（快捷方式）：网站只读取内容文件夹里的文件，不会发布它`, COPY_IN);
          continue;
        }
        let isFolder: boolean;
        try {
          isFolder = statSync(target).isDirectory();
        } catch {
          continue;
        }
        if (!isFolder) files.push(childRel);
        else if (chain.includes(target)) link(childRel, join(real, entry.name), 'link-loop', '这个链接（快捷方式）指向包含它自己的文件夹，会没完没了地绕圈', '删除这个链接');
        else walk(childAbs, childRel, [...chain, target]);
      }
    }
  };
  walk(dir, '', [root]);
  return { files: files.sort(), problems };
}

/** Every file under `dir` (see walkFiles), as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return walkFiles(dir).files;
}

/**
 * The immediate sub-folders of `dir` (empty when `dir` does not exist),
 * including links to folders inside `contentDir`, which the build follows.
 */
export function listFolders(dir: string, contentDir: string = dir): string[] {
  try {
    const root = realRoot(contentDir);
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => {
        if (e.name.startsWith('.')) return false;
        if (e.isDirectory()) return true;
        if (!e.isSymbolicLink()) return false;
        try {
          const target = realpathSync.native(join(dir, e.name));
          return isUnder(root, target) && statSync(target).isDirectory();
        } catch {
          return false;
        }
      })
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}
