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

/** Code point → glyph id from one font's best Unicode cmap subtable (format 12, else format 4). */
function readCmap(data: DataView, fontOffset: number): Map<number, number> {
  const tables = data.getUint16(fontOffset + 4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = fontOffset + 12 + i * 16;
    if (data.getUint32(record) === 0x636d6170 /* 'cmap' */) cmap = data.getUint32(record + 8);
  }
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

/**
 * Radical → ideograph, for every radical that shares its glyph with an
 * ideograph in the font file (an .otf, .ttf or collection). In a collection
 * the faces differ (the Japanese face shares ⼾ with 戸, the Simplified
 * Chinese one with 户), so `face` picks the one in use; without it, every
 * face counts and the first wins.
 */
export function radicalsOfFont(bytes: Uint8Array, face?: number): Map<number, number> {
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const faces: number[] = [];
  if (data.getUint32(0) === 0x74746366 /* 'ttcf' */) {
    const n = data.getUint32(8);
    for (let i = 0; i < n; i++) faces.push(data.getUint32(12 + i * 4));
  } else {
    faces.push(0);
  }
  const chosen = face !== undefined && faces[face] !== undefined ? [faces[face] as number] : faces;
  const result = new Map<number, number>();
  for (const offset of chosen) {
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
