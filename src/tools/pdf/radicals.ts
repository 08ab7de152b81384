/**
 * CJK fonts such as Noto CJK (Source Han) draw a radical and the ideograph
 * it looks like with one glyph: ⺠ U+2EA0 and 民 U+6C11, ⾝ U+2F9D and 身
 * U+8EAB. Chromium's PDF writer maps each glyph back to the lowest code
 * point, the radical, so text copied, searched or read aloud from the PDF
 * comes out wrong. This reads a font's own character map to learn which
 * radical shares a glyph with which ideograph, so the PDF can be corrected.
 * See https://github.com/BingyanStudio/LapisCV/issues/52 for the symptom.
 */

/** Kangxi Radicals and the CJK Radicals Supplement. */
export const isRadical = (cp: number) => cp >= 0x2e80 && cp <= 0x2fdf;

/** Unified ideographs, the characters people mean. */
const isIdeograph = (cp: number) => (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);

/** Where a table (its tag as a 32-bit number) starts in the file, or -1. */
function tableOffset(data: DataView, fontOffset: number, tag: number): number {
  const tables = data.getUint16(fontOffset + 4);
  for (let i = 0; i < tables; i++) {
    const record = fontOffset + 12 + i * 16;
    if (data.getUint32(record) === tag) return data.getUint32(record + 8);
  }
  return -1;
}

/** Code point → glyph id from one font's best Unicode cmap subtable (format 12, else format 4). */
function readCmap(data: DataView, fontOffset: number): Map<number, number> {
  const cmap = tableOffset(data, fontOffset, 0x636d6170 /* 'cmap' */);
  const map = new Map<number, number>();
  if (cmap < 0) return map;
  const count = data.getUint16(cmap + 2);
  let best = -1;
  let bestFormat = 0;
  for (let i = 0; i < count; i++) {
    const platform = data.getUint16(cmap + 4 + i * 8);
    const encoding = data.getUint16(cmap + 6 + i * 8);
    const offset = cmap + data.getUint32(cmap + 8 + i * 8);
    const format = data.getUint16(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && bestFormat !== 12))) {
      best = offset;
      bestFormat = format;
    }
  }
  if (best < 0) return map;
  if (bestFormat === 12) {
    const groups = data.getUint32(best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + g * 12;
      const [start, end, glyph] = [data.getUint32(at), data.getUint32(at + 4), data.getUint32(at + 8)];
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  const segments = data.getUint16(best + 6) / 2;
  const ends = best + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = data.getUint16(ends + s * 2);
    const start = data.getUint16(starts + s * 2);
    const delta = data.getInt16(deltas + s * 2);
    const rangeOffset = data.getUint16(ranges + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      const glyph = rangeOffset === 0 ? (cp + delta) & 0xffff : data.getUint16(ranges + s * 2 + rangeOffset + (cp - start) * 2);
      if (glyph !== 0) map.set(cp, rangeOffset === 0 ? glyph : (glyph + delta) & 0xffff);
    }
  }
  return map;
}

/** The offsets of the faces to read: `face` of a collection, or every face; a single font is one face at 0. */
function faceOffsets(data: DataView, face?: number): number[] {
  const faces: number[] = [];
  if (data.getUint32(0) === 0x74746366 /* 'ttcf' */) {
    const n = data.getUint32(8);
    for (let i = 0; i < n; i++) faces.push(data.getUint32(12 + i * 4));
  } else {
    faces.push(0);
  }
  return face !== undefined && faces[face] !== undefined ? [faces[face] as number] : faces;
}

/**
 * Radical → ideograph, for every radical that shares its glyph with an
 * ideograph in the font file (an .otf, .ttf or collection). In a collection
 * the faces differ (the Japanese face shares ⼾ with 戸, the Simplified
 * Chinese one with 户), so `face` picks the one in use; without it, every
 * face counts and the first wins.
 */
export function radicalsOfFont(bytes: Uint8Array, face?: number): Map<number, number> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = new Map<number, number>();
  for (const offset of faceOffsets(data, face)) {
    const cmap = readCmap(data, offset);
    const byGlyph = new Map<number, number>();
    for (const [cp, glyph] of cmap) if (isIdeograph(cp) && !byGlyph.has(glyph)) byGlyph.set(glyph, cp);
    for (const [cp, glyph] of cmap) {
      if (!isRadical(cp) || result.has(cp)) continue;
      const ideograph = byGlyph.get(glyph);
      if (ideograph !== undefined) result.set(cp, ideograph);
    }
  }
  return result;
}

