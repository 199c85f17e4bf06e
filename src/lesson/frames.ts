/**
 * What the screen shows at a lesson cursor (lesson-format §3): exactly events 0..p, also between two
 * events of one instant, which the engine only ever processes as a whole.
 *
 * How: the engine's view at the end of the last whole instant that is entirely shown (time B) gives
 * everything the trace does not carry (timers, counters, faults, monitors); the states the trace
 * does carry (resource, group and node states, owners, votes, quorum) are folded from events
 * 0..p, so a stop in the middle of an instant shows just that instant's first events. Nothing
 * after p is read, so nothing later is hinted. No engine change is needed.
 */
import type { ClusterView, Scenario, Simulation, SimulationOptions, TraceEvent } from '../engine';

export interface Frame {
  /** Events 0..cursor are shown; −1 = none. */
  cursor: number;
  /** The clock shown. */
  clock: number;
  view: ClusterView;
  /** The trace prefix 0..cursor (shared objects, a new array). */
  events: readonly TraceEvent[];
}

type CreateSimulation = (s: Scenario, o?: SimulationOptions) => Simulation;

const DAY_MS = 86_400_000;
/** The cluster's local time of day (the engine's formatLocalTime: start time plus t, modulo a day). */
export function localTimeAt(startTimeMs: number, t: number): string {
  const ms = (startTimeMs + t) % DAY_MS;
  const parts = [Math.floor(ms / 3_600_000), Math.floor((ms % 3_600_000) / 60_000), Math.floor((ms % 60_000) / 1000)];
  return parts.map((x) => String(x).padStart(2, '0')).join(':');
}

interface Initial {
  state: Map<string, string>;
  owner: Map<string, string | null>;
  vote: Map<string, 0 | 1>;
}

/** Each entity's value before its first event: the `from` of that event. */
function initialValues(events: readonly TraceEvent[]): Initial {
  const init: Initial = { state: new Map(), owner: new Map(), vote: new Map() };
  const key = (kind: string, name: string) => `${kind}\u0000${name}`;
  for (const e of events) {
    if (e.type === 'resource.state' && !init.state.has(key('r', e.resource)))
      init.state.set(key('r', e.resource), e.from);
    else if (e.type === 'group.state' && !init.state.has(key('g', e.group))) init.state.set(key('g', e.group), e.from);
    else if (e.type === 'node.state' && !init.state.has(key('n', e.node))) init.state.set(key('n', e.node), e.from);
    else if (e.type === 'group.owner' && !init.owner.has(e.group)) init.owner.set(e.group, e.from);
    else if (e.type === 'quorum.vote' && !init.vote.has(e.voter)) init.vote.set(e.voter, e.from);
  }
  return init;
}

/**
 * The quorum line at a frame, from the votes and node states shown (contract §4.7), so that it
 * agrees with the nodes on screen also in the middle of an instant, when the base is the engine's
 * view just before it: votes held = voters that are Up or Paused, plus the witness vote (none once
 * quorum is lost); the total = the voters plus the witness's place in it. Without dynamic quorum the
 * witness always counts in the total; with it, the witness counts while it votes, which only a
 * traced witness vote change shown here can have changed since the base.
 */
function shownQuorum(
  base: ClusterView,
  nodes: ClusterView['nodes'],
  shown: { has: boolean; witnessUp: boolean; witnessVote: 0 | 1; witnessVoteShown: boolean },
): ClusterView['quorum'] {
  const baseVoters = base.nodes.filter((n) => n.vote === 1).length;
  const witnessInTotal =
    base.quorum.dynamic && shown.witnessVoteShown ? shown.witnessVote : base.quorum.total - baseVoters;
  const held = nodes.filter((n) => n.vote === 1 && (n.state === 'Up' || n.state === 'Paused')).length;
  return {
    ...base.quorum,
    hasQuorum: shown.has,
    witness: { ...base.quorum.witness, up: shown.witnessUp, vote: shown.witnessVote },
    votes: shown.has ? held + shown.witnessVote : 0,
    total: nodes.filter((n) => n.vote === 1).length + witnessInTotal,
  };
}

export interface FrameSource {
  frame(cursor: number, clock?: number): Frame;
}

/**
 * `events` must be the trace of `scenario` (runScenario). The source keeps one simulation that moves
 * forward as frames move forward (playing a lesson) and is rebuilt when a frame goes back.
 */
