/**
 * Lossless removal of photo metadata (EXIF, GPS, XMP, IPTC, comments, text
 * chunks, timestamps) from images in the built website.
 *
 * Contract:
 * - Nothing is ever re-encoded. Stripping only drops whole container units
 *   (JPEG marker segments, PNG/RIFF chunks, GIF extension blocks, SVG
 *   elements) and patches the few header fields that describe them, so the
 *   decoded pixels are bit-for-bit the same.
 * - An image without metadata comes back as the very same Uint8Array.
 * - Nothing here throws on bad input. A file whose structure cannot be
 *   followed is returned unchanged with `removed = []`; `findMetadata` still
 *   reports whatever it saw before the damage, so a post-build check fails
 *   loudly instead of silently publishing the file.
 */
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | 'svg' | 'unknown';
export type MetadataKind = 'exif' | 'gps' | 'xmp' | 'iptc' | 'comment' | 'text' | 'time';

/** Stable reporting order, also used to de-duplicate. */
const KIND_ORDER: readonly MetadataKind[] = ['exif', 'gps', 'xmp', 'iptc', 'comment', 'text', 'time'];

/**
 * How many leading bytes `detectFormat` looks at. SVG is recognised by its
 * first element, which may follow an XML declaration, a DOCTYPE and comments.
 */
const HEAD_BYTES = 8192;

/** A byte range to drop and what it contained. */
interface Removal {
  start: number;
  end: number;
  kinds: MetadataKind[];
}

/**
 * Result of walking a file. `ok` is false when the container structure is
 * broken; `removals` then lists only what was found before the break.
 */
interface Scan {
  ok: boolean;
  removals: Removal[];
}

// ---------------------------------------------------------------------------
// Small byte helpers. All reads are bounds-checked and return undefined past
// the end, so malformed input can never cause an exception.

function u16be(b: Uint8Array, i: number): number | undefined {
  if (i < 0 || i + 2 > b.length) return undefined;
  return (b[i]! << 8) | b[i + 1]!;
}

function u32be(b: Uint8Array, i: number): number | undefined {
  if (i < 0 || i + 4 > b.length) return undefined;
  return b[i]! * 0x1000000 + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
}

function u16le(b: Uint8Array, i: number): number | undefined {
  if (i < 0 || i + 2 > b.length) return undefined;
  return b[i]! | (b[i + 1]! << 8);
}

function u32le(b: Uint8Array, i: number): number | undefined {
  if (i < 0 || i + 4 > b.length) return undefined;
  return b[i + 3]! * 0x1000000 + ((b[i + 2]! << 16) | (b[i + 1]! << 8) | b[i]!);
}

function writeU32le(b: Uint8Array, i: number, value: number): void {
  b[i] = value & 0xff;
  b[i + 1] = (value >>> 8) & 0xff;
  b[i + 2] = (value >>> 16) & 0xff;
  b[i + 3] = (value >>> 24) & 0xff;
}

/** Bytes as a string with exactly one char per byte (ISO-8859-1). */
function latin1(b: Uint8Array, start = 0, end = b.length): string {
  return Buffer.from(b.buffer, b.byteOffset + start, Math.max(0, Math.min(end, b.length) - start)).toString('latin1');
}

function startsWithAscii(b: Uint8Array, at: number, text: string): boolean {
  if (at < 0 || at + text.length > b.length) return false;
  for (let k = 0; k < text.length; k++) {
    if (b[at + k] !== text.charCodeAt(k)) return false;
  }
  return true;
}

function indexOfAscii(b: Uint8Array, text: string, from = 0): number {
  const first = text.charCodeAt(0);
  for (let i = b.indexOf(first, from); i !== -1; i = b.indexOf(first, i + 1)) {
    if (startsWithAscii(b, i, text)) return i;
  }
  return -1;
}

function orderKinds(kinds: Iterable<MetadataKind>): MetadataKind[] {
  const seen = new Set(kinds);
  return KIND_ORDER.filter((k) => seen.has(k));
}

