/**
 * Source photos that still carry the place they were taken (GPS). The build
 * strips every output image (src/lib/images/metadata.ts), so nothing leaks
 * to the site; but the photo sits in a Git repository that may be shared,
 * and a staff portrait taken at home tells where someone lives. So the
 * checker warns, and says how to remove it.
 *
 * Synchronous, like the rest of the checker: the EXIF block is found in the
 * file's bytes (JPEG APP1 "Exif", PNG eXIf chunk, WebP EXIF chunk, or a TIFF
 * file as a whole) and read with exif-reader; HEIF photos (HEIC, AVIF) are
 * inspected by the image module's own reader.
 */
import { readFileSync } from 'node:fs';
import { readFileHead } from '../images/sniff.ts';
import { join, posix } from 'node:path';
import exifReader from 'exif-reader';
import { IMAGE_EXTENSIONS } from '#schemas/context.ts';
import type { CheckedEntry, RuleContext } from '../content/entry.ts';
import type { Problem } from '../content/problem.ts';
import { fieldPath } from '../content/problem.ts';
import { detectFormat, findMetadata } from '../images/metadata.ts';
import { bodyPositions, positionInValue } from '../markdown/body.ts';
import { fieldTitle } from './fields.ts';

const ascii = (b: Uint8Array, at: number, text: string) => [...text].every((c, k) => b[at + k] === c.charCodeAt(0));
const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
const u32be = (b: Uint8Array, at: number) => (b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0));
const u32le = (b: Uint8Array, at: number) => (b[at + 3] ?? 0) * 0x1000000 + (((b[at + 2] ?? 0) << 16) | ((b[at + 1] ?? 0) << 8) | (b[at] ?? 0));

/** The EXIF block of a JPEG, PNG, WebP or TIFF file (starting "Exif\0\0", "II" or "MM"), if it has one. */
export function exifBlock(bytes: Uint8Array): Uint8Array | undefined {
  // TIFF: the file is the EXIF structure.
  if ((ascii(bytes, 0, 'II') && bytes[2] === 0x2a && bytes[3] === 0) || (ascii(bytes, 0, 'MM') && bytes[2] === 0 && bytes[3] === 0x2a)) return bytes;
  const format = detectFormat(bytes);
  if (format === 'jpeg') {
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1] ?? 0;
      if (marker === 0xff) {
        at++; // fill byte
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) break; // end of image, start of scan: no metadata after
      const length = u16be(bytes, at + 2);
      if (length < 2) break;
      if (marker === 0xe1 && ascii(bytes, at + 4, 'Exif\0')) return bytes.subarray(at + 4, at + 2 + length);
      at += 2 + length;
    }
    return undefined;
  }
  if (format === 'png') {
    let at = 8;
    while (at + 8 <= bytes.length) {
      const length = u32be(bytes, at);
      if (ascii(bytes, at + 4, 'eXIf')) return bytes.subarray(at + 8, at + 8 + length);
      if (ascii(bytes, at + 4, 'IEND')) break;
      at += 12 + length;
    }
    return undefined;
  }
  if (format === 'webp') {
    let at = 12;
    while (at + 8 <= bytes.length) {
      const size = u32le(bytes, at + 4);
      if (ascii(bytes, at, 'EXIF')) return bytes.subarray(at + 8, at + 8 + size);
      at += 8 + size + (size % 2);
    }
  }
  return undefined;
}

const hasCoordinate = (value: unknown) => Array.isArray(value) && value.length > 0 && value.some((v) => typeof v === 'number' && v !== 0);

/** True when the photo records where it was taken (a GPS latitude and longitude other than 0, 0). */
export function hasGpsLocation(bytes: Uint8Array): boolean {
  const block = exifBlock(bytes);
  if (block) {
    try {
      const exif = exifReader(Buffer.from(block.buffer, block.byteOffset, block.byteLength));
      return hasCoordinate(exif.GPSInfo?.GPSLatitude) && hasCoordinate(exif.GPSInfo?.GPSLongitude);
    } catch {
      return false; // a damaged block: the output is checked and stripped anyway
    }
  }
  return detectFormat(bytes) === 'avif' && findMetadata(bytes).includes('gps');
}

/**
 * Picture files worth reading for a location: every type content may use
 * (src/schemas/context.ts, the one list), and also .tif, HEIC and HEIF
 * straight from a scanner or phone. The checker refuses those as pictures,
 * but the file sits in the repository all the same, so its location is
 * still worth a warning. Longest first, so that an <img src> with nothing
 * after it takes .tiff whole rather than .tif.
 */
