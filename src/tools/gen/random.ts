/**
 * Seeded randomness for the synthetic organisation (npm run gen). Benchmarks
 * compare runs, so the same seed must give byte-identical output on every
 * machine: nothing here reads the clock or Math.random.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast counting"
 * generator: four 32-bit words, passes PractRand to large sizes, a few
 * integer operations per draw). Its state is seeded from a string by a
 * 128-bit hash (src/tools/hash.ts), so a stream can be named
 * ("seed/unit:17/staff") and forked without the order in which other streams
 * are drawn from mattering: unit 17 gets the same people whether 20 or 3,500
 * units are generated.
 */
import { hash128 } from '../hash.ts';

export class Random {
  readonly seed: string;
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    this.seed = seed;
    [this.a, this.b, this.c, this.d] = hash128(seed);
    // The first outputs of a freshly seeded sfc32 are correlated with the seed: skip them.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream named after this one, e.g. `rng.fork('unit:17')`. */
  fork(label: string | number): Random {
    return new Random(`${this.seed}/${label}`);
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One item, each with its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, w] of items) {
      roll -= w;
      if (roll < 0) return item;
    }
    const last = items.at(-1);
    if (!last) throw new Error('weighted() from an empty list');
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /** `n` different items (all of them when there are fewer), in random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, n));
  }

  /** `n` different items in their original order: lists read better when they keep a natural order. */
  subset<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set(
      this.sample(
        items.map((_, i) => i),
        n,
      ),
    );
    return items.filter((_, i) => chosen.has(i));
  }
}