/** Copy `b` without the given ranges (sorted, non-overlapping). */
function cut(b: Uint8Array, removals: readonly Removal[]): Uint8Array {
  const removedBytes = removals.reduce((n, r) => n + (r.end - r.start), 0);
  const out = new Uint8Array(b.length - removedBytes);
  let from = 0;
  let to = 0;
  for (const r of removals) {
    out.set(b.subarray(from, r.start), to);
    to += r.start - from;
    from = r.end;
  }
  out.set(b.subarray(from), to);
  return out;
}

// ---------------------------------------------------------------------------
// EXIF (TIFF structure) inspection, shared by JPEG, PNG and WebP.

/** True when IFD0 of a TIFF-structured EXIF block has a GPS IFD pointer (tag 0x8825). */
function tiffHasGps(t: Uint8Array): boolean {
  const little = t[0] === 0x49 && t[1] === 0x49; // "II"
  const big = t[0] === 0x4d && t[1] === 0x4d; // "MM"
  if (!little && !big) return false;
  const read16 = little ? u16le : u16be;
  const read32 = little ? u32le : u32be;
  const ifd0 = read32(t, 4);
  if (ifd0 === undefined) return false;
  const count = read16(t, ifd0);
  if (count === undefined) return false;
  for (let k = 0; k < count; k++) {
    const tag = read16(t, ifd0 + 2 + k * 12);
    if (tag === undefined) return false;
    if (tag === 0x8825) return true;
  }
  return false;
}

/** Kinds for an EXIF payload that may or may not start with the "Exif\0\0" header. */
function exifKinds(payload: Uint8Array): MetadataKind[] {
  const tiff = startsWithAscii(payload, 0, 'Exif\0') ? payload.subarray(6) : payload;
  return tiffHasGps(tiff) ? ['exif', 'gps'] : ['exif'];
}

// ---------------------------------------------------------------------------
// JPEG

const JPEG_SOS = 0xda;
const JPEG_EOI = 0xd9;
const JPEG_SOI = 0xd8;

/** Markers that stand alone (no length field): TEM and RST0–RST7. */
function isStandaloneMarker(m: number): boolean {
  return m === 0x01 || (m >= 0xd0 && m <= 0xd7);
}

/**
 * Decide what to do with one marker segment before SOS. Returns the kinds it
 * carries when it must go, or null to keep it.
 *
 * MetadataKind has no "other" member: vendor application segments (MPF,
 * FlashPix, Kodak Meta, Ducky, C2PA/JUMBF, …) belong to the camera-data family
 * around EXIF and are reported as 'exif'.
 */
function classifyJpegSegment(marker: number, payload: Uint8Array): MetadataKind[] | null {
  if (marker === 0xfe) return ['comment']; // COM: free text, often author/software.
  if (marker < 0xe0 || marker > 0xef) return null; // Not APPn: part of the image coding.
  switch (marker) {
    case 0xe0:
      // APP0 JFIF/JFXX: density, aspect ratio and optional thumbnail of the
      // image itself; some decoders rely on JFIF to pick the YCbCr colour space.
      return startsWithAscii(payload, 0, 'JFIF\0') || startsWithAscii(payload, 0, 'JFXX\0') ? null : ['exif'];
    case 0xe1:
      if (startsWithAscii(payload, 0, 'Exif\0')) return exifKinds(payload);
      if (startsWithAscii(payload, 0, 'http://ns.adobe.com/xap/1.0/\0') || startsWithAscii(payload, 0, 'http://ns.adobe.com/xmp/extension/\0')) {
        return ['xmp'];
      }
      return ['exif'];
    case 0xe2:
      // APP2 ICC_PROFILE: colour management, needed to show colours correctly;
      // describes the device colour space, not the person or place.
      return startsWithAscii(payload, 0, 'ICC_PROFILE\0') ? null : ['exif'];
    case 0xed:
      return ['iptc']; // APP13 Photoshop image resources, which carry IPTC.
    case 0xee:
      // APP14 Adobe: declares the colour transform; CMYK/YCCK JPEGs decode
      // with wrong colours without it.
      return startsWithAscii(payload, 0, 'Adobe') ? null : ['exif'];
    default:
      return ['exif'];
  }
}

