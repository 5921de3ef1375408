/**
 * A seeded source of numbers (mulberry32: 32 bits of state, fast, well spread for simulation; not for secrets), so
 * one seed always plays the same history.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number in [min, max). */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A positive duration around `median` (log-normal, `spread` its σ): most near it, a few much longer. */
  around(median: number, spread: number): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (list) => {
      if (list.length === 0) throw new RangeError('pick from an empty list');
      return list[Math.floor(next() * list.length)]!;
    },
    weighted: (entries) => {
      const total = entries.reduce((n, [, w]) => n + w, 0);
      let x = next() * total;
      for (const [value, weight] of entries) {
        x -= weight;
        if (x < 0) return value;
      }
      return entries.at(-1)![0];
    },
    around: (median, spread) => {
      // Box–Muller; 1 - next() keeps the logarithm away from 0.
      const normal = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(spread * normal);
    },
  };
  return random;
}
