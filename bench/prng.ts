/**
 * A small seeded pseudo-random generator (mulberry32) and the few draws the corpus needs, so that the same
 * `--seed` always yields the same corpus, byte for byte, on every machine.
 */

/** A seeded source of draws. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A float in [min, max). */
  between(min: number, max: number): number;
}

/**
 * Makes a generator from a 32-bit seed (mulberry32: fast, well spread, and good enough for test data).
 *
 * @param seed Any number; only its low 32 bits count.
 * @example
 * createRng(1).int(1, 6) === createRng(1).int(1, 6) //=> true
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new TypeError('Expected a non-empty list to pick from, got []');
      return items[Math.floor(next() * items.length)] as T;
    },
    between: (min, max) => min + next() * (max - min),
  };
}

/**
 * Shuffles a copy of a list (Fisher-Yates).
 *
 * @param items The list; left as it is.
 * @param rng The generator to draw from.
 */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
