/**
 * What a staff photo becomes on the site, decided once for every place that
 * shows it. A province has tens of thousands of staff photos, so each is
 * made into as few files as the pages need:
 *
 * - 480 px WebP and 240 px WebP for citizen pages and hall screens (one
 *   `srcset`; a phone picks the small one, a 2× screen the large one);
 * - 480 px JPEG as the fallback for browsers without WebP (iOS before 14)
 *   and for print sheets, because Chromium embeds WebP in a PDF as raw
 *   pixels, which makes posters many times bigger.
 *
 * 480 px covers the largest use: a badge photo 22 mm wide at 300 dpi needs
 * 260 px, the person page shows 15rem (240 CSS px) at 2×. No AVIF: at any
 * useful effort it costs seconds per photo. The files are named by the
 * photo's content (its Git blob hash), so an unchanged photo keeps its
 * address, its cached copies and its place in the cache across builds.
 */

import { posix } from 'node:path';
import { withBase } from '../urls.ts';

/** Bump when a size, format or quality below changes: old cached files are then not reused. */
export const PHOTO_RECIPE_VERSION = 2;

export type PhotoFormat = 'jpg' | 'webp';

export interface PhotoVariant {
  width: number;
  format: PhotoFormat;
  quality: number;
}

export const PHOTO_VARIANTS: readonly PhotoVariant[] = [
  { width: 480, format: 'webp', quality: 72 },
  { width: 240, format: 'webp', quality: 72 },
  { width: 480, format: 'jpg', quality: 80 },
];

/** The largest width made; a smaller original is not enlarged. */
export const PHOTO_MAX_WIDTH = Math.max(...PHOTO_VARIANTS.map((v) => v.width));

/** Folder of the site (under its base path) that holds the photo files. */
export const PHOTO_DIR = '_photos';

/** What pages need to know about one processed photo. */
export interface PhotoRecord {
  /** Git blob hash of the original file: the photo's identity. */
  id: string;
  /** Size of the largest file made (480 px wide, or the original's width if smaller). */
  width: number;
  height: number;
}

/** The content-relative path of a staff member's photo (`units/a/staff/x.jpg`), from the staff file's path and its `photo:`. */
export function photoPath(staffFile: string, photo: string): string {
  return posix.normalize(posix.join(posix.dirname(staffFile), photo));
}

/** The file name of one variant, e.g. `3f/3f9a…-480.webp` (two-letter folders keep directories small). */
export function variantFile(id: string, variant: Pick<PhotoVariant, 'width' | 'format'>): string {
  return `${id.slice(0, 2)}/${id}-${variant.width}.${variant.format}`;
}

/** The width a variant really has: never wider than the original. */
export function variantWidth(record: Pick<PhotoRecord, 'width'>, variant: Pick<PhotoVariant, 'width'>): number {
  return Math.min(record.width, variant.width);
}

/** Height at a width, keeping the photo's proportions (rounded as the resizer rounds). */
export function heightAt(record: Pick<PhotoRecord, 'width' | 'height'>, width: number): number {
  return Math.max(1, Math.round((record.height * width) / record.width));
}

export interface PhotoSources {
  /** `srcset` of the WebP files, smallest first. */
  webpSrcset: string;
  /** The JPEG, for `<img src>` and print. */
  jpg: string;
  /** The small WebP, for hall screens that show photos at 240 px or less. */
  webpSmall: string;
  width: number;
  height: number;
}

/** Addresses of a photo's files under a base path such as `/` or `/gongkai/`. */
export function photoSources(record: PhotoRecord, base: string): PhotoSources {
  const url = (v: PhotoVariant) => withBase(base, `${PHOTO_DIR}/${variantFile(record.id, v)}`);
  const webp = PHOTO_VARIANTS.filter((v) => v.format === 'webp').sort((a, b) => a.width - b.width);
  const jpg = PHOTO_VARIANTS.find((v) => v.format === 'jpg') as PhotoVariant;
  return {
    webpSrcset: webp.map((v) => `${url(v)} ${variantWidth(record, v)}w`).join(', '),
    jpg: url(jpg),
    webpSmall: url(webp[0] as PhotoVariant),
    width: record.width,
    height: record.height,
  };
}
