/**
 * What the cluster shows of its networks (networks.md §4.9, §3): interface and network states,
 * evaluated once at the end of each instant and traced on change, and `final.networks`.
 */
import type { Engine } from '../cluster/engine';
import type { FinalState, InterfaceState, NetworkState } from '../model/trace';
import { networkStates } from './states';

interface Observed {
  ifs: Record<string, InterfaceState>;
  nets: NetworkState[];
}

const key = (node: number, net: number) => `${node}|${net}`;

function observe(e: Engine): Observed {
  const net = e.net;
  const topo = net.topo!;
  const ifs: Record<string, InterfaceState> = {};
  const nets: NetworkState[] = [];
  topo.networks.forEach((def, ni) => {
    const nodes = e.nodes.filter((n) => topo.interfaces[n.index]!.includes(ni)).map((n) => n.index);
    const routeOf = (x: number, y: number): number => {
      const i = net.pairOf(x, y);
      return i < 0 ? -1 : topo.pairs[i]!.routes.findIndex((r) => r.na === ni && r.nb === ni);
    };
    const st = networkStates({
      role: def.role,
      nodes,
      member: (x) => net.member(e.nodes[x]!),
      hasRoute: (x, y) => routeOf(x, y) >= 0 && net.routeExists(net.pairOf(x, y), routeOf(x, y)),
      declaredDown: (x, y) => net.routes[net.pairOf(x, y)]![routeOf(x, y)]!.down,
    });
    for (const [x, s] of st.interfaces) ifs[key(x, ni)] = s;
    nets.push(st.network);
  });
  return { ifs, nets };
}

/**
 * End of instant (§4.13): per network in scenario order, `interface.state` in ID order, then
 * `network.state`. The values at the end of instant 0 are the initial ones (no event).
 */
export function endOfInstantNetwork(e: Engine): void {
  const net = e.net;
  if (!net.networkMode) return;
  const now = observe(e);
  const lastIf = net.lastIf;
  const lastNet = net.lastNet;
  net.lastIf = now.ifs;
  net.lastNet = now.nets;
  if (!lastIf || !lastNet) return;
  const topo = net.topo!;
  topo.networks.forEach((def, ni) => {
    for (const n of e.nodes) {
      const k = key(n.index, ni);
      const to = now.ifs[k];
      const from = lastIf[k];
      if (to === undefined || from === undefined || to === from) continue;
      e.emit({
        type: 'interface.state',
        node: n.spec.name,
        network: def.name,
        from,
        to,
        reason: interfaceWhy(to),
      });
    }
    const to = now.nets[ni]!;
    const from = lastNet[ni]!;
    if (to !== from) e.emit({ type: 'network.state', network: def.name, from, to, reason: networkWhy(to) });
  });
}

function interfaceWhy(s: InterfaceState): string {
  switch (s) {
    case 'Up':
      return 'the interface reaches the other members on this network';
    case 'Failed':
      return 'every route from this interface to another member on this network is declared down';
    case 'Unreachable':
      return 'a route from this interface to a working member interface on this network is declared down';
    case 'Unavailable':
      return 'its node is not a member of the cluster';
  }
}

function networkWhy(s: NetworkState): string {
  switch (s) {
    case 'Up':
      return 'every member interface on the network is Up';
    case 'Down':
      return 'every member interface on the network has Failed';
    case 'Partitioned':
      return 'some member interfaces on the network cannot reach the others';
    case 'Unavailable':
      return 'no member has an interface on the network';
  }
}

/** `final.networks` (§3): networks in scenario order, interfaces in ID order. */
export function finalNetworks(e: Engine): FinalState['networks'] {
  const now = observe(e);
  const topo = e.net.topo!;
  const out: NonNullable<FinalState['networks']> = {};
  topo.networks.forEach((def, ni) => {
    const interfaces: Record<string, InterfaceState> = {};
    for (const n of e.nodes) {
      const s = now.ifs[key(n.index, ni)];
      if (s !== undefined)
        Object.defineProperty(interfaces, n.spec.name, {
          value: s,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    Object.defineProperty(out, def.name, {
      value: { state: now.nets[ni]!, interfaces },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  return out;
}
