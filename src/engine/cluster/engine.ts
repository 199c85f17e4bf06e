/**
 * The cluster's shared records and queries: one machine snapshot per node, group and resource
 * (advanced by XState's pure transition), the virtual clock and its timers, the trace. Every rule
 * file (resources.ts, groups.ts, nodes.ts, monitor.ts, failback.ts, ../actions) works on this
 * class; it imports no rule, so the rules import it one way. The run loop that drives the rules
 * (instants, timers firing, script entries, actions) is the Coordinator in ../coordinator.ts.
 */
import type { Scenario } from '../model/scenario';
import type { NodeState, ResourceState, TraceEvent } from '../model/trace';
import type { TimerKind } from '../model/view';
import { VirtualClock } from '../clock/virtualClock';
import { Rng } from '../clock/rng';
import type { ResourceEffect, ResourceEvent } from '../machines/resourceMachine';
import { RESOURCE_INITIAL, resourceStep } from '../machines/resourceTable';
import { GROUP_INITIAL, groupMachine, placementOf, type GroupEvent, type MoveIntent } from '../machines/groupMachine';
import { NODE_INITIAL, nodeMachine, type NodeEvent } from '../machines/nodeMachine';
import { machineStep, refused, stateLabel } from '../machines/step';
import { EMPTY_RESTART_WINDOW } from '../policies/windows';
import { topLevel } from '../policies/dependencies';
import type { Semantics } from '../semantics';
import {
  HEALTHY,
  type GroupRt,
  type NodeRt,
  type ResRt,
  type Timer,
  type TimerHandler,
  type TimerOwner,
  type TimerPayload,
} from './runtime';
import { QuorumState } from './quorum';
import { NetRuntime } from '../network/runtime';

/** Distributive Omit over the trace-event union, so `emit` can take any event without `t`. */
type WithoutT<E> = E extends unknown ? Omit<E, 't'> : never;
export type TraceInput = WithoutT<TraceEvent>;

/**
 * The calls a rule makes into a rule above it: a resource's failure escalates to its group's
 * failover (§4.5) and its Offline completes a group's move; an Online resource gets health checks
 * (§4.2) and a call that never returns hangs its monitor (§4.3). The groups and the monitor call
 * down into resources.ts all the time; these four go up, so they are passed in by the Coordinator
 * (../coordinator.ts) instead of imported, which keeps the import graph one way.
 */
export interface UpCalls {
  failoverGroup(e: Engine, g: GroupRt, cause: 'resource' | 'nodeDown', why: string, old?: string | null): void;
  checkMoveProgress(e: Engine, g: GroupRt): void;
  armHealth(e: Engine, r: ResRt): void;
  hang(e: Engine, r: ResRt, call: 'Online' | 'Offline' | 'LooksAlive' | 'IsAlive'): void;
}

export class Engine {
  readonly clock = new VirtualClock<Timer>();
  readonly rng: Rng;
  readonly random = (): number => this.rng.next();
  readonly nodes: NodeRt[] = [];
  readonly groups: GroupRt[] = [];
  readonly resources: ResRt[] = [];
  readonly nodeByName = new Map<string, NodeRt>();
  readonly groupByName = new Map<string, GroupRt>();
  readonly resourceByName = new Map<string, ResRt>();
  readonly events: TraceEvent[] = [];
  readonly quorum: QuorumState;
  /** Networks, routes, partitions and node services (networks.md); inert in a plain scenario. */
  readonly net: NetRuntime;
  private listeners = new Set<(e: TraceEvent) => void>();
  /** The next script entry to run (saved with the simulation, as are the two loop-guard fields). */
  scriptIndex = 0;
  /** Every timer currently armed, for the view. */
  readonly liveTimers = new Map<number, Timer>();
  instant = -1;
  firedThisInstant = 0;
  /** Groups one of whose resources changed state this instant: only they can change group.state. */
  readonly dirtyGroups = new Set<GroupRt>();

