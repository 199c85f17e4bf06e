/**
 * Pure readings of the engine's network view (networks.md §3–§4, NETVIEW) for the canvas: the
 * sides of a partition with their votes and witness reach, the words of each state, the look of a
 * route. No React here, so each reading has a unit test.
 */
import type { FrameView, NetworkModeView } from '../../../engine';

export const SIDE_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const sideLabel = (i: number) => `Side ${SIDE_LETTERS[i] ?? String(i + 1)}`;

export interface SideSummary {
  label: string;
  nodes: string[];
  /** Current votes of the side's nodes (NodeView.vote), not counting the witness. */
  votes: number;
  reachesWitness: boolean;
}

/** One summary per side of the active partition; [] when there is none. */
export function sideSummaries(view: FrameView): SideSummary[] {
  const p = view.network?.partition;
  if (!p) return [];
  const vote = new Map(view.nodes.map((n) => [n.name, n.vote]));
  const witness = view.quorum.witness.kind !== 'none';
  return p.sides.map((nodes, i) => ({
    label: sideLabel(i),
    nodes,
    votes: nodes.reduce((v, n) => v + (vote.get(n) ?? 0), 0),
    reachesWitness: witness && p.witness.includes(i),
  }));
}

/** The side index of each node under the active partition. */
export function sideOf(net: NetworkModeView | null | undefined): Map<string, number> {
  const out = new Map<string, number>();
  net?.partition?.sides.forEach((side, i) => side.forEach((n) => out.set(n, i)));
  return out;
}

export type RouteLook = 'connected' | 'lost' | 'down';

/**
 * A route between two running nodes: connected and linked; linked no more but not yet declared
 * down (the countdown to `declareDownAt`, §4.3); or declared down (not connected).
 */
export function routeLook(l: NetworkModeView['links'][number]): RouteLook {
  if (!l.connected) return 'down';
  return l.linked ? 'connected' : 'lost';
}

export const ROUTE_WORDS: Record<RouteLook, string> = {
  connected: 'connected',
  lost: 'heartbeats lost',
  down: 'declared down',
};

export const KIND_WORDS: Record<string, string> = {
  sameSubnet: 'same subnet',
  crossSubnet: 'cross-subnet',
  crossSite: 'cross-site',
};

export const ROLE_WORDS: Record<string, string> = {
  none: 'no cluster use',
  cluster: 'cluster only',
  clusterAndClient: 'cluster and client',
};

/** Words for the witness placement: who reaches it now (§4.7). */
export function witnessWords(view: FrameView): string | null {
  const w = view.quorum.witness;
  if (w.kind === 'none') return null;
  const net = view.network;
  const kind = w.kind === 'fileShare' ? 'file share' : w.kind;
  if (!net) return `${kind} witness ${w.up ? 'up' : 'FAILED'}`;
  if (!w.up) return `${kind} witness FAILED`;
  return net.witnessReach.length
    ? `${kind} witness reached by ${net.witnessReach.join(', ')}`
    : `${kind} witness reached by no node`;
}

/** The regroup's decision in one sentence (the reason is the engine's own). */
export function regroupWords(r: NonNullable<NetworkModeView['lastRegroup']>): string {
  const kept = r.survivors.length ? `${r.survivors.join(', ')} keep the cluster` : 'no side keeps the cluster';
  const removed = r.removed.length ? `; removed: ${r.removed.join(', ')}` : '';
  return `${kept}${removed}`;
}

/**
 * What the last regroup decided for a side: "keeps the cluster" when every survivor is on it (a
 * node that was waiting to rejoin at the regroup took no part in it); "removed, waits to rejoin"
 * when it lost members to a winner elsewhere; "stopped" when no side won. '' before any regroup.
 */
export function sideOutcome(x: SideSummary, r: NetworkModeView['lastRegroup']): string {
  if (!r || !x.nodes.length) return '';
  const on = (n: string) => x.nodes.includes(n);
  if (r.survivors.length && r.survivors.every(on)) return 'keeps the cluster';
  if (!r.removed.some(on)) return '';
  return r.survivors.length ? 'removed, waits to rejoin' : 'stopped';
}

/** "Side A: 2 votes, reaches the witness · keeps the cluster": a side's label on the canvas. */
export function sideLabelWords(x: SideSummary, r: NetworkModeView['lastRegroup']): string {
  const outcome = sideOutcome(x, r);
  return `${x.label}: ${x.votes} vote${x.votes === 1 ? '' : 's'}, ${x.reachesWitness ? 'reaches the witness' : 'no witness'}${
    outcome ? ` · ${outcome}` : ''
  }`;
}

/** "Side A (N1, N2): 2 votes, reaches the witness". */
export function sideWords(x: SideSummary): string {
  return `${x.label} (${x.nodes.join(', ')}): ${x.votes} vote${x.votes === 1 ? '' : 's'}, ${
    x.reachesWitness ? 'reaches the witness' : 'no witness'
  }`;
}

/** The engine's regroup reason without its leading "regroup:" (the banner already says Regroup). */
export const regroupReason = (reason: string) => reason.replace(/^regroup:\s*/i, '');
