/**
 * Paths to local files in a Markdown body: `![平面图](./floor.png)` and
 * `[申请表](./forms/a.pdf)`. Astro reads every local picture of a body
 * (any address that is neither a web address nor starts with /) relative
 * to the file and publishes it, so `![x](../../../../etc/passwd)` would put
 * a file from outside the content folder on the site. Pictures must be
 * files inside the content folder that the site can read (the same rules
 * as a picture field: ../content/local-file.ts); links to files must at
 * least not lead out of it.
 */
import { posix } from 'node:path';
import { join } from 'node:path';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import { whereabouts } from '../content/inside.ts';
import { localFileProblem, type LocalFileProblem } from '../content/local-file.ts';

const PICTURE = new RegExp(`\\.(?:${[...IMAGE_EXTENSIONS, 'svg'].join('|')})$`, 'i');

/** The address as Astro reads it: percent escapes undone where they can be. */
function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * What is wrong with the local file a link, picture or link definition in
 * the body of `entryFile` names, or nothing (also for web addresses, site
 * paths and anchors, which name no file).
 */
export function bodyPathProblem(type: string, url: string, entryFile: string, contentDir: string): LocalFileProblem | undefined {
  const value = decoded(url.trim());
  if (value === '' || URL.canParse(value) || value.startsWith('#')) return undefined;
  const entryDir = posix.dirname(entryFile);
  // A definition serves pictures and links alike; one naming a picture file is checked as a picture.
  const picture = type === 'image' || (type === 'definition' && PICTURE.test(value.replace(/[?#].*$/, '')));
  if (picture) {
    // Addresses from the site's root (/favicon.svg) are not read from the content folder.
    if (value.startsWith('/')) return undefined;
    return localFileProblem({ contentDir, entryDir, value, what: '图片', extensions: IMAGE_EXTENSIONS, image: true, decode: true, bare: true });
  }
  if (value.startsWith('/')) return undefined;
  // Only a link to a file (a name with an extension): `../../` is a link to a page of the site.
  const path = value.replace(/[?#].*$/, '');
  if (!/\.[a-z0-9]+$/i.test(path)) return undefined;
  const rel = posix.normalize(posix.join(entryDir, path));
  const fix = '网站只发布内容文件夹里的文件：把文件复制到这个文件旁边，写成 ./文件名；可下载的表格写在办事材料的 blankForm（空白表格）或 sample（样表）里';
  if (rel === '..' || rel.startsWith('../')) return { kind: 'outside-content', message: `链接指向内容文件夹外面的文件（${value}）`, fix };
  const where = whereabouts(contentDir, join(contentDir, rel));
  if (where.kind === 'outside') return { kind: 'outside-content', message: `链接指向的 ${rel} 是一个链接（快捷方式），通向内容文件夹外面的 ${where.real}`, fix };
  return undefined;
}
