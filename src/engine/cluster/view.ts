/** Plain, serialisable projections of the engine: the UI's view and the contract's `final` block. */
import type { Engine } from './engine';
import type { ClusterView, TimerView } from '../model/view';
import type { FinalState } from '../model/trace';
import {
  effectiveFailoverThreshold,
  failoversInWindow,
  failoverWindowEnd,
  restartCountAt,
  restartWindowEnd,
} from '../policies/windows';
import { formatLocalTime } from '../policies/failbackWindow';
import { nextPollInstant } from '../policies/polls';
import { finalNetworks } from '../network/observe';
import { networkView, serviceOf, siteOf } from '../network/view';

export function buildView(e: Engine): ClusterView {
  const t = e.now();
  const sem = e.semantics;
  const timers: TimerView[] = [...e.liveTimers.values()]
    .sort((a, b) => a.deadline - b.deadline || a.id - b.id)
    .map(({ kind, subject, armedAt, deadline, label }) => ({ kind, subject, armedAt, deadline, label }));
  const w = e.scenario.cluster.quorum.witness;
  return {
    t,
    localTime: formatLocalTime(e.scenario.cluster.startTimeMs, t),
    quorum: {
      hasQuorum: e.quorum.has,
      witness: { kind: w, up: e.quorum.witnessUp, vote: e.quorum.witnessVote() },
      votes: e.quorum.has ? e.quorum.votesNow() : 0,
      total: e.quorum.total(),
      dynamic: e.quorum.dynamic,
    },
    nodes: e.nodes.map((n) => {
      const ctx = n.snap.context;
      const detect = n.timers.detect;
      return {
        name: n.spec.name,
        id: n.spec.id,
        state: e.nodeState(n),
        crashedUndetected:
          e.isCrashed(n) && ctx.crashedAt !== null
            ? { crashedAt: ctx.crashedAt, detectAt: detect?.deadline ?? t }
            : null,
        vote: e.quorum.nodeVote(n.spec.id),
        nodeWeight: n.spec.properties.NodeWeight,
        drainedGroups: [...n.drained],
        site: siteOf(e, n),
        service: serviceOf(e, n),
      };
    }),
    groups: e.groups.map((g) => {
      const p = g.spec.properties;
      const counted = failoversInWindow(g.failoverTimes, t, p.FailoverPeriod, sem.failoverWindow);
      const move = e.groupMove(g);
      return {
        name: g.spec.name,
        state: g.lastState,
        owner: g.owner,
        persistentState: g.persistent,
        priority: p.Priority,
        failovers: {
          count: counted.length,
          threshold: effectiveFailoverThreshold(p.FailoverThreshold, e.scenario.nodes.length),
          windowEndsAt: failoverWindowEnd(g.failoverTimes, t, p.FailoverPeriod, sem.failoverWindow),
          times: counted,
        },
        activity: move
          ? `moving to "${move.target}" (${move.cause})`
          : g.awaiting
            ? 'waiting for a node that can host it'
            : 'idle',
        resources: g.resources.map((r) => r.spec.name),
      };
    }),
    resources: e.resources.map((r) => {
      const p = r.spec.properties;
      // Healthy polls are not events: their instants are arithmetic on tOnline (contract §4.2).
      const owner = r.group.owner;
      const polling =
        e.resState(r) === 'Online' && r.tOnline !== null && e.runs(owner) && !r.hung.some((h) => h.node === owner);
      const hung = r.hung.find((h) => h.node === owner) ?? r.hung[0];
      return {
        name: r.spec.name,
        group: r.group.spec.name,
        type: r.spec.type,
        state: e.resState(r),
        node: r.group.owner,
        persistentState: r.persistent,
        restarts: {
          count: restartCountAt(r.restartWindow, t, p.RestartPeriod, sem.restartWindow),
          threshold: p.RestartThreshold,
          windowEndsAt: restartWindowEnd(r.restartWindow, t, p.RestartPeriod, sem.restartWindow),
        },
        faults: { ...r.faults },
        monitor: r.inOwnMonitor ? 'separate' : 'shared',
        onlineSince: r.tOnline,
        nextLooksAlive: polling ? nextPollInstant(r.tOnline!, p.LooksAlivePollInterval, t) : null,
        nextIsAlive: polling ? nextPollInstant(r.tOnline!, p.IsAlivePollInterval, t) : null,
        hungCall: hung ? { call: hung.call, since: hung.since, node: hung.node } : null,
        gaveUp: r.gaveUp,
      };
    }),
    timers,
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
      failoverCount: failoversInWindow(g.failoverTimes, t, p.FailoverPeriod, sem.failoverWindow).length,
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
