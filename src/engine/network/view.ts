/** The network part of the engine's view (agreed shape: NETVIEW, model/view.ts `NetworkModeView`). */
import type { Engine } from '../cluster/engine';
import type { NodeRt } from '../cluster/runtime';
import type { NetworkModeView, NodeView } from '../model/view';
import { finalNetworks } from './observe';

/** networks.md §4.1 terms for a node's cluster service. */
export function serviceOf(e: Engine, n: NodeRt): NodeView['service'] {
  const net = e.net;
  if (net.stopping.has(n.index)) return 'stopping';
  if (net.waiting[n.index]) return 'waiting';
  const s = e.nodeMachineState(n);
  return s === 'Down' ? 'off' : 'running';
}

export function siteOf(e: Engine, n: NodeRt): string | null {
  return e.net.topo?.sites[n.index] ?? null;
}

export function networkView(e: Engine): NetworkModeView | null {
  const net = e.net;
  if (!net.networkMode) return null;
  const topo = net.topo!;
  const states = finalNetworks(e)!;
  const specs = e.scenario.networks!;
  const name = (i: number) => e.nodes[i]!.spec.name;
  const links: NetworkModeView['links'] = [];
  topo.pairs.forEach((p, i) => {
    if (!net.running[p.a] || !net.running[p.b]) return;
    const pending = net.routes[i]!.map((r) => r.pendingAt).filter((x): x is number => x !== null);
    links.push({
      a: name(p.a),
      b: name(p.b),
      kind: p.kind,
      linked: net.linked(p.a, p.b),
      connected: net.connected(p.a, p.b),
      declareDownAt: pending.length ? Math.max(...pending) : null,
    });
  });
  return {
    networks: specs.map((s, ni) => {
      const st = states[s.name]!;
      return {
        name: s.name,
        role: s.role,
        routed: s.routed,
        subnet: s.subnet ?? null,
        state: st.state,
        failed: net.netFailed[ni] === true,
        interfaces: e.nodes
          .filter((n) => topo.interfaces[n.index]!.includes(ni))
          .map((n) => ({
            node: n.spec.name,
            state: st.interfaces[n.spec.name]!,
            failed: net.ifFailed.has(`${n.index}|${ni}`),
            cut: net.cut(n.index, ni),
          })),
      };
    }),
    partition: net.partition && {
      sides: net.partition.sides.map((s) => [...s].sort((a, b) => a - b).map(name)),
      witness: [...net.partition.witness],
    },
    links,
    witnessReach: e.nodes.filter((n) => net.reaches(n)).map((n) => n.spec.name),
    witnessAvailable: net.witnessAvailable(),
    lastRegroup: net.lastRegroup && { ...net.lastRegroup },
  };
}
