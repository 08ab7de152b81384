/**
 * Traditional and simplified Chinese, at build time with opencc-js.
 *
 * Citizens from Hong Kong, Macao and Taiwan type traditional characters
 * (醫保報銷). Shipping a converter to every searcher would cost about 50 KB,
 * so the build derives a small map instead: it converts the site's own text
 * to traditional (phrase by phrase, for Hong Kong, Taiwan and standard
 * forms), and records which traditional character stands for which
 * simplified one. A query is then mapped back character by character in the
 * browser; characters the site never uses cannot match anyway. Pages written
 * in traditional characters get their simplified form added to the index,
 * so simplified queries find them too.
 */
import * as ToTraditional from 'opencc-js/cn2t';
import * as ToSimplified from 'opencc-js/t2cn';

const toTraditional = (['hk', 'tw', 't'] as const).map((to) => ToTraditional.Converter({ from: 'cn', to }));
const toSimplified = ToSimplified.Converter({ from: 't', to: 'cn' });

/** Map of traditional character → simplified character, for the characters of `texts`. */
export function traditionalMap(texts: Iterable<string>): Record<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const convert of toTraditional) {
      const converted = [...convert(text)];
      const original = [...text];
      // These conversions keep the length of the text; align character by character.
      if (converted.length !== original.length) continue;
      original.forEach((s, i) => {
        const t = converted[i] as string;
        if (t === s) return;
        let counts = votes.get(t);
        if (!counts) votes.set(t, (counts = new Map()));
        counts.set(s, (counts.get(s) ?? 0) + 1);
      });
    }
  }
  const map: Record<string, string> = {};
  // A traditional character that stands for two simplified ones in this
  // text (rare: 乾 for 干 and 乾) maps to the more frequent.
  for (const [t, counts] of [...votes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    map[t] = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? t;
  }
  return map;
}

/** The simplified form of a text when it contains traditional characters, else undefined. */
export function simplifiedForm(text: string): string | undefined {
  const simplified = toSimplified(text);
  return simplified === text ? undefined : simplified;
}
