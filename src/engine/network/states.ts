/**
 * Interface and network states (networks.md §4.9): observations computed from the declared
 * same-network routes among members. Pure.
 */
import type { NetworkRole } from '../model/scenario';
import type { InterfaceState, NetworkState } from '../model/trace';

export interface NetworkStateInput {
  role: NetworkRole;
  /** Nodes (IDs, ascending) with an interface on this network. */
  nodes: readonly number[];
  member: (n: number) => boolean;
  /** The route on this network between x and y exists (both have it, role not none, both running or frozen at a crash). */
  hasRoute: (x: number, y: number) => boolean;
  declaredDown: (x: number, y: number) => boolean;
}

export interface NetworkStates {
  interfaces: Map<number, InterfaceState>;
  network: NetworkState;
}

export function networkStates(i: NetworkStateInput): NetworkStates {
  const interfaces = new Map<number, InterfaceState>();
  if (i.role === 'none') {
    for (const x of i.nodes) interfaces.set(x, i.member(x) ? 'Up' : 'Unavailable');
    const all = i.nodes.every((x) => !i.member(x));
    return { interfaces, network: all ? 'Unavailable' : 'Up' };
  }
  const members = i.nodes.filter(i.member);
  const peers = (x: number) => members.filter((y) => y !== x && i.hasRoute(x, y));
  // Rule 2 first: Failed when every route to another member's interface is declared down.
  const failed = new Set(
    members.filter((x) => {
      const p = peers(x);
      return p.length > 0 && p.every((y) => i.declaredDown(x, y));
    }),
  );
  for (const x of i.nodes) {
    if (!i.member(x)) interfaces.set(x, 'Unavailable');
    else if (failed.has(x)) interfaces.set(x, 'Failed');
    else if (peers(x).some((y) => !failed.has(y) && i.declaredDown(x, y))) interfaces.set(x, 'Unreachable');
    else interfaces.set(x, 'Up');
  }
  const live = [...interfaces.values()].filter((s) => s !== 'Unavailable');
  const network: NetworkState = !live.length
    ? 'Unavailable'
    : live.every((s) => s === 'Failed')
      ? 'Down'
      : live.some((s) => s === 'Failed' || s === 'Unreachable')
        ? 'Partitioned'
        : 'Up';
  return { interfaces, network };
}
