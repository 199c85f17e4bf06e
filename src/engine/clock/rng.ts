/** The scenario's seeded random generator (mulberry32): deterministic in Node and the browser. */
export class Rng {
  /** The generator's whole state (saved and restored with a simulation). */
  state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}

export function createRng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
