/**
 * What an image file really is, from its first bytes. Editors rename files:
 * an iPhone photo saved as .jpg is HEIC inside, a screenshot pasted into
 * Word and "saved as picture" can be an empty file. Astro and sharp fail on
 * those deep in the build with an English message; the checker catches them
 * first, in Chinese, at the field that names the file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import { detectFormat } from './metadata.ts';

export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'heic' | 'tiff' | 'svg' | 'bmp' | 'pdf' | 'empty' | 'unknown';

/** How many leading bytes are read: an SVG's first element may follow a declaration, a DOCTYPE and comments. */
const HEAD_BYTES = 8192;

/**
 * The format of an image from its first bytes. The metadata scrubber's
 * `detectFormat` knows the web formats; here the HEIF family is split into
 * AVIF (readable) and HEIC (an iPhone photo, not readable), and the other
 * files an editor may pass off as a picture are named.
 */
export function sniffImage(head: Uint8Array): ImageKind {
  if (head.length === 0) return 'empty';
  const format = detectFormat(head);
  if (format === 'avif') {
    const brand = String.fromCharCode(...head.slice(8, 12));
    return brand === 'avif' || brand === 'avis' ? 'avif' : 'heic';
  }
  if (format !== 'unknown') return format;
  const ascii = (offset: number, text: string) => [...text].every((c, i) => head[offset + i] === c.charCodeAt(0));
  if (ascii(0, 'II*\0') || ascii(0, 'MM\0*')) return 'tiff';
  if (ascii(0, 'BM')) return 'bmp';
  if (ascii(0, '%PDF')) return 'pdf';
  return 'unknown';
}

/** The first `bytes` bytes of a file (fewer when it is shorter). */
export function readFileHead(path: string, bytes: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(bytes);
    const read = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads the first bytes of a file and says what image it is. */
export function sniffImageFile(path: string): ImageKind {
  return sniffImage(readFileHead(path, HEAD_BYTES));
}

const NAMES: Record<ImageKind, string> = {
  jpeg: 'JPG',
  png: 'PNG',
  gif: 'GIF',
  webp: 'WebP',
  avif: 'AVIF',
  heic: 'HEIC（苹果手机照片格式）',
  tiff: 'TIFF',
  svg: 'SVG',
  bmp: 'BMP',
  pdf: 'PDF 文档',
  empty: '空文件',
  unknown: '无法识别的格式',
};

/**
 * What a file named with each picture extension content may use
 * (src/schemas/context.ts, the one list) must contain. A Record, so that an
 * extension added there without its format here fails the type check.
 */
const KIND_OF_EXTENSION: Record<(typeof IMAGE_EXTENSIONS)[number], ImageKind> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  tiff: 'tiff',
};

/**
 * Formats the site accepts. Not SVG: an SVG file is a small program as
 * much as a picture (`<script>`, `onload=`), and Astro copies it into the
 * site unchanged, where it runs when someone opens it. Nothing in a
 * disclosure board needs a vector picture; a PNG does as well.
 */
const READABLE = new Set<ImageKind>(Object.values(KIND_OF_EXTENSION));

/** What to tell someone who used an SVG picture (by its extension or its contents). */
export function svgProblem(shownAs: string): { message: string; fix: string } {
  return {
    message: `图片 ${shownAs} 是 SVG 矢量图。SVG 文件里可以藏脚本，打开时会运行，网站不接受 SVG 图片`,
    fix: '把它导出为 PNG 再替换：在制图软件（Illustrator、Inkscape、WPS、Visio 等）里选“导出”或“另存为”→ PNG；没有制图软件的，用浏览器打开后截图保存为 PNG',
  };
}

/**
 * What is wrong with an image file the build would read, or nothing. A file
 * whose contents are readable but whose extension names another readable
 * format (a PNG saved as .jpg) is fine: the pipeline goes by the contents.
 */
export function imageFileProblem(path: string, shownAs: string): { message: string; fix: string; kind?: 'svg-image' } | undefined {
  const kind = sniffImageFile(path);
  if (READABLE.has(kind)) return undefined;
  if (kind === 'svg') return { ...svgProblem(shownAs), kind: 'svg-image' };
  if (kind === 'empty') return { message: `图片文件 ${shownAs} 是空的（0 字节）`, fix: '重新导出或复制这张图片，确认文件能在电脑上打开' };
  return {
    message: `图片文件 ${shownAs} 实际是${NAMES[kind]}，不是网站能用的图片`,
    fix: kind === 'heic' || kind === 'bmp' ? '用手机相册或电脑的“画图”把它另存为 JPG，再替换这个文件' : '换成 JPG 或 PNG 格式的图片文件',
  };
}
