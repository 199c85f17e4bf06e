/**
 * Arbitration (networks.md §4.5), one procedure for regroups and forming. Pure: nodes are IDs.
 */

export interface ArbitrationInput {
  /** The node set S, by ID (any order). */
  nodes: readonly number[];
  linked: (a: number, b: number) => boolean;
  vote: (n: number) => 0 | 1;
  total: number;
  /** W: the witness vote can be awarded. */
  witnessAwardable: boolean;
  reachesWitness: (n: number) => boolean;
  /** Site mode with a cluster PreferredSite: is the node outside it? (rank (c)); else always false. */
  outsidePreferredSite: (n: number) => boolean;
}

export interface ArbitrationResult {
  /** Cores, each sorted by ID, in the order of their lowest ID. */
  cores: number[][];
  /** Index into `cores` of the core awarded the witness vote, or null. */
  award: number | null;
  /** Index into `cores` of the winning core, or null. */
  winner: number | null;
}

/** Step 1: connected components of the linked relation, each sorted, ordered by lowest ID. */
export function components(nodes: readonly number[], linked: (a: number, b: number) => boolean): number[][] {
  const left = [...nodes].sort((a, b) => a - b);
  const seen = new Set<number>();
  const out: number[][] = [];
  for (const start of left) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const x = stack.pop()!;
      comp.push(x);
      for (const y of left)
        if (!seen.has(y) && linked(x, y)) {
          seen.add(y);
          stack.push(y);
        }
    }
    out.push(comp.sort((a, b) => a - b));
  }
  return out;
}

/**
 * Step 2: while two remaining nodes are not linked, remove one: (a) most remaining nodes it is not
 * linked to; (b) v = 0 before v = 1; (c) outside the cluster PreferredSite first; (d) higher ID.
 */
export function core(
  comp: readonly number[],
  linked: (a: number, b: number) => boolean,
  vote: (n: number) => 0 | 1,
  outside: (n: number) => boolean,
): number[] {
  let left = [...comp];
  for (;;) {
    const missing = new Map(left.map((x) => [x, left.filter((y) => y !== x && !linked(x, y)).length]));
    if ([...missing.values()].every((m) => m === 0)) return left.sort((a, b) => a - b);
    const worst = [...left].sort(
      (x, y) =>
        missing.get(y)! - missing.get(x)! || vote(x) - vote(y) || Number(outside(y)) - Number(outside(x)) || y - x,
    )[0]!;
    left = left.filter((x) => x !== worst);
  }
}

export function arbitrate(i: ArbitrationInput): ArbitrationResult {
  const cores = components(i.nodes, i.linked)
    .map((c) => core(c, i.linked, i.vote, i.outsidePreferredSite))
    .filter((c) => c.length > 0);
  const votes = cores.map((c) => c.reduce((s, n) => s + i.vote(n), 0));
  let award: number | null = null;
  if (i.witnessAwardable) {
    // Step 3: among cores reaching the witness, the most votes; ties: the one holding the lowest ID.
    cores.forEach((c, k) => {
      if (!c.some(i.reachesWitness)) return;
      if (award === null || votes[k]! > votes[award]! || (votes[k] === votes[award] && c[0]! < cores[award]![0]!))
        award = k;
    });
  }
  let winner: number | null = null;
  cores.forEach((_, k) => {
    if (2 * (votes[k]! + (award === k ? 1 : 0)) > i.total) winner = k;
  });
  return { cores, award, winner };
}