const LOCATED_EXTENSIONS = [...IMAGE_EXTENSIONS, 'tif', 'heic', 'heif'].sort((a, b) => b.length - a.length).join('|');
const PHOTO = new RegExp(`\\.(?:${LOCATED_EXTENSIONS})$`, 'i');

interface PhotoReference {
  entry: CheckedEntry;
  /** Path of the photo relative to the content folder. */
  file: string;
  /** Where the reference is written. */
  path?: PropertyKey[];
  value: string;
  bodyOffset?: number;
}

function* dataReferences(value: unknown, path: PropertyKey[]): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') {
    if (PHOTO.test(value.trim())) yield [path, value.trim()];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* dataReferences(value[i], [...path, i]);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) yield* dataReferences(v, [...path, key]);
  }
}

/** `![…](./x.jpg)` and `<img src="./x.jpg">` in a Markdown body. */
const BODY_IMAGE = new RegExp(
  `!\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+\\.(?:${LOCATED_EXTENSIONS}))>?(?:\\s+"[^"]*")?\\s*\\)|<img\\b[^>]*?\\ssrc\\s*=\\s*["']?([^"'\\s>]+\\.(?:${LOCATED_EXTENSIONS}))`,
  'gi',
);

function resolve(entryFile: string, value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/')) return undefined; // web addresses and site paths
  const rel = posix.normalize(posix.join(posix.dirname(entryFile), value));
  return rel.startsWith('../') ? undefined : rel;
}

/** Every photo the content refers to: image fields of any entry and images in Markdown bodies. */
export function photoReferences(entries: readonly CheckedEntry[]): PhotoReference[] {
  const refs: PhotoReference[] = [];
  for (const entry of entries) {
    for (const [path, value] of dataReferences(entry.data, [])) {
      const file = resolve(entry.file, value);
      if (file) refs.push({ entry, file, path, value });
    }
    for (const m of (entry.body ?? '').matchAll(BODY_IMAGE)) {
      const value = m[1] ?? m[2] ?? '';
      const file = resolve(entry.file, value);
      if (file) refs.push({ entry, file, value, bodyOffset: m.index + m[0].indexOf(value) });
    }
  }
  return refs;
}

/**
 * A JPEG's Exif block (APP1, at most 64 KB) comes before its picture, so
 * its first 128 KB are enough; a province's 35,000 staff photos are then
 * not read whole. Other formats may keep Exif at the end (WebP) and are
 * read whole.
 */
const JPEG_HEAD = 128 * 1024;

function readHead(path: string): Uint8Array {
  return /\.jpe?g$/i.test(path) ? readFileHead(path, JPEG_HEAD) : readFileSync(path);
}

/**
 * A warning for each source photo that records where it was taken, at the
 * first place the content refers to it. Photos that cannot be read are left
 * to the checker's missing-file errors.
 */
export function gpsProblems(entries: readonly CheckedEntry[], ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const ref of photoReferences(entries)) {
    if (seen.has(ref.file)) continue;
    seen.add(ref.file);
    let bytes: Uint8Array;
    try {
      bytes = readHead(join(ctx.contentDir, ref.file));
    } catch {
      continue;
    }
    if (!hasGpsLocation(bytes)) continue;
    const position = ref.path
      ? positionInValue(ref.entry.source, ref.path, ref.value)
      : ref.bodyOffset !== undefined
        ? bodyPositions(ref.entry, ctx.contentDir)?.(ref.bodyOffset)
        : undefined;
    const title = ref.path ? fieldTitle(ref.entry.collection, ref.path) : '正文';
    problems.push({
      severity: 'warning',
      kind: 'privacy-photo-gps',
      file: ref.entry.file,
      ...(position ? { line: position.line, column: position.column } : {}),
      ...(ref.path ? { field: fieldPath(ref.path) } : {}),
      ...(title ? { fieldTitle: title } : {}),
      message: `源照片 ${ref.file} 带有拍摄地点（GPS）信息。发布的图片会自动去除，但建议从源文件中去除，以免内容仓库泄露拍摄地点`,
      fix: '用去除了位置信息的照片替换这个文件：手机分享照片时关闭“位置信息”，或在电脑上右键照片 → 属性 → 详细信息 → 删除属性和个人信息',
    });
  }
  return problems;
}
