/**
 * The cluster coordinator: one event-ordered virtual clock, one actor per node, group and resource,
 * and the cross-entity decisions (dependencies, failover, quorum) that the contract puts in one
 * place. Rules live in sibling files (resources.ts, groups.ts, nodes.ts, quorum.ts, actions.ts);
 * arithmetic lives in ../policies as pure functions.
 */
import { createActor } from 'xstate';
import type { Action, Scenario, ScriptEntry } from '../model/scenario';
import type { NodeState, ResourceState, TraceEvent } from '../model/trace';
import type { TimerKind } from '../model/view';
import { VirtualClock } from '../clock/virtualClock';
import { createRng } from '../clock/rng';
import { resourceMachine, type ResourceEvent } from '../machines/resourceMachine';
import { groupMachine } from '../machines/groupMachine';
import { nodeMachine, type NodeEvent } from '../machines/nodeMachine';
import { EMPTY_RESTART_WINDOW } from '../policies/windows';
import { topLevel } from '../policies/dependencies';
import type { Semantics } from '../semantics';
import { HEALTHY, type GroupRt, type NodeRt, type ResRt, type Timer, type TimerSlots } from './runtime';
import { QuorumState } from './quorum';
import { formCluster } from './nodes';
import { endOfInstantGroupStates } from './groups';
import { applyAction, checkAction } from './actions';

/** Distributive Omit over the trace-event union, so `emit` can take any event without `t`. */
type WithoutT<E> = E extends unknown ? Omit<E, 't'> : never;
export type TraceInput = WithoutT<TraceEvent>;

export class Engine {
  readonly clock = new VirtualClock();
  readonly random: () => number;
  readonly nodes: NodeRt[] = [];
  readonly groups: GroupRt[] = [];
  readonly resources: ResRt[] = [];
  readonly nodeByName = new Map<string, NodeRt>();
  readonly groupByName = new Map<string, GroupRt>();
  readonly resourceByName = new Map<string, ResRt>();
  readonly events: TraceEvent[] = [];
  readonly quorum: QuorumState;
  private listeners = new Set<(e: TraceEvent) => void>();
  private scriptIndex = 0;
  private readonly script: ScriptEntry[];
  /** Every timer currently armed, for the view. */
  readonly liveTimers = new Map<number, Timer>();
  private instant = -1;
  private firedThisInstant = 0;
  /** No legitimate instant fires more timers than a few per entity; far beyond that is a loop. */
  private readonly instantLimit: number;

  constructor(
    readonly scenario: Scenario,
    readonly semantics: Semantics,
    runScript: boolean,
  ) {
    this.random = createRng(scenario.seed);
    this.instantLimit =
      1_000 + 100 * (scenario.nodes.length + scenario.groups.reduce((n, g) => n + 1 + g.resources.length, 0));
    this.script = runScript ? scenario.script : [];
    for (const spec of scenario.nodes) {
      const actor = createActor(nodeMachine, { input: { name: spec.name, initial: spec.state } }).start();
      const n: NodeRt = { spec, actor, drained: [], timers: {} };
      this.nodes.push(n);
      this.nodeByName.set(spec.name, n);
    }
    for (const gs of scenario.groups) {
      const actor = createActor(groupMachine, { input: { name: gs.name } }).start();
      const g: GroupRt = {
        spec: gs,
        actor,
        owner: null,
        persistent: gs.persistentState,
        failoverTimes: [],
        resources: [],
        topLevel: [],
        lastState: 'Offline',
        awaiting: null,
        timers: {},
      };
      this.groups.push(g);
      this.groupByName.set(gs.name, g);
      for (const rs of gs.resources) {
        const r: ResRt = {
          spec: rs,
          group: g,
          actor: createActor(resourceMachine, { input: { name: rs.name } }).start(),
          persistent: gs.persistentState,
          faults: { ...HEALTHY },
          separate: rs.properties.SeparateMonitor === 1,
          inOwnMonitor: rs.properties.SeparateMonitor === 1,
          restartWindow: EMPTY_RESTART_WINDOW,
          tOnline: null,
          dueAt: null,
          dueReason: '',
          offlineWanted: false,
          gaveUp: false,
          hung: [],
          pendingCall: null,
          timers: {},
          dependents: [],
        };
        g.resources.push(r);
        this.resources.push(r);
        this.resourceByName.set(rs.name, r);
      }
      const top = new Set(topLevel(gs.resources));
      g.topLevel = g.resources.filter((r) => top.has(r.spec.name));
    }
    for (const r of this.resources) {
      for (const orSet of r.spec.dependsOn) for (const p of orSet) this.resourceByName.get(p)?.dependents.push(r);
    }
    for (const r of this.resources) r.dependents = dedupe(r.dependents);
    this.quorum = new QuorumState(this);
    formCluster(this);
    // Instant 0 is always closed here (timers due at 0, script entries at 0, group states), so a
    // new simulation stands after everything that happens at t = 0.
    this.runInstant(0);
  }

