/** Plain, serialisable projections of the engine: the UI's view and the contract's `final` block. */
import type { Engine } from './engine';
import type { ClusterView } from '../model/view';
import type { FinalState } from '../model/trace';
import { failoversInWindow, restartCountAt } from '../policies/windows';
import { formatLocalTime } from '../policies/failbackWindow';
import { finalNetworks } from '../network/observe';
import { networkView } from '../network/view';
import { groupView, nodeView, quorumView, resourceView, timersView } from './viewParts';

export function buildView(e: Engine): ClusterView {
  const t = e.now();
  return {
    t,
    localTime: formatLocalTime(e.scenario.cluster.startTimeMs, t),
    quorum: quorumView(e),
    nodes: e.nodes.map((n) => nodeView(e, n, t)),
    groups: e.groups.map((g) => groupView(e, g, t)),
    resources: e.resources.map((r) => resourceView(e, r, t)),
    timers: timersView(e),
    functionalLevel: e.scenario.cluster.functionalLevel ?? null,
    network: networkView(e),
  };
}

export function buildFinal(e: Engine): FinalState {
  const t = e.now();
  const sem = e.semantics;
  const liveOwner = (owner: string | null) => (e.clusterUp(owner) ? owner : null);
  const final: FinalState = { t, quorum: e.quorum.has, nodes: {}, groups: {}, resources: {} };
  for (const n of e.nodes) setEntry(final.nodes, n.spec.name, { state: e.nodeState(n) });
  for (const g of e.groups) {
    const p = g.spec.properties;
    setEntry(final.groups, g.spec.name, {
      state: g.lastState,
      owner: liveOwner(g.owner),
      failoverCount: failoversInWindow(g.snap.context.failoverTimes, t, p.FailoverPeriod, sem.failoverWindow).length,
    });
  }
  for (const r of e.resources) {
    setEntry(final.resources, r.spec.name, {
      state: e.resState(r),
      node: liveOwner(r.group.owner),
      restartCount: restartCountAt(r.restartWindow, t, r.spec.properties.RestartPeriod, sem.restartWindow),
    });
  }
  if (e.net.networkMode) final.networks = finalNetworks(e);
  return final;
}

/**
 * Names are data (contract §4.8): `obj[name] = v` with a name such as "__proto__" would set the
 * prototype instead of an entry; defineProperty always makes an own, enumerable entry.
 */
function setEntry<V>(obj: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
