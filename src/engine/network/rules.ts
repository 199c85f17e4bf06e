/**
 * Small pure rules of networks.md: crash detection (§4.3), witness reachability (§4.7), where a
 * group can run (§4.10), placement tier keys and the vote-removal order (§4.11), the stop quorum
 * test (§4.12).
 */
import type { DependencyExpr } from '../model/scenario';

/**
 * §4.3: per running member y, D(y) = the largest d(r) over the routes to x (t + timeout if open,
 * else the instant it is or was declared down); x is detected at the smallest D(y), or at t if that
 * is earlier; with no such y, at t + SameSubnetDelay × SameSubnetThreshold.
 */
export function detectionInstant(t: number, peers: readonly (readonly number[])[], fallback: number): number {
  if (!peers.length) return t + fallback;
  const d = Math.min(...peers.map((routes) => Math.max(...routes)));
  return Math.max(t, d);
}

export interface ReachInput {
  configured: boolean;
  up: boolean;
  /** At least one of the node's interfaces is not cut. */
  hasUncutInterface: boolean;
  /** No partition is active, or the node's side reaches the witness. */
  sideReaches: boolean;
}

/** §4.7: a node reaches the witness. */
export function reachesWitness(i: ReachInput): boolean {
  return i.configured && i.up && i.hasUncutInterface && i.sideReaches;
}

/** §4.7: R — with no partition and no cut interface, the witness is up; else some member reaches it. */
export function witnessAvailability(up: boolean, partitionOrCut: boolean, someMemberReaches: boolean): boolean {
  return partitionOrCut ? someMemberReaches : up;
}

export interface SatResource {
  name: string;
  dependsOn: DependencyExpr;
  allowed: boolean;
}

/** §4.10: Sat(x), bottom-up: allowed, and each OR set has a member in Sat(x). */
export function satisfiable(resources: readonly SatResource[]): Set<string> {
  const byName = new Map(resources.map((r) => [r.name, r]));
  const memo = new Map<string, boolean>();
  const sat = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false); // validation refuses cycles; this only guards the recursion
    const r = byName.get(name);
    const ok = !!r && r.allowed && r.dependsOn.every((orSet) => orSet.some(sat));
    memo.set(name, ok);
    return ok;
  };
  return new Set(resources.filter((r) => sat(r.name)).map((r) => r.name));
}

/** §4.10: g can run on x iff every top-level resource is in Sat(x) (an empty group anywhere). */
export function canRun(resources: readonly SatResource[], topLevel: readonly string[]): boolean {
  const sat = satisfiable(resources);
  return topLevel.every((n) => sat.has(n));
}

/**
 * §4.11 placement tier key: 0 on the owner's site; 1 + i on the group's PreferredSite[i]; 1 + k on
 * the cluster PreferredSite (k = the group's list length); else 2 + k.
 */
export function tierKey(
  site: string | null,
  ownerSite: string | null,
  groupPreferred: readonly string[],
  clusterPreferred: string | null,
): number {
  if (ownerSite !== null && site === ownerSite) return 0;
  const i = site === null ? -1 : groupPreferred.indexOf(site);
  if (i >= 0) return 1 + i;
  const k = groupPreferred.length;
  if (clusterPreferred !== null && site === clusterPreferred) return 1 + k;
  return 2 + k;
}

/** Stable sort of an ordered candidate list by tier key (§4.11). */
export function sortByTier(order: readonly string[], key: (n: string) => number): string[] {
  return order
    .map((n, i) => ({ n, i, k: key(n) }))
    .sort((a, b) => a.k - b.k || a.i - b.i)
    .map((x) => x.n);
}

/**
 * §4.11 which member of V loses its vote under the even rule: LowerQuorumPriorityNodeId if in V;
 * else (site mode with a cluster PreferredSite) the highest-ID member outside it; else the highest ID.
 */
export function voteLoser(
  voters: readonly number[],
  lowerPriorityId: number,
  outsidePreferred: ((id: number) => boolean) | null,
): number {
  if (lowerPriorityId !== 0 && voters.includes(lowerPriorityId)) return lowerPriorityId;
  const sorted = [...voters].sort((a, b) => b - a);
  if (outsidePreferred) {
    const out = sorted.find(outsidePreferred);
    if (out !== undefined) return out;
  }
  return sorted[0]!;
}

export interface StopTestInput {
  dynamic: boolean;
  /** Another member has NodeWeight 1 (DynamicQuorum 1). */
  otherWeightedMember: boolean;
  witnessConfigured: boolean;
  /** R (§4.7). */
  witnessAvailable: boolean;
  /** DynamicQuorum 0: |V ∩ (members other than x)| and |V|. */
  otherVotersInV: number;
  sizeOfV: number;
}

/** §4.12: may x be stopped without leaving the cluster below quorum? */
export function stopKeepsQuorum(i: StopTestInput): boolean {
  if (i.dynamic) return i.otherWeightedMember || (i.witnessAvailable && i.witnessConfigured);
  const c = i.witnessConfigured ? 1 : 0;
  const w = i.witnessConfigured && i.witnessAvailable ? 1 : 0;
  return 2 * (i.otherVotersInV + w) > i.sizeOfV + c;
}