  constructor(
    readonly scenario: Scenario,
    readonly semantics: Semantics,
    readonly runScript: boolean,
    /** The rules that rules lower down call back into (see `UpCalls`). */
    readonly above: UpCalls,
  ) {
    this.rng = new Rng(scenario.seed);
    for (const spec of scenario.nodes) {
      const n: NodeRt = {
        entity: 'node',
        index: this.nodes.length,
        spec,
        snap: NODE_INITIAL[spec.state],
        drained: [],
        timers: {},
      };
      this.nodes.push(n);
      this.nodeByName.set(spec.name, n);
    }
    for (const gs of scenario.groups) {
      const g: GroupRt = {
        entity: 'group',
        index: this.groups.length,
        spec: gs,
        snap: GROUP_INITIAL,
        owner: null,
        persistent: gs.persistentState,
        resources: [],
        topLevel: [],
        lastState: 'Offline',
        decidedAt: -1,
        timers: {},
      };
      this.groups.push(g);
      this.groupByName.set(gs.name, g);
      for (const rs of gs.resources) {
        const r: ResRt = {
          entity: 'resource',
          index: this.resources.length,
          spec: rs,
          group: g,
          m: RESOURCE_INITIAL,
          persistent: gs.persistentState,
          faults: { ...HEALTHY },
          separate: rs.properties.SeparateMonitor === 1,
          inOwnMonitor: rs.properties.SeparateMonitor === 1,
          restartWindow: EMPTY_RESTART_WINDOW,
          tOnline: null,
          dueAt: null,
          dueReason: '',
          hung: [],
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
    this.net = new NetRuntime(this);
  }

  now(): number {
    return this.clock.now();
  }

  // ---- trace ---------------------------------------------------------------------------------

  emit(e: TraceInput): void {
    const ev = { t: this.now(), ...e };
    this.events.push(ev);
    for (const l of this.listeners) l(ev);
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- state access --------------------------------------------------------------------------

  resState(r: ResRt): ResourceState {
    return r.m.top;
  }

  /** Send a resource event; returns the effects it names, in order. A refused event is an engine bug. */
  resSend(r: ResRt, event: ResourceEvent): readonly ResourceEffect[] {
    const step = resourceStep(r.m, event) ?? refused('resource', r.spec.name, event.type, r.m.leaves.join(', '));
    r.m = step.to;
    return step.effects;
  }

  /** Send a lifecycle event that changes the WSFC state, and trace the change. */
  resTransition(r: ResRt, event: ResourceEvent, reason: string): void {
    const from = r.m.top;
    this.resSend(r, event);
    const to = r.m.top;
    // A pending RetryPeriodOnFailure is for a resource that stays Failed (§4.4).
    if (from === 'Failed') this.disarm(r, 'retry');
    this.dirtyGroups.add(r.group);
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
    return n.snap.value as 'Down' | 'Joining' | 'Up' | 'Paused' | 'Crashed';
  }

  /** The node state the cluster shows (a crashed, undetected node still looks Up or Paused). */
  nodeState(n: NodeRt): NodeState {
    return n.snap.context.visible;
  }

  nodeTransition(n: NodeRt, event: NodeEvent, reason: string): void {
    const from = this.nodeState(n);
    const step = machineStep(nodeMachine, n.snap, event);
    n.snap = (step ?? refused('node', n.spec.name, event.type, stateLabel(n.snap.value))).next;
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
    return placementOf(g.snap) === 'moving';
  }

  /** The move a group is making, or null. */
  groupMove(g: GroupRt): MoveIntent | null {
    return g.snap.context.move;
  }

  /** Send a group event; returns the effects it names. An event the machine refuses is an engine bug. */
  groupSend(g: GroupRt, event: GroupEvent): readonly string[] {
    const step =
      machineStep(groupMachine, g.snap, event) ?? refused('group', g.spec.name, event.type, stateLabel(g.snap.value));
    g.snap = step.next;
    return step.effects;
  }

  groupOf(name: string): GroupRt {
    return this.groupByName.get(name)!;
  }

  // ---- timers --------------------------------------------------------------------------------

  /**
   * Arm a timer in an entity's slot (replacing the one there). It is data: when it fires, the
   * handler named here runs with the owner and the payload (cluster/timerHandlers.ts).
   */
  arm<K extends string>(
    owner: TimerOwner<K>,
    slot: K,
    kind: TimerKind,
    delay: number,
    label: string,
    handler: TimerHandler,
    payload: TimerPayload | null = null,
  ): void {
    this.disarm(owner, slot);
    const armedAt = this.now();
    const timer: Timer = {
      id: this.clock.nextId(),
      kind,
      subject: owner.spec.name,
      armedAt,
      deadline: armedAt + Math.max(0, delay),
      label,
      entity: owner.entity,
      index: owner.index,
      slot,
      handler,
      payload,
    };
    this.clock.schedule(timer);
    owner.timers[slot] = timer;
    this.liveTimers.set(timer.id, timer);
  }

  disarm<K extends string>(owner: TimerOwner<K>, slot: K): void {
    const t = owner.timers[slot];
    if (!t) return;
    this.clock.cancel(t.id);
    this.liveTimers.delete(t.id);
    delete owner.timers[slot];
  }

  disarmAll<K extends string>(owner: TimerOwner<K>): void {
    for (const k of Object.keys(owner.timers) as K[]) this.disarm(owner, k);
  }

  /** The record a timer belongs to. */
  timerOwner(t: Timer): TimerOwner {
    const list: readonly TimerOwner[] =
      t.entity === 'resource' ? this.resources : t.entity === 'group' ? this.groups : this.nodes;
    return list[t.index]!;
  }
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
