/**
 * Target-node choice for failovers, moves and drains (contract §4.5). Pure.
 */

export interface WalkNode {
  name: string;
  id: number;
}

/** Walk order: preferred owners in list order, then the remaining nodes by node ID. */
export function walkOrder(nodes: readonly WalkNode[], preferred: readonly string[]): string[] {
  const pref = preferred.filter((p) => nodes.some((n) => n.name === p));
  const rest = [...nodes]
    .sort((a, b) => a.id - b.id)
    .map((n) => n.name)
    .filter((n) => !pref.includes(n));
  return [...pref, ...rest];
}

export type WalkMode =
  { kind: 'afterCurrent'; current: string | null } | { kind: 'fromTop' } | { kind: 'random'; random: () => number };

/**
 * Choose a target among `candidates` (already filtered: Up, possible owner of every resource, not
 * the current owner). Anti-affinity: candidates in `conflicting` are skipped unless no other exists.
 */
export function chooseTarget(
  order: readonly string[],
  candidates: ReadonlySet<string>,
  conflicting: ReadonlySet<string>,
  mode: WalkMode,
): string | null {
  const usable = [...candidates].filter((c) => !conflicting.has(c));
  const pool = new Set(usable.length ? usable : candidates);
  if (!pool.size) return null;
  if (mode.kind === 'random') {
    const list = order.filter((n) => pool.has(n)).sort();
    // Sorted by name, not walk order, so the draw does not depend on preferred-owner order.
    return list[Math.floor(mode.random() * list.length)] ?? null;
  }
  if (mode.kind === 'fromTop' || mode.current === null || !order.includes(mode.current)) {
    return order.find((n) => pool.has(n)) ?? null;
  }
  const start = order.indexOf(mode.current);
  for (let i = 1; i <= order.length; i++) {
    const n = order[(start + i) % order.length]!;
    if (pool.has(n)) return n;
  }
  return null;
}

/** Rank of a node in a group's preferred list (lower is better); Infinity when not preferred. */
export function preferredRank(preferred: readonly string[], node: string | null): number {
  if (node === null) return Infinity;
  const i = preferred.indexOf(node);
  return i < 0 ? Infinity : i;
}

/** Failback target: the highest-ranked preferred node that is Up and ranks above the current owner. */
export function failbackTarget(
  preferred: readonly string[],
  isUp: (n: string) => boolean,
  current: string | null,
): string | null {
  const currentRank = preferredRank(preferred, current);
  for (let i = 0; i < preferred.length && i < currentRank; i++) {
    const n = preferred[i]!;
    if (isUp(n)) return n;
  }
  return null;
}