export function createFrameSource(
  createSimulation: CreateSimulation,
  scenario: Scenario,
  events: readonly TraceEvent[],
): FrameSource {
  const init = initialValues(events);
  let sim = createSimulation(scenario);
  let startView: ClusterView | null = null;

  /** The view with every event of time ≤ b processed (b ≥ 0). */
  const viewAt = (b: number): ClusterView => {
    if (sim.now() > b) sim = createSimulation(scenario);
    sim.advanceTo(b);
    return sim.view();
  };

  /** Before t = 0's first event: nothing started, no timers, no faults, no counters. */
  const preStart = (): ClusterView => {
    if (!startView) {
      const v = createSimulation(scenario).view();
      startView = {
        ...v,
        timers: [],
        nodes: v.nodes.map((n) => ({ ...n, crashedUndetected: null, drainedGroups: [] })),
        groups: v.groups.map((g) => ({
          ...g,
          failovers: { ...g.failovers, count: 0, times: [], windowEndsAt: null },
          activity: 'idle',
        })),
        resources: v.resources.map((r) => ({
          ...r,
          restarts: { ...r.restarts, count: 0, windowEndsAt: null },
          faults: { looksAlive: 'ok', isAlive: 'ok', online: 'ok', offline: 'ok' },
          onlineSince: null,
          nextLooksAlive: null,
          nextIsAlive: null,
          hungCall: null,
          gaveUp: false,
        })),
      };
    }
    return startView;
  };

  return {
    frame(cursor: number, clockArg?: number): Frame {
      const p = Math.max(-1, Math.min(cursor, events.length - 1));
      const clock = clockArg ?? (p >= 0 ? events[p]!.t : 0);
      // B: the last time whose events are all shown. If the next event is at `clock`, this
      // instant is only partly shown (or not at all), so the engine's view stops just before it.
      const partial = p + 1 < events.length && events[p + 1]!.t <= clock;
      const b = partial ? clock - 1 : clock;
      const base = b < 0 ? preStart() : viewAt(b);

      // The traced states, folded over 0..p.
      const state = new Map<string, string>();
      const owner = new Map<string, string | null>();
      const resNode = new Map<string, string | null>();
      const vote = new Map<string, 0 | 1>();
      let quorum: boolean | null = null;
      // The witness going away or coming back in the part of the instant shown (earlier: in the base).
      let witnessUp: boolean | null = null;
      let witnessVoteShown = false;
      const faults = new Map<string, ClusterView['resources'][number]['faults']>();
      for (let i = 0; i <= p; i++) {
        const e = events[i]!;
        switch (e.type) {
          case 'resource.state':
            state.set(`r\u0000${e.resource}`, e.to);
            resNode.set(e.resource, e.node);
            break;
          case 'group.state':
            state.set(`g\u0000${e.group}`, e.to);
            break;
          case 'node.state':
            state.set(`n\u0000${e.node}`, e.to);
            break;
          case 'group.owner':
            owner.set(e.group, e.to);
            break;
          case 'quorum.vote':
            vote.set(e.voter, e.to);
            if (e.voter === 'witness' && e.t > b) witnessVoteShown = true;
            break;
          case 'policy':
            if (e.rule === 'QuorumLost') quorum = false;
            if (e.rule === 'QuorumRegained') quorum = true;
            break;
          case 'action':
            // Faults injected in the part of the instant that is shown (earlier ones are in the base).
            if (e.t > b && (e.action.action === 'failWitness' || e.action.action === 'restoreWitness'))
              witnessUp = e.action.action === 'restoreWitness';
            else if (e.t > b && 'resource' in e.action) {
              const a = e.action;
              const r = base.resources.find((x) => x.name === a.resource);
              if (!r) break;
              const f = { ...(faults.get(a.resource) ?? r.faults) };
              if (a.action === 'heal')
                Object.assign(f, { looksAlive: 'ok', isAlive: 'ok', online: 'ok', offline: 'ok' });
              else if (a.action === 'setHealth') {
                if (a.looksAlive) f.looksAlive = a.looksAlive;
                if (a.isAlive) f.isAlive = a.isAlive;
              } else if (a.action === 'setOnline') f.online = a.result;
              else if (a.action === 'setOffline') f.offline = a.result;
              faults.set(a.resource, f);
            }
            break;
        }
      }
      const stateOf = (kind: string, name: string, fallback: string) =>
        state.get(`${kind}\u0000${name}`) ?? init.state.get(`${kind}\u0000${name}`) ?? fallback;
      const voteOf = (name: string, fallback: 0 | 1) => vote.get(name) ?? init.vote.get(name) ?? fallback;

      // Timers of the base that fired in the part of the instant shown (their subject has an event
      // there) are gone: a resource shown Online has no "Online completes" countdown left.
      const touched = new Set<string>();
      for (let i = p; i >= 0 && events[i]!.t > b; i--) {
        const e = events[i] as unknown as Record<string, unknown>;
        for (const k of ['resource', 'group', 'node', 'subject']) if (typeof e[k] === 'string') touched.add(e[k]);
      }
      const timers = touched.size
        ? base.timers.filter((t) => !(t.deadline <= clock && touched.has(t.subject)))
        : base.timers;

      const nodes = base.nodes.map((n) => {
        const state = stateOf('n', n.name, n.state) as typeof n.state;
        // A detection shown in this instant ends the "crashed, not yet detected" interval.
        const crashedUndetected = state === 'Up' || state === 'Paused' ? n.crashedUndetected : null;
        return { ...n, state, crashedUndetected, vote: voteOf(n.name, n.vote) };
      });
      const view: ClusterView = {
        ...base,
        timers,
        t: clock,
        localTime: localTimeAt(scenario.cluster.startTimeMs, clock),
        quorum: shownQuorum(base, nodes, {
          has: quorum ?? (b < 0 ? true : base.quorum.hasQuorum),
          witnessUp: witnessUp ?? base.quorum.witness.up,
          witnessVote: voteOf('witness', base.quorum.witness.vote),
          witnessVoteShown: witnessVoteShown || b < 0,
        }),
        nodes,
        groups: base.groups.map((g) => ({
          ...g,
          state: stateOf('g', g.name, g.state) as typeof g.state,
          owner: owner.has(g.name) ? owner.get(g.name)! : init.owner.has(g.name) ? init.owner.get(g.name)! : g.owner,
        })),
        resources: base.resources.map((r) => ({
          ...r,
          state: stateOf('r', r.name, r.state) as typeof r.state,
          // The table's Owner in a lesson: the node of its last resource.state shown (§3).
          node: resNode.get(r.name) ?? null,
          faults: faults.get(r.name) ?? r.faults,
        })),
      };
      return { cursor: p, clock, view, events: events.slice(0, p + 1) };
    },
  };
}
