/**
 * §4.5 target choice, from the trace's own picture of the cluster: candidates, the walk order and
 * anti-affinity. Pure functions over the TraceModel.
 */
import type { TraceModel } from './model';

/** Can this node host every resource of the group (possible owners; empty = every node)? */
export function canHost(m: TraceModel, g: string, node: string): boolean {
  return m.group.get(g)!.resources.every((r) => r.possibleOwners.length === 0 || r.possibleOwners.includes(node));
}

/** Up nodes (a crashed node is Up until detected) that can host the group, other than `except`. */
export function candidates(m: TraceModel, g: string, except: string | null): string[] {
  return m.sc.nodes.map((n) => n.name).filter((n) => n !== except && m.nodeState.get(n) === 'Up' && canHost(m, g, n));
}

/** Candidates not hosting a group that shares an AntiAffinityClassNames entry, unless that leaves none. */
export function affine(m: TraceModel, g: string, cands: string[]): string[] {
  const classes = m.group.get(g)!.properties.AntiAffinityClassNames;
  if (classes.length === 0) return cands;
  const clash = (n: string) =>
    m.sc.groups.some(
      (h) =>
        h.name !== g &&
        m.owner.get(h.name) === n &&
        h.properties.AntiAffinityClassNames.some((c) => classes.includes(c)),
    );
  const free = cands.filter((n) => !clash(n));
  return free.length ? free : cands;
}

/** The walk order: preferred owners in list order, then the other nodes by node ID. */
export function walkOrder(m: TraceModel, g: string): string[] {
  const pref = m.group.get(g)!.preferredOwners.filter((n) => m.node.has(n));
  return [...pref, ...m.sc.nodes.map((n) => n.name).filter((n) => !pref.includes(n))];
}

/** First candidate after `from` in the walk, wrapping (a failover); from the top when `from` is null (a move). */
export function nextInWalk(m: TraceModel, g: string, from: string | null, cands: string[]): string | null {
  const order = walkOrder(m, g);
  const start = from === null ? 0 : order.indexOf(from) + 1;
  for (let k = 0; k < order.length; k++) {
    const n = order[(start + k) % order.length]!;
    if (cands.includes(n)) return n;
  }
  return null;
}
