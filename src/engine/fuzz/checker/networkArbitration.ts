/**
 * networks.md §4.5 arbitration, written from the contract text for the checker (the engine's
 * network/arbitration.ts is not imported: a shared bug would hide itself).
 */

export interface ArbInput {
  /** Node IDs of S, ascending. */
  nodes: number[];
  linked: (a: number, b: number) => boolean;
  vote: (id: number) => number;
  total: number;
  /** W: the witness vote can be awarded. */
  awardable: boolean;
  reaches: (id: number) => boolean;
  /** Rank (c): in site mode with a cluster PreferredSite, is the node outside it? */
  outside: (id: number) => boolean;
}

export interface ArbOutcome {
  cores: number[][];
  /** Index into cores of the winner, or null. */
  winner: number | null;
  /** Index into cores of the core awarded the witness, or null. */
  award: number | null;
  /** How many cores are smaller than their component (pruning happened). */
  pruned: number;
}

export function arbitrateFromContract(x: ArbInput): ArbOutcome {
  // 1. Components of the linked relation.
  const seen = new Set<number>();
  const comps: number[][] = [];
  for (const start of x.nodes) {
    if (seen.has(start)) continue;
    const comp: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length) {
      const a = stack.pop()!;
      comp.push(a);
      for (const b of x.nodes)
        if (!seen.has(b) && x.linked(a, b)) {
          seen.add(b);
          stack.push(b);
        }
    }
    comps.push(comp.sort((p, q) => p - q));
  }
  // 2. Core: while two remaining nodes are not linked, remove one by (a) most missing links,
  // (b) v = 0 before v = 1, (c) outside the PreferredSite first, (d) the higher ID.
  let pruned = 0;
  const cores = comps.map((comp) => {
    const rest = [...comp];
    const missing = (a: number) => rest.filter((b) => b !== a && !x.linked(a, b)).length;
    let cut = false;
    while (rest.some((a) => missing(a) > 0)) {
      const pick = [...rest].sort(
        (p, q) =>
          missing(q) - missing(p) || x.vote(p) - x.vote(q) || Number(x.outside(q)) - Number(x.outside(p)) || q - p,
      )[0]!;
      rest.splice(rest.indexOf(pick), 1);
      cut = true;
    }
    if (cut) pruned++;
    return rest;
  });
  // 3. Witness award: the core with the most votes among those reaching it; ties: lowest ID.
  const votes = (c: number[]) => c.reduce((n, id) => n + x.vote(id), 0);
  let award: number | null = null;
  if (x.awardable)
    cores.forEach((c, i) => {
      if (!c.some((id) => x.reaches(id))) return;
      if (award === null) award = i;
      else {
        const best = cores[award]!;
        if (votes(c) > votes(best) || (votes(c) === votes(best) && Math.min(...c) < Math.min(...best))) award = i;
      }
    });
  // 4. Winner: 2 × (votes + award) > T.
  const winners = cores.map((c, i) => ({ i, v: votes(c) + (award === i ? 1 : 0) })).filter(({ v }) => 2 * v > x.total);
  return { cores, winner: winners.length ? winners[0]!.i : null, award, pruned };
}
