/**
 * A seeded PRNG for the availability estimate (mulberry32, the same generator the engine uses for
 * its own draws): the same seed gives the same failures in Node and in the browser.
 */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An exponential draw with the given mean (inverse transform; 1 − u keeps it finite). */
export function exponential(rng: () => number, mean: number): number {
  return -Math.log(1 - rng()) * mean;
}
