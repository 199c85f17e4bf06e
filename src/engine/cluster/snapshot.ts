/**
 * The engine's whole state as plain JSON data, and back. Everything that changes while a
 * simulation runs is here; what the scenario fixes (specs, dependency links, names) is rebuilt
 * from the scenario on restore, so a snapshot is only valid with the scenario it was taken from.
 */
import type { AppliedAction, SimulationSnapshot } from '../api';
import { GROUP_INITIAL, groupMachine } from '../machines/groupMachine';
import { nodeMachine } from '../machines/nodeMachine';
import type { Engine } from './engine';
import type { Timer } from './runtime';
import { loadNet, saveNet } from '../network/runtime';

export const SNAPSHOT_FORMAT = 'failover-snapshot@1';

export function saveEngine(e: Engine, applied: readonly AppliedAction[]): SimulationSnapshot {
  const net = saveNet(e.net);
  return {
    format: SNAPSHOT_FORMAT,
    scenario: e.scenario.name,
    counts: [e.nodes.length, e.groups.length, e.resources.length],
    options: { semantics: { ...e.semantics }, runScript: e.runScript },
    clock: e.clock.save(),
    rng: e.rng.state,
    scriptIndex: e.scriptIndex,
    instant: e.instant,
    firedThisInstant: e.firedThisInstant,
    quorum: {
      has: e.quorum.has,
      voters: [...e.quorum.set.voters],
      witnessVotes: e.quorum.set.witnessVotes,
      witnessUp: e.quorum.witnessUp,
    },
    nodes: e.nodes.map((n) => ({
      value: n.snap.value as string,
      visible: n.snap.context.visible,
      crashedAt: n.snap.context.crashedAt,
      drained: [...n.drained],
    })),
    groups: e.groups.map((g) => ({
      value: g.snap.value as string,
      move: g.snap.context.move && { ...g.snap.context.move },
      owner: g.owner,
      persistent: g.persistent,
      failoverTimes: [...g.failoverTimes],
      lastState: g.lastState,
      awaiting: g.awaiting && { ...g.awaiting },
      decidedAt: g.decidedAt,
    })),
    resources: e.resources.map((r) => ({
      state: r.state,
      persistent: r.persistent,
      faults: { ...r.faults },
      separate: r.separate,
      inOwnMonitor: r.inOwnMonitor,
      restartWindow: { ...r.restartWindow, times: [...r.restartWindow.times] },
      tOnline: r.tOnline,
      dueAt: r.dueAt,
      dueReason: r.dueReason,
      offlineWanted: r.offlineWanted,
      gaveUp: r.gaveUp,
      hung: r.hung.map((h) => ({ ...h })),
      pendingCall: r.pendingCall,
    })),
    timers: [...e.liveTimers.values()].map((t) => ({ ...t })),
    ...(net ? { network: net } : {}),
    // Trace events are never changed once emitted, so the snapshot shares them.
    events: e.events.slice(),
    applied: applied.map((a) => ({ at: a.at, action: { ...a.action } })),
  };
}

/** Why a snapshot cannot be restored with this scenario, or null when it can. */
export function snapshotMismatch(e: Engine, s: SimulationSnapshot): string | null {
  if (s === null || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT)
    return `not a simulation snapshot (expected format "${SNAPSHOT_FORMAT}")`;
  if (s.scenario !== e.scenario.name) return `the snapshot is of scenario "${s.scenario}", not "${e.scenario.name}"`;
  const [n, g, r] = s.counts;
  if (n !== e.nodes.length || g !== e.groups.length || r !== e.resources.length)
    return `the snapshot has ${n} nodes, ${g} groups and ${r} resources; the scenario has ${e.nodes.length}, ${e.groups.length} and ${e.resources.length}`;
  return null;
}

/** Load a snapshot into an engine built with `restoring` for the same scenario. */
export function loadEngine(e: Engine, s: SimulationSnapshot): void {
  e.rng.state = s.rng;
  e.scriptIndex = s.scriptIndex;
  e.instant = s.instant;
  e.firedThisInstant = s.firedThisInstant;
  e.quorum.has = s.quorum.has;
  e.quorum.set = { voters: [...s.quorum.voters], witnessVotes: s.quorum.witnessVotes };
  e.quorum.witnessUp = s.quorum.witnessUp;
  s.nodes.forEach((d, i) => {
    const n = e.nodes[i]!;
    n.snap = nodeMachine.resolveState({
      value: d.value as never,
      context: { visible: d.visible, crashedAt: d.crashedAt },
    });
    n.drained = [...d.drained];
  });
  s.groups.forEach((d, i) => {
    const g = e.groups[i]!;
    g.snap =
      d.value === 'stable' && d.move === null
        ? GROUP_INITIAL
        : groupMachine.resolveState({ value: d.value as never, context: { move: d.move && { ...d.move } } });
    g.owner = d.owner;
    g.persistent = d.persistent;
    g.failoverTimes = [...d.failoverTimes];
    g.lastState = d.lastState;
    g.awaiting = d.awaiting && { ...d.awaiting };
    g.decidedAt = d.decidedAt;
  });
  s.resources.forEach((d, i) => {
    const r = e.resources[i]!;
    r.state = d.state;
    r.persistent = d.persistent;
    r.faults = { ...d.faults };
    r.separate = d.separate;
    r.inOwnMonitor = d.inOwnMonitor;
    r.restartWindow = { ...d.restartWindow, times: [...d.restartWindow.times] };
    r.tOnline = d.tOnline;
    r.dueAt = d.dueAt;
    r.dueReason = d.dueReason;
    r.offlineWanted = d.offlineWanted;
    r.gaveUp = d.gaveUp;
    r.hung = d.hung.map((h) => ({ ...h }));
    r.pendingCall = d.pendingCall;
  });
  const timers: Timer[] = s.timers.map((t) => ({ ...t, payload: t.payload && { ...t.payload } }));
  for (const t of timers) {
    e.timerOwner(t).timers[t.slot] = t;
    e.liveTimers.set(t.id, t);
  }
  e.clock.load(s.clock, timers);
  loadNet(e.net, s.network);
  for (const ev of s.events) e.events.push(ev);
}
