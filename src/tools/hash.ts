/**
 * The one string hash of the tools that draw and generate content
 * deterministically (the portrait drawer, the synthetic organisation): fast,
 * not cryptographic, and the same on every machine, since benchmarks compare
 * runs and a seed must give byte-identical pictures and files.
 *
 * FNV-1a over UTF-16 code units (so every character of a Chinese seed counts),
 * finished with murmur3's avalanche step, without which FNV-1a's low bits
 * barely change between seeds that differ in their last character.
 */

/** FNV-1a's standard 32-bit offset basis. */
export const FNV_OFFSET_BASIS = 0x811c9dc5;

/** A 32-bit unsigned hash of `text`; another `basis` gives an independent hash of the same text. */
export function hash32(text: string, basis: number = FNV_OFFSET_BASIS): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Four independent 32-bit hashes of `text`, enough to seed a 128-bit
 * generator. Each word starts from its own basis; the bases are the ones the
 * generator has always used, so existing seeds keep their output.
 */
export function hash128(text: string): [number, number, number, number] {
  const bases = [FNV_OFFSET_BASIS, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  return bases.map((base, k) => hash32(text, base ^ Math.imul(k + 1, 0x27d4eb2f))) as [number, number, number, number];
}