/**
 * Position of the first 0xFF of the marker that ends the entropy-coded data
 * starting at `i`, or undefined when the data runs off the end. Inside scan
 * data 0xFF is always followed by a stuffed 0x00, an RSTn marker or a fill
 * byte, so any other byte after 0xFF is a real marker.
 */
function skipEntropyCodedData(b: Uint8Array, i: number): number | undefined {
  for (;;) {
    const ff = b.indexOf(0xff, i);
    if (ff === -1 || ff + 1 >= b.length) return undefined;
    const next = b[ff + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
      i = ff + 2;
    } else if (next === 0xff) {
      i = ff + 1;
    } else {
      return ff;
    }
  }
}

/**
 * Offset just after the EOI that ends the image whose first SOS is at `sos`,
 * or undefined when it cannot be found (e.g. truncated scan data).
 */
function findJpegEnd(b: Uint8Array, sos: number): number | undefined {
  let i = sos;
  for (;;) {
    if (b[i] !== 0xff) return undefined;
    while (b[i + 1] === 0xff) i++;
    const marker = b[i + 1];
    if (marker === undefined || marker === 0x00) return undefined;
    if (marker === JPEG_EOI) return i + 2;
    if (isStandaloneMarker(marker)) {
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    if (length === undefined || length < 2 || i + 2 + length > b.length) return undefined;
    i += 2 + length;
    if (marker === JPEG_SOS) {
      const next = skipEntropyCodedData(b, i);
      if (next === undefined) return undefined;
      i = next;
    }
  }
}

/**
 * Metadata in bytes after EOI. Phones append secondary images (MPF
 * previews, depth/gain maps, motion-photo videos) there; those carry their
 * own EXIF/XMP, GPS included. Decoders never read past EOI, so dropping
 * such a trailer leaves the image untouched.
 */
function trailerKinds(t: Uint8Array): MetadataKind[] {
  const kinds: MetadataKind[] = [];
  for (let at = indexOfAscii(t, 'Exif\0\0'); at !== -1; at = indexOfAscii(t, 'Exif\0\0', at + 1)) {
    const tiff = t.subarray(at + 6);
    if (startsWithAscii(tiff, 0, 'II*\0') || startsWithAscii(tiff, 0, 'MM\0*')) {
      kinds.push(...exifKinds(tiff));
    }
  }
  if (indexOfAscii(t, 'http://ns.adobe.com/xap/1.0/') !== -1 || indexOfAscii(t, '<x:xmpmeta') !== -1) {
    kinds.push('xmp');
  }
  if (indexOfAscii(t, 'Photoshop 3.0\0') !== -1) kinds.push('iptc');
  return orderKinds(kinds);
}

/**
 * Walk the marker segments from SOI up to the first SOS. Everything from SOS
 * on (scans, tables between progressive scans, EOI) is copied unchanged; only
 * a trailer after EOI that carries metadata is dropped.
 */
function scanJpeg(b: Uint8Array): Scan {
  const removals: Removal[] = [];
  let i = 2; // after SOI
  for (;;) {
    const segmentStart = i; // includes any fill bytes, so they go with a dropped segment
    if (b[i] !== 0xff) return { ok: false, removals };
    while (b[i + 1] === 0xff) i++; // fill bytes: any number of 0xFF may precede a marker
    const marker = b[i + 1];
    if (marker === undefined || marker === 0x00) return { ok: false, removals };
    if (marker === JPEG_SOS) {
      const end = findJpegEnd(b, i);
      if (end !== undefined && end < b.length) {
        const kinds = trailerKinds(b.subarray(end));
        if (kinds.length > 0) removals.push({ start: end, end: b.length, kinds });
      }
      return { ok: true, removals };
    }
    if (isStandaloneMarker(marker)) {
      i += 2;
      continue;
    }
    // A second SOI, or EOI before any scan: not an image we can follow.
    if (marker === JPEG_SOI || marker === JPEG_EOI) return { ok: false, removals };
    const length = u16be(b, i + 2);
    if (length === undefined || length < 2 || i + 2 + length > b.length) return { ok: false, removals };
    const end = i + 2 + length;
    const kinds = classifyJpegSegment(marker, b.subarray(i + 4, end));
    if (kinds) removals.push({ start: segmentStart, end, kinds });
    i = end;
  }
}

// ---------------------------------------------------------------------------
// PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Kinds for a tEXt/zTXt/iTXt chunk, by its keyword. */
function pngTextKinds(data: Uint8Array): MetadataKind[] {
  const nul = data.indexOf(0);
  const keyword = latin1(data, 0, nul === -1 ? Math.min(data.length, 79) : nul);
  if (keyword === 'XML:com.adobe.xmp') return ['xmp'];
  // ImageMagick/exiftool store whole metadata blocks as hex "raw profiles".
  const raw = /^Raw profile type (\w+)$/i.exec(keyword);
  const profile = raw?.[1]?.toLowerCase();
  if (profile === 'exif' || profile === 'app1') return ['exif'];
  if (profile === 'xmp') return ['xmp'];
  if (profile === 'iptc' || profile === '8bim') return ['iptc'];
  return ['text'];
}

/**
 * Chunks removed: eXIf, tEXt, zTXt, iTXt, tIME. Everything else stays with its
 * original CRC, notably iCCP/sRGB/gAMA/cHRM (colour rendering), pHYs
 * (physical size) and all critical chunks. Bytes after IEND are left alone.
 */
function scanPng(b: Uint8Array): Scan {
  const removals: Removal[] = [];
  let i: number = PNG_SIGNATURE.length;
  while (i < b.length) {
    const length = u32be(b, i);
    if (length === undefined || i + 12 + length > b.length) return { ok: false, removals };
    const type = latin1(b, i + 4, i + 8);
    const data = b.subarray(i + 8, i + 8 + length);
    const end = i + 12 + length;
    let kinds: MetadataKind[] | null = null;
    if (type === 'eXIf') kinds = exifKinds(data);
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') kinds = pngTextKinds(data);
    else if (type === 'tIME') kinds = ['time'];
    if (kinds) removals.push({ start: i, end, kinds });
    i = end;
    if (type === 'IEND') break;
  }
  return { ok: true, removals };
}

// ---------------------------------------------------------------------------
// WebP

const VP8X_FLAG_EXIF = 0x08;
const VP8X_FLAG_XMP = 0x04;

interface WebpScan extends Scan {
  /** Offset of the VP8X chunk header, if any; its flags byte is at +8. */
  vp8x: number | undefined;
  /** End of the RIFF payload (8 + RIFF size). Bytes after it are left alone. */
  riffEnd: number;
}

/** Chunks removed: EXIF and "XMP ". VP8X, ICCP, ANIM/ANMF, ALPH, VP8/VP8L stay. */
function scanWebp(b: Uint8Array): WebpScan {
  const removals: Removal[] = [];
  const riffSize = u32le(b, 4);
  const broken = { ok: false, removals, vp8x: undefined, riffEnd: b.length };
  if (riffSize === undefined || riffSize < 4 || 8 + riffSize > b.length) return broken;
  const riffEnd = 8 + riffSize;
  let vp8x: number | undefined;
  let i = 12;
  while (i < riffEnd) {
    const size = u32le(b, i + 4);
    if (size === undefined || i + 8 + size > riffEnd) return { ...broken, vp8x, removals };
    const fourcc = latin1(b, i, i + 4);
    // Chunks are padded to an even size; tolerate a missing pad on the last one.
    const end = Math.min(i + 8 + size + (size & 1), riffEnd);
    if (fourcc === 'VP8X') vp8x = i;
    else if (fourcc === 'EXIF') removals.push({ start: i, end, kinds: exifKinds(b.subarray(i + 8, i + 8 + size)) });
    else if (fourcc === 'XMP ') removals.push({ start: i, end, kinds: ['xmp'] });
    i = end;
  }
  return { ok: true, removals, vp8x, riffEnd };
}

function stripWebp(b: Uint8Array, scan: WebpScan): Uint8Array {
  const out = cut(b, scan.removals);
  const removedBytes = scan.removals.reduce((n, r) => n + (r.end - r.start), 0);
  writeU32le(out, 4, scan.riffEnd - removedBytes - 8);
  if (scan.vp8x !== undefined) {
    const shift = scan.removals.filter((r) => r.end <= scan.vp8x!).reduce((n, r) => n + (r.end - r.start), 0);
    const flagsAt = scan.vp8x - shift + 8;
    let clear = 0;
    for (const r of scan.removals) {
      const fourcc = latin1(b, r.start, r.start + 4);
      if (fourcc === 'EXIF') clear |= VP8X_FLAG_EXIF;
      if (fourcc === 'XMP ') clear |= VP8X_FLAG_XMP;
    }
    out[flagsAt] = out[flagsAt]! & ~clear;
  }
  return out;
}

// ---------------------------------------------------------------------------
// GIF

/** Offset after a run of data sub-blocks starting at `i`, or undefined if it runs off the end. */
function skipSubBlocks(b: Uint8Array, i: number): number | undefined {
  for (;;) {
    const size = b[i];
    if (size === undefined) return undefined;
    i += 1;
    if (size === 0) return i;
    i += size;
  }
}

/**
 * Blocks removed: comment extensions (0x21 0xFE) and XMP application
 * extensions ("XMP DataXMP"). Graphic control, plain text (drawn on screen),
 * NETSCAPE/ANIMEXTS (looping) and ICC application extensions stay. XMP is
 * written with a "magic trailer" precisely so that generic sub-block skipping
 * finds its end, which is what we do here.
 */
function scanGif(b: Uint8Array): Scan {
  const removals: Removal[] = [];
  const broken = { ok: false, removals };
  const screenFlags = b[10];
  if (screenFlags === undefined || b.length < 13) return broken;
  let i = 13;
  if (screenFlags & 0x80) i += 3 * (1 << ((screenFlags & 0x07) + 1)); // global colour table
  for (;;) {
    const introducer = b[i];
    if (introducer === undefined || introducer === 0x3b) break; // end of data or trailer
    if (introducer === 0x2c) {
      const imageFlags = b[i + 9];
      if (imageFlags === undefined) return broken;
      i += 10;
      if (imageFlags & 0x80) i += 3 * (1 << ((imageFlags & 0x07) + 1)); // local colour table
      i += 1; // LZW minimum code size
      const end = skipSubBlocks(b, i);
      if (end === undefined || end > b.length) return broken;
      i = end;
    } else if (introducer === 0x21) {
      const label = b[i + 1];
      const end = skipSubBlocks(b, i + 2);
      if (label === undefined || end === undefined || end > b.length) return broken;
      if (label === 0xfe) removals.push({ start: i, end, kinds: ['comment'] });
      else if (label === 0xff && b[i + 2] === 11 && startsWithAscii(b, i + 3, 'XMP DataXMP')) {
        removals.push({ start: i, end, kinds: ['xmp'] });
      }
      i = end;
    } else {
      return broken;
    }
  }
  return { ok: true, removals };
}

// ---------------------------------------------------------------------------
// AVIF / HEIF (detect only)
//
// We never emit AVIF/HEIF ourselves. Removing an item from a HEIF file means
// rewriting the item tables (iinf, iloc, iref, ipma) and every absolute offset
// into mdat, which is not a safe "cut bytes" operation. So these files are
// only inspected: findMetadata reports an 'Exif' item or an XMP ('mime',
// application/rdf+xml) item, stripMetadata returns them unchanged, and a
// post-build check therefore fails on them instead of publishing them. GPS
// inside the EXIF item is not looked for (that needs iloc resolution).

const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

function isHeif(b: Uint8Array): boolean {
  if (!startsWithAscii(b, 4, 'ftyp')) return false;
  const size = u32be(b, 0);
  if (size === undefined || size < 16) return false;
  const end = Math.min(size, b.length);
  if (HEIF_BRANDS.has(latin1(b, 8, 12))) return true;
  for (let i = 16; i + 4 <= end; i += 4) {
    if (HEIF_BRANDS.has(latin1(b, i, i + 4))) return true;
  }
  return false;
}

interface Box {
  type: string;
  /** Start of the box body, after the size/type header. */
  body: number;
  end: number;
}

/** ISO-BMFF boxes laid out between `start` and `end`; stops at the first inconsistency. */
function boxes(b: Uint8Array, start: number, end: number): Box[] {
  const found: Box[] = [];
  let i = start;
  while (i + 8 <= end) {
    let size = u32be(b, i);
    let header = 8;
    if (size === undefined) break;
    if (size === 1) {
      const high = u32be(b, i + 8);
      const low = u32be(b, i + 12);
      if (high === undefined || low === undefined) break;
      size = high * 0x100000000 + low;
      header = 16;
    } else if (size === 0) {
      size = end - i;
    }
    if (size < header || i + size > end) break;
    found.push({ type: latin1(b, i + 4, i + 8), body: i + header, end: i + size });
    i += size;
  }
  return found;
}

function nulTerminated(b: Uint8Array, start: number, end: number): { text: string; next: number } {
  const nul = b.subarray(start, end).indexOf(0);
  const stop = nul === -1 ? end : start + nul;
  return { text: latin1(b, start, stop), next: stop + 1 };
}

function heifKinds(b: Uint8Array): MetadataKind[] {
  const kinds: MetadataKind[] = [];
  const meta = boxes(b, 0, b.length).find((box) => box.type === 'meta');
  if (!meta) return kinds;
  const iinf = boxes(b, meta.body + 4, meta.end).find((box) => box.type === 'iinf');
  if (!iinf) return kinds;
  const entriesAt = iinf.body + 4 + (b[iinf.body] === 0 ? 2 : 4);
  for (const infe of boxes(b, entriesAt, iinf.end)) {
    if (infe.type !== 'infe') continue;
    const version = b[infe.body];
    if (version === undefined || version < 2) continue;
    const typeAt = infe.body + 4 + (version === 2 ? 2 : 4) + 2;
    const itemType = latin1(b, typeAt, Math.min(typeAt + 4, infe.end));
    if (itemType === 'Exif') kinds.push('exif');
    if (itemType === 'mime') {
      const name = nulTerminated(b, typeAt + 4, infe.end);
      const contentType = nulTerminated(b, name.next, infe.end);
      if (contentType.text === 'application/rdf+xml') kinds.push('xmp');
    }
  }
  return orderKinds(kinds);
}

// ---------------------------------------------------------------------------
// SVG

/**
 * True when the first element of the document is <svg> (optionally with a
 * namespace prefix), after an optional BOM, XML declaration, processing
 * instructions, comments and DOCTYPE. HTML pages with inline SVG are not SVG.
 */
function isSvg(b: Uint8Array): boolean {
  let text = latin1(b, 0, Math.min(b.length, HEAD_BYTES));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const close = text.indexOf('?>', i);
      if (close === -1) return false;
      i = close + 2;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return false;
      i = close + 3;
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      if (!/^<!DOCTYPE\s+(?:[A-Za-z_][\w.-]*:)?svg[\s>[]/i.test(text.slice(i, i + 64))) return false;
      const subset = text.indexOf('[', i);
      const gt = text.indexOf('>', i);
      if (gt === -1) return false;
      if (subset !== -1 && subset < gt) {
        const close = text.indexOf(']>', subset);
        if (close === -1) return false;
        i = close + 2;
      } else {
        i = gt + 1;
      }
    } else {
      return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.test(text.slice(i, i + 64));
    }
  }
}

