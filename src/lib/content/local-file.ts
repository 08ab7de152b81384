/**
 * A file a content file names by path: a photo, a logo, a floor plan, a
 * slide picture, a blank form, a picture in a Markdown body. Says what is
 * wrong with the path or the file, in Chinese, or nothing. The build reads
 * every such file and publishes it, so each must really be inside the
 * content folder (after following links; see ./inside.ts), and every
 * picture must be one the site can read: not SVG, not a renamed HEIC, and
 * (where the build decodes it with Astro's image pipeline) one that decodes
 * to the end.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, posix } from 'node:path';
import { decodeImage } from '../images/decode.ts';
import { decodeFailureText } from '../images/decode-failure.ts';
import { imageFileProblem, svgProblem } from '../images/sniff.ts';
import { whereabouts } from './inside.ts';

export interface LocalFileRequest {
  contentDir: string;
  /** The folder of the file that names it, relative to the content folder. */
  entryDir: string;
  /** The path as written. */
  value: string;
  /** What it is, for messages: 图片, 附件. */
  what: string;
  extensions: readonly string[];
  /** A picture: its contents are looked at (and decoded when `decode`). */
  image?: boolean;
  /** Decode the picture to the end (not for staff photos: see src/lib/images/decode.ts). */
  decode?: boolean;
  /** A folder, relative to the content folder, the file must be in (attachments stay in their unit). */
  within?: string;
  /** A Markdown body, where `![…](图片.png)` without ./ is also a path beside the file. */
  bare?: boolean;
}

export interface LocalFileProblem {
  message: string;
  fix: string;
  /** A short English tag for tests and --json: missing-file, outside-content, svg-image, bad-image. */
  kind: string;
}

const COPY_IN = (entryDir: string) => `把文件本身复制到 ${entryDir}/ 里（不要用链接或快捷方式），写成 ./文件名`;

/** What is wrong with the file `value` names, or nothing. */
export function localFileProblem(request: LocalFileRequest): LocalFileProblem | undefined {
  const { contentDir, entryDir, value, what, extensions, within } = request;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return { kind: 'missing-file', message: `${what}只能用内容文件夹里的文件，不能用网址“${value}”`, fix: `把文件放到 ${entryDir}/ 里，写成 ./文件名` };
  }
  if (!request.bare && !value.startsWith('./') && !value.startsWith('../')) {
    return { kind: 'missing-file', message: `${what}的路径要以 ./ 开头`, fix: `写成 ./${value}` };
  }
  if (request.bare && value.startsWith('/')) {
    return { kind: 'outside-content', message: `${what}的路径“${value}”以 / 开头，指向的不是内容文件夹里的文件`, fix: `把文件放到 ${entryDir}/ 里，写成 ./文件名` };
  }
  // A query (?raw, ?url) would change how the build reads the file.
  if (request.bare && /[?#]/.test(value)) {
    return { kind: 'missing-file', message: `${what}的路径“${value}”里不能有 ? 或 #`, fix: '只写文件的路径，例如 ./平面图.png' };
  }
  const rel = posix.normalize(posix.join(entryDir, value));
  const abs = join(contentDir, rel);
  if (rel === '..' || rel.startsWith('../')) return { kind: 'outside-content', message: `${what}不能放在内容文件夹外面（现在指向 ${value}）`, fix: COPY_IN(entryDir) };
  const ext = extname(value).slice(1).toLowerCase();
  if (request.image && ext === 'svg') return { kind: 'svg-image', ...svgProblem(rel) };
  if (!extensions.includes(ext)) {
    return { kind: 'missing-file', message: `${what}的文件类型 .${ext || '（无）'} 不支持`, fix: `请用这些类型：${extensions.join('、')}` };
  }
  if (within && !rel.startsWith(`${within}/`)) return { kind: 'missing-file', message: `${what}要放在本单位的文件夹 ${within}/ 里（现在指向 ${rel}）`, fix: `把文件复制到 ${entryDir}/ 里，写成 ./文件名` };
  const where = whereabouts(contentDir, abs);
  if (where.kind === 'outside') {
    return {
      kind: 'outside-content',
      message: `${what} ${rel} 是一个链接（快捷方式），指向内容文件夹外面的 ${where.real}：网站只读取内容文件夹里的文件`,
      fix: `删除这个链接，${COPY_IN(posix.dirname(rel))}`,
    };
  }
  if (where.kind === 'inside' && statSync(where.real).isFile()) {
    if (!request.image) return undefined;
    const bad = imageFileProblem(where.real, rel);
    if (bad) return { kind: 'bad-image', ...bad };
    if (!request.decode) return undefined;
    const failure = decodeImage(where.real);
    return failure && { ...decodeFailureText(failure, rel), kind: 'bad-image' };
  }
  // Suggest a file that differs only in case or extension: the usual slip.
  const wanted = basename(value, extname(value)).toLowerCase();
  let nearby: string | undefined;
  try {
    nearby = readdirSync(dirname(abs)).find(
      (f) => basename(f, extname(f)).toLowerCase() === wanted && extensions.includes(extname(f).slice(1).toLowerCase()),
    );
  } catch {
    nearby = undefined;
  }
  const asWritten = value.startsWith('./') || value.startsWith('../') ? value : `./${value}`;
  return {
    kind: 'missing-file',
    message: `找不到${what}文件 ${rel}`,
    fix: nearby ? `文件夹里有 ${nearby}，是不是要写成 ./${posix.join(posix.dirname(asWritten.slice(2)), nearby).replace(/^\.\//, '')}？` : `把文件放到 ${rel}，或改正文件名（注意大小写和扩展名）`,
  };
}
