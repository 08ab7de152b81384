/** The one string hash of the portrait drawer and the generator (src/tools/hash.ts). */
import { describe, expect, it } from 'vitest';
import { hash128, hash32 } from '#tools/hash.ts';

const bitsSet = (x: number): number => {
  let count = 0;
  for (let v = x >>> 0; v !== 0; v >>>= 1) count += v & 1;
  return count;
};

describe('hash32', () => {
  it('gives the same unsigned 32-bit integer for the same text, every time', () => {
    for (const text of ['', 'zhang-xiaoming', '张晓明', 'siliang/unit:17/staff']) {
      const h = hash32(text);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
      expect(hash32(text)).toBe(h);
    }
  });

  it('counts every character, its order and Chinese characters one by one', () => {
    expect(hash32('张晓明')).not.toBe(hash32('张晓民'));
    expect(hash32('ab')).not.toBe(hash32('ba'));
    expect(hash32('')).not.toBe(hash32('\u0000'));
    expect(hash32('户籍')).not.toBe(hash32('戶籍'));
  });

  it('gives five thousand seeds five thousand different hashes', () => {
    const seen = new Set(Array.from({ length: 5000 }, (_, i) => hash32(`person-${i}`)));
    expect(seen.size).toBe(5000);
  });

  it('changes about half of the bits when only the last character changes', () => {
    // Plain FNV-1a flips about 10 of 32 bits here; the finishing step brings it to about 16.
    const pairs = 2000;
    let flipped = 0;
    for (let i = 0; i < pairs; i++) flipped += bitsSet(hash32(`staff-${i}a`) ^ hash32(`staff-${i}b`));
    const mean = flipped / pairs;
    expect(mean).toBeGreaterThan(14);
    expect(mean).toBeLessThan(18);
  });

  it('spreads seeds evenly over a few variants, as the generator picks portraits', () => {
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[hash32(`unit-${i % 40}/staff-${i}`) % 8]! += 1;
    for (const count of counts) {
      expect(count).toBeGreaterThan(800);
      expect(count).toBeLessThan(1200);
    }
  });

  it('gives an independent hash of the same text from another basis', () => {
    let flipped = 0;
    for (let i = 0; i < 1000; i++) flipped += bitsSet(hash32(`seed-${i}`) ^ hash32(`seed-${i}`, 0x9e3779b9));
    expect(flipped / 1000).toBeGreaterThan(14);
    expect(flipped / 1000).toBeLessThan(18);
  });
});

describe('hash128', () => {
  it('gives four different words for the same text, the same each time', () => {
    for (const text of ['', 'siliang', '青溪县/unit:3']) {
      const words = hash128(text);
      expect(hash128(text)).toEqual(words);
      expect(new Set(words).size).toBe(4);
      for (const w of words) expect(w >>> 0).toBe(w);
    }
  });

  it('changes every word when the text changes', () => {
    const a = hash128('siliang/unit:17');
    const b = hash128('siliang/unit:18');
    for (let k = 0; k < 4; k++) expect(a[k]).not.toBe(b[k]);
  });
});