/**
 * Elements removed: <metadata>…</metadata> (any namespace prefix, or
 * self-closing). They hold RDF in the XMP data model (creator, rights, source
 * file paths), hence reported as 'xmp'. Everything else, including comments
 * and embedded data: URIs, is left untouched. Matching is done on the raw
 * bytes (ASCII markup never occurs inside UTF-8 multi-byte sequences), so the
 * rest of the file is preserved byte for byte.
 */
function scanSvg(b: Uint8Array): Scan {
  const text = latin1(b);
  const element = /<((?:[A-Za-z_][\w.-]*:)?metadata)(?=[\s/>])(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1\s*>)/g;
  const removals: Removal[] = [];
  for (const match of text.matchAll(element)) {
    removals.push({ start: match.index, end: match.index + match[0].length, kinds: ['xmp'] });
  }
  return { ok: true, removals };
}

// ---------------------------------------------------------------------------
// Public API

/** Identify the container by its magic bytes (SVG: by its first element). */
export function detectFormat(bytes: Uint8Array): ImageFormat {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (PNG_SIGNATURE.every((v, k) => bytes[k] === v)) return 'png';
  if (startsWithAscii(bytes, 0, 'RIFF') && startsWithAscii(bytes, 8, 'WEBP')) return 'webp';
  if (startsWithAscii(bytes, 0, 'GIF87a') || startsWithAscii(bytes, 0, 'GIF89a')) return 'gif';
  // 'avif' covers the whole HEIF family (AVIF, HEIC): same container, same handling.
  if (isHeif(bytes)) return 'avif';
  if (isSvg(bytes)) return 'svg';
  return 'unknown';
}

