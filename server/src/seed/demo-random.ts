/** The demo seed's deterministic random source and the small draws built on it. */
export const hour = 60 * 60 * 1000;
export const day = 24 * hour;

/** mulberry32: small, fast and the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
export const between = (r: Random, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
export function weighted<T extends string>(r: Random, weights: Partial<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}
export const digits = (r: Random, n: number) => Array.from({ length: n }, () => between(r, 0, 9)).join('');
