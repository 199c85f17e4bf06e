/**
 * The engine's whole state as plain JSON data, and back. Everything that changes while a
 * simulation runs is here; what the scenario fixes (specs, dependency links, names) is rebuilt
 * from the scenario on restore, so a snapshot is only valid with the scenario it was taken from.
 */
import type { AppliedAction, SimulationSnapshot } from '../api';
import { GROUP_INITIAL, groupMachine } from '../machines/groupMachine';
import { nodeMachine } from '../machines/nodeMachine';
import { resourceStateFromKey } from '../machines/resourceTable';
import type { Engine } from './engine';
import type { Timer } from './runtime';
import { loadNet, saveNet } from '../network/runtime';

export const SNAPSHOT_FORMAT = 'failover-snapshot@1';
const GROUP_INITIAL_VALUE = JSON.stringify(GROUP_INITIAL.value);

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
      value: n.snap.value,
      visible: n.snap.context.visible,
      crashedAt: n.snap.context.crashedAt,
      drained: [...n.drained],
    })),
    groups: e.groups.map((g) => ({
      value: JSON.stringify(g.snap.value),
      move: g.snap.context.move && { ...g.snap.context.move },
      owner: g.owner,
      persistent: g.persistent,
      failoverTimes: [...g.snap.context.failoverTimes],
      lastState: g.lastState,
      awaiting: g.snap.context.awaiting && { ...g.snap.context.awaiting },
      decidedAt: g.decidedAt,
    })),
    resources: e.resources.map((r) => ({
      machine: r.m.key,
      persistent: r.persistent,
      faults: { ...r.faults },
      separate: r.separate,
      inOwnMonitor: r.inOwnMonitor,
      restartWindow: { ...r.restartWindow, times: [...r.restartWindow.times] },
      tOnline: r.tOnline,
      dueAt: r.dueAt,
      dueReason: r.dueReason,
      hung: r.hung.map((h) => ({ ...h })),
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
      value: d.value,
      context: { visible: d.visible, crashedAt: d.crashedAt },
    });
    n.drained = [...d.drained];
  });
  s.groups.forEach((d, i) => {
    const g = e.groups[i]!;
    g.snap =
      d.value === GROUP_INITIAL_VALUE && d.move === null && d.awaiting === null && d.failoverTimes.length === 0
        ? GROUP_INITIAL
        : groupMachine.resolveState({
            value: JSON.parse(d.value) as never,
            context: {
              move: d.move && { ...d.move },
              awaiting: d.awaiting && { ...d.awaiting },
              failoverTimes: [...d.failoverTimes],
            },
          });
    g.owner = d.owner;
    g.persistent = d.persistent;
    g.lastState = d.lastState;
    g.decidedAt = d.decidedAt;
  });
  s.resources.forEach((d, i) => {
    const r = e.resources[i]!;
    r.m = resourceStateFromKey(d.machine);
    r.persistent = d.persistent;
    r.faults = { ...d.faults };
    r.separate = d.separate;
    r.inOwnMonitor = d.inOwnMonitor;
    r.restartWindow = { ...d.restartWindow, times: [...d.restartWindow.times] };
    r.tOnline = d.tOnline;
    r.dueAt = d.dueAt;
    r.dueReason = d.dueReason;
    r.hung = d.hung.map((h) => ({ ...h }));
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