function scan(bytes: Uint8Array, format: ImageFormat): Scan | WebpScan | undefined {
  switch (format) {
    case 'jpeg':
      return scanJpeg(bytes);
    case 'png':
      return scanPng(bytes);
    case 'webp':
      return scanWebp(bytes);
    case 'gif':
      return scanGif(bytes);
    case 'svg':
      return scanSvg(bytes);
    case 'avif':
    case 'unknown':
      return undefined;
  }
}

/**
 * Kinds of metadata present, in a fixed order. 'gps' accompanies 'exif' when
 * the EXIF IFD0 points to a GPS IFD. For a damaged file, reports what was
 * found before the damage.
 */
export function findMetadata(bytes: Uint8Array): MetadataKind[] {
  const format = detectFormat(bytes);
  if (format === 'avif') return heifKinds(bytes);
  const result = scan(bytes, format);
  if (!result) return [];
  return orderKinds(result.removals.flatMap((r) => r.kinds));
}

/**
 * Remove metadata without re-encoding. Returns the input object itself when
 * there is nothing to remove, the format is only inspected (AVIF/HEIF), or
 * the file is malformed.
 */
export function stripMetadata(bytes: Uint8Array): { bytes: Uint8Array; removed: MetadataKind[] } {
  const format = detectFormat(bytes);
  const result = scan(bytes, format);
  if (!result || !result.ok || result.removals.length === 0) return { bytes, removed: [] };
  const removed = orderKinds(result.removals.flatMap((r) => r.kinds));
  const out = 'riffEnd' in result ? stripWebp(bytes, result) : cut(bytes, result.removals);
  return { bytes: out, removed };
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Strip metadata from every image under `dir` (recursively), recognised by
 * content rather than file extension. Only files that had metadata are
 * rewritten; symbolic links are not followed. Returns those files, sorted,
 * with paths relative to `dir` using '/' separators.
 */
const TEXT_FILE = /\.(?:html|css|js|mjs|json|xml|txt|map)$/i;

export async function scrubImagesIn(dir: string, options: { skip?: readonly string[] } = {}): Promise<Array<{ file: string; removed: MetadataKind[] }>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const scrubbed: Array<{ file: string; removed: MetadataKind[] }> = [];
  const skipped = (options.skip ?? []).map((folder) => join(dir, folder));
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // Pages, styles and scripts are never images: at 100,000 pages, opening each to sniff it costs seconds.
    if (TEXT_FILE.test(entry.name)) continue;
    if (skipped.some((folder) => entry.parentPath === folder || entry.parentPath.startsWith(`${folder}${sep}`))) continue;
    const path = join(entry.parentPath, entry.name);
    if (detectFormat(await readHead(path)) === 'unknown') continue;
    const { bytes, removed } = stripMetadata(await readFile(path));
    if (removed.length === 0) continue;
    await writeFile(path, bytes);
    scrubbed.push({ file: relative(dir, path).split(sep).join('/'), removed });
  }
  return scrubbed.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