  now(): number {
    return this.clock.now();
  }

  // ---- trace ---------------------------------------------------------------------------------

  emit(e: TraceInput): void {
    const ev = { t: this.now(), ...e } as TraceEvent;
    this.events.push(ev);
    for (const l of this.listeners) l(ev);
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- state access --------------------------------------------------------------------------

  resState(r: ResRt): ResourceState {
    return r.actor.getSnapshot().value as ResourceState;
  }

  /** Send a lifecycle event and trace the state change. An event the machine refuses is an engine bug. */
  resTransition(r: ResRt, event: ResourceEvent, reason: string): void {
    const from = this.resState(r);
    r.actor.send(event);
    const to = this.resState(r);
    if (from === to) throw new Error(`internal: resource "${r.spec.name}" refused ${event.type} in ${from}`);
    this.emit({
      type: 'resource.state',
      resource: r.spec.name,
      group: r.group.spec.name,
      node: this.resNode(r),
      from,
      to,
      reason,
    });
  }

  /** The node a resource is (or was last) hosted on: its group's owner. */
  resNode(r: ResRt): string | null {
    return r.group.owner;
  }

  nodeMachineState(n: NodeRt): 'Down' | 'Joining' | 'Up' | 'Paused' | 'Crashed' {
    return n.actor.getSnapshot().value as 'Down' | 'Joining' | 'Up' | 'Paused' | 'Crashed';
  }

  /** The node state the cluster shows (a crashed, undetected node still looks Up or Paused). */
  nodeState(n: NodeRt): NodeState {
    return n.actor.getSnapshot().context.visible;
  }

  nodeTransition(n: NodeRt, event: NodeEvent, reason: string): void {
    const from = this.nodeState(n);
    const before = this.nodeMachineState(n);
    n.actor.send(event);
    if (this.nodeMachineState(n) === before)
      throw new Error(`internal: node "${n.spec.name}" refused ${event.type} in ${before}`);
    const to = this.nodeState(n);
    if (from !== to) this.emit({ type: 'node.state', node: n.spec.name, from, to, reason });
  }

  isCrashed(n: NodeRt): boolean {
    return this.nodeMachineState(n) === 'Crashed';
  }

  /**
   * Physically running (Up or Paused, not crashed): calls into it return and its monitors run
   * health checks. A crashed node runs nothing until it is detected (contract §4.8).
   */
  runs(name: string | null): boolean {
    if (name === null) return false;
    const s = this.nodeMachineState(this.nodeByName.get(name)!);
    return s === 'Up' || s === 'Paused';
  }

  /**
   * Up or Paused as the cluster sees it: a crashed, undetected node still counts, keeps its vote,
   * can be a target, and calls are made into it (they never return; contract §4.8).
   */
  clusterUp(name: string | null): boolean {
    if (name === null) return false;
    const s = this.nodeState(this.nodeByName.get(name)!);
    return s === 'Up' || s === 'Paused';
  }

  groupMoving(g: GroupRt): boolean {
    return g.actor.getSnapshot().value === 'moving';
  }

  groupOf(name: string): GroupRt {
    return this.groupByName.get(name)!;
  }

  // ---- timers --------------------------------------------------------------------------------

  arm<K extends string>(
    slots: TimerSlots<K>,
    slot: K,
    kind: TimerKind,
    subject: string,
    delay: number,
    label: string,
    fn: () => void,
  ): void {
    this.disarm(slots, slot);
    const armedAt = this.now();
    const id = this.clock.setTimeout(() => {
      this.liveTimers.delete(id);
      delete slots[slot];
      fn();
    }, delay);
    const timer: Timer = { id, kind, subject, armedAt, deadline: armedAt + Math.max(0, delay), label };
    slots[slot] = timer;
    this.liveTimers.set(id, timer);
  }

  disarm<K extends string>(slots: TimerSlots<K>, slot: K): void {
    const t = slots[slot];
    if (!t) return;
    this.clock.clearTimeout(t.id);
    this.liveTimers.delete(t.id);
    delete slots[slot];
  }

  disarmAll<K extends string>(slots: TimerSlots<K>): void {
    for (const k of Object.keys(slots) as K[]) this.disarm(slots, k);
  }

  // ---- time ----------------------------------------------------------------------------------

  nextEventTime(): number | null {
    const d = this.clock.nextDeadline();
    const s = this.scriptIndex < this.script.length ? this.script[this.scriptIndex].at : null;
    if (d === null) return s;
    if (s === null) return d;
    return Math.min(d, s);
  }

  /** Process every instant up to and including t, then stand at t. */
  advanceTo(t: number): void {
    for (;;) {
      const next = this.nextEventTime();
      if (next === null || next > t) break;
      this.runInstant(next);
    }
    this.clock.setNow(t);
  }

  private runInstant(t: number): void {
    this.clock.setNow(t);
    this.fireDue(t);
    while (this.scriptIndex < this.script.length && this.script[this.scriptIndex].at === t) {
      const entry = this.script[this.scriptIndex++];
      this.applyNow(entry, entry);
      this.fireDue(t);
    }
    endOfInstantGroupStates(this);
  }

  private fireDue(t: number): void {
    // Each timer at its own instant, in arm order. Validation refuses the zero-time loops the
    // contract knows of (§1: onlineMs 0 needs RestartDelay ≥ 1 and RetryPeriodOnFailure ≥ 1);
    // this guard turns any other into a clear error instead of a hang.
    if (t !== this.instant) {
      this.instant = t;
      this.firedThisInstant = 0;
    }
    while (this.clock.fireNext(t)) {
      if (++this.firedThisInstant > this.instantLimit) throw new SimulationLoopError(t, this.instantLimit);
    }
  }

  /** Apply an action at the current instant (script or user), then settle the instant. */
  applyNow(action: Action, traced: Action & { at?: number }): { applied: true } | { applied: false; reason: string } {
    const check = checkAction(this, action);
    if (!check.allowed) {
      this.emit({ type: 'action.rejected', action: traced, reason: check.reason });
      return { applied: false, reason: check.reason };
    }
    this.emit({ type: 'action', action: traced, reason: describeAction(action) });
    applyAction(this, action);
    return { applied: true };
  }

  /** A user action at the current time: applied after everything already done at this instant. */
  applyUser(action: Action): { applied: true } | { applied: false; reason: string } {
    const res = this.applyNow(action, { at: this.now(), ...action });
    this.fireDue(this.now());
    endOfInstantGroupStates(this);
    return res;
  }
}

/** The run loop would spin within one instant: stopped with a clear error rather than a hang. */
export class SimulationLoopError extends Error {
  constructor(
    readonly t: number,
    limit: number,
  ) {
    super(
      `the simulation does not settle at t=${t} ms: more than ${limit} timers fired within that one instant (a zero-time loop); simulation stopped`,
    );
    this.name = 'SimulationLoopError';
  }
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function describeAction(a: Action): string {
  switch (a.action) {
    case 'crashNode':
      return `node "${a.node}" crashes`;
    case 'startNode':
      return `node "${a.node}" is started`;
    case 'pauseNode':
      return `node "${a.node}" is paused${a.drain ? ' with drain' : ''}`;
    case 'resumeNode':
      return `node "${a.node}" is resumed (${a.failback ?? 'NoFailback'})`;
    case 'moveGroup':
      return `administrator moves group "${a.group}"${a.node ? ` to "${a.node}"` : ' to the best possible node'}`;
    case 'onlineGroup':
      return `administrator brings group "${a.group}" online`;
    case 'offlineGroup':
      return `administrator takes group "${a.group}" offline`;
    case 'onlineResource':
      return `administrator brings resource "${a.resource}" online`;
    case 'offlineResource':
      return `administrator takes resource "${a.resource}" offline`;
    case 'failResource':
      return `resource "${a.resource}" is made to fail (Test-ClusterResourceFailure)`;
    case 'setHealth': {
      const parts = [
        a.looksAlive && `LooksAlive answers ${a.looksAlive}`,
        a.isAlive && `IsAlive answers ${a.isAlive}`,
      ].filter(Boolean);
      return `resource "${a.resource}": ${parts.join(', ')} from now on`;
    }
    case 'setOnline':
      return `resource "${a.resource}": Online calls ${a.result} from now on`;
    case 'setOffline':
      return `resource "${a.resource}": Offline calls ${a.result} from now on`;
    case 'signalFailure':
      return `resource "${a.resource}" signals a failure`;
    case 'heal':
      return `every fault injected into resource "${a.resource}" is cleared`;
    case 'failWitness':
      return 'the quorum witness goes away';
    case 'restoreWitness':
      return 'the quorum witness comes back';
  }
}
