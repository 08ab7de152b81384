/** The CJK font files the print pages use, found through fontconfig, and the corrections their shared glyphs call for in a PDF's text. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { sharedGlyphFixes } from '#tools/pdf/radicals.ts';

/** The faces of the print stylesheet's Hei and Song stacks (src/styles/print.css). */
const FAMILIES = ['Noto Sans CJK SC', 'Noto Sans CJK SC:bold', 'Noto Serif CJK SC', 'Noto Serif CJK SC:bold'];

let cached: Map<number, number> | undefined;

/**
 * Written → meant, for every font file the print pages may use: radicals
 * to the ideographs they share a glyph with, ― to — (radicals.ts
 * `sharedGlyphFixes`). Fonts that cannot be found are skipped; then Kangxi
 * radicals fall back to their Unicode compatibility mapping (NFKC), which
 * covers that block.
 */
export function printFontGlyphFixes(): Map<number, number> {
  if (cached) return cached;
  const map = new Map<number, number>();
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    const nfkc = String.fromCodePoint(cp).normalize('NFKC').codePointAt(0);
    if (nfkc !== undefined && nfkc !== cp) map.set(cp, nfkc);
  }
  const faces = new Set<string>();
  for (const family of FAMILIES) {
    try {
      const found = execFileSync('fc-match', ['-f', '%{file}|%{index}', family], { encoding: 'utf8' }).trim();
      if (found) faces.add(found);
    } catch {
      // No fontconfig: the NFKC mapping above still applies.
    }
  }
  for (const face of faces) {
    const [file, index] = face.split('|') as [string, string];
    try {
      for (const [from, to] of sharedGlyphFixes(readFileSync(file), Number(index))) map.set(from, to);
    } catch {
      // An unreadable font file: skip it.
    }
  }
  cached = map;
  return map;
}