/**
 * Pairs of signs a CJK font may draw with one glyph, where Chromium's text
 * layer names the one text rarely means: Noto CJK draws the em dash —
 * (U+2014) and the horizontal bar ― (U+2015) alike, and the PDF's text
 * comes out with ―, so a time range "8:30—12:00" copied or searched is
 * "8:30―12:00". Sign written → sign meant. A sheet whose source really
 * has ― (rare in Chinese text, where the dash is ——) reads as — too: the
 * glyph cannot tell them apart.
 */
const MEANT: ReadonlyArray<readonly [number, number]> = [[0x2015, 0x2014]];

/** The glyph a single substitution (GSUB lookup type 1, or 7 wrapping it) subtable puts for `glyph`, if it covers it. */
function singleSubstitute(data: DataView, table: number, glyph: number): number | undefined {
  const format = data.getUint16(table);
  const coverage = table + data.getUint16(table + 2);
  let index = -1;
  if (data.getUint16(coverage) === 1) {
    const count = data.getUint16(coverage + 2);
    for (let i = 0; i < count && index < 0; i++) if (data.getUint16(coverage + 4 + i * 2) === glyph) index = i;
  } else {
    const ranges = data.getUint16(coverage + 2);
    for (let i = 0; i < ranges && index < 0; i++) {
      const at = coverage + 4 + i * 6;
      const [start, end] = [data.getUint16(at), data.getUint16(at + 2)];
      if (glyph >= start && glyph <= end) index = data.getUint16(at + 4) + glyph - start;
    }
  }
  if (index < 0) return undefined;
  return format === 1 ? (glyph + data.getInt16(table + 4)) & 0xffff : data.getUint16(table + 6 + index * 2);
}

/**
 * Every glyph the font's single substitutions (locl, fwid…; any script or
 * language) may put in place of `glyph`, and the glyph itself: Noto CJK's
 * Chinese faces set the em dash with the full-width glyph their cmap gives
 * to ―, and Chromium names a glyph by the cmap.
 */
function glyphVariants(data: DataView, fontOffset: number, glyph: number): Set<number> {
  const variants = new Set([glyph]);
  const gsub = tableOffset(data, fontOffset, 0x47535542 /* 'GSUB' */);
  if (gsub < 0) return variants;
  const lookups = gsub + data.getUint16(gsub + 8);
  for (let l = 0; l < data.getUint16(lookups); l++) {
    const lookup = lookups + data.getUint16(lookups + 2 + l * 2);
    const type = data.getUint16(lookup);
    for (let s = 0; s < data.getUint16(lookup + 4); s++) {
      let table = lookup + data.getUint16(lookup + 6 + s * 2);
      // An extension subtable points on to the real one with a 32-bit offset.
      const real = type === 7 ? data.getUint16(table + 2) : type;
      if (type === 7) table += data.getUint32(table + 4);
      if (real !== 1) continue;
      const to = singleSubstitute(data, table, glyph);
      if (to !== undefined) variants.add(to);
    }
  }
  return variants;
}

/**
 * Every correction a font's shared glyphs call for in a PDF's text layer:
 * its radicals (radicalsOfFont), and each sign of MEANT written for the
 * sign meant, when the font draws the sign meant (directly or through a
 * substitution) with the written sign's glyph. `face` as for radicalsOfFont.
 */
export function sharedGlyphFixes(bytes: Uint8Array, face?: number): Map<number, number> {
  const fixes = radicalsOfFont(bytes, face);
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const offset of faceOffsets(data, face)) {
    const cmap = readCmap(data, offset);
    for (const [written, meant] of MEANT) {
      const [writtenGlyph, meantGlyph] = [cmap.get(written), cmap.get(meant)];
      if (writtenGlyph === undefined || meantGlyph === undefined || fixes.has(written)) continue;
      if (glyphVariants(data, offset, meantGlyph).has(writtenGlyph)) fixes.set(written, meant);
    }
  }
  return fixes;
}
