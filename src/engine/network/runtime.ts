/**
 * The network state of a running simulation (networks.md §4.1–§4.2): which interfaces and networks
 * are cut, the active partition, each node's service (running / waiting / stopping), and the
 * declared state of every route with its pending declaration timer. The rules that act on it live
 * in membership.ts, stop.ts and actions.ts; the pure arithmetic in the sibling rule files.
 *
 * A plain scenario builds no topology and arms no route timer (`routesOn` false): it pays nothing.
 */
import type { NodeRt, TimerHandler, TimerOwner, TimerPayload } from '../cluster/runtime';
import type { Scenario } from '../model/scenario';
import type { NodeState } from '../model/trace';
import type { TimerKind } from '../model/view';
import { buildTopology, type PairDef, type Topology } from './topology';
import { reachesWitness, witnessAvailability } from './rules';
import type { InterfaceState, NetworkState } from '../model/trace';
import type { NetworkSnapshot } from '../api';

/** Declared state of one route: declared down, or a declaration pending at `pendingAt`. */
export interface RouteState {
  down: boolean;
  pendingAt: number | null;
  /**
   * §4.9: the crashed member whose frozen route this is ("the routes it had at the crash keep the
   * declared state they had then until it is detected or removed"); absent on other routes.
   */
  frozenBy?: number;
}

export interface PartitionState {
  /** Node indexes per side. */
  sides: number[][];
  /** Side indexes that reach the witness. */
  witness: number[];
}

export interface LastRegroup {
  t: number;
  survivors: string[];
  removed: string[];
  witness: string;
  reason: string;
}

/**
 * What the network runtime reads of the cluster and the clock. engine.ts's Engine is one; it is
 * named here rather than imported so that engine.ts, which holds a NetRuntime, imports no file
 * that imports it back.
 */
export interface NetHost {
  readonly scenario: Scenario;
  readonly nodes: readonly NodeRt[];
  readonly nodeByName: ReadonlyMap<string, NodeRt>;
  now(): number;
  nodeState(n: NodeRt): NodeState;
  nodeMachineState(n: NodeRt): 'Down' | 'Joining' | 'Up' | 'Paused' | 'Crashed';
  arm<K extends string>(
    owner: TimerOwner<K>,
    slot: K,
    kind: TimerKind,
    delay: number,
    label: string,
    handler: TimerHandler,
    payload?: TimerPayload | null,
  ): void;
  disarm<K extends string>(owner: TimerOwner<K>, slot: K): void;
}

export class NetRuntime {
  readonly networkMode: boolean;
  /** Routes are tracked (network or site mode): crash detection and regroups read them. */
  readonly routesOn: boolean;
  readonly topo: Topology | null;
  netFailed: boolean[];
  /** `${node index}|${network index}` of interfaces failed by failInterface. */
  ifFailed = new Set<string>();
  partition: PartitionState | null = null;
  /** The cluster service runs on the node (§4.1). */
  running: boolean[];
  /** Running and Down after a regroup with a winner or a failed join: rejoins by itself. */
  waiting: boolean[];
  /** Stopping nodes (index) → the groups they owned at the stop (§4.12). */
  stopping = new Map<number, string[]>();
  /** The witness itself is up (failWitness / restoreWitness); R is `witnessAvailable()`. */
  witnessUp = true;
  /**
   * failWitness/restoreWitness ran in this step: the after-step checks then word a change of R as the
   * witness failing or coming back, not as reach. Cleared by them in the same step, so never in a snapshot.
   */
  witnessToggled = false;
  /** Per pair (topology order), per route. */
  routes: RouteState[][];
  /** Last emitted interface states (`${node}|${net}`) and network states; null before the end of instant 0. */
  lastIf: Record<string, InterfaceState> | null = null;
  lastNet: NetworkState[] | null = null;
  lastRegroup: LastRegroup | null = null;

  constructor(private readonly e: NetHost) {
    const s = e.scenario;
    this.networkMode = s.networks !== undefined;
    const level = s.cluster.functionalLevel;
    const siteMode = (level === '2016' || level === '2019') && s.nodes.some((n) => n.site !== undefined);
    this.routesOn = this.networkMode || siteMode;
    this.topo = this.routesOn ? buildTopology(s) : null;
    this.netFailed = (s.networks ?? []).map(() => false);
    this.running = s.nodes.map((n) => n.state === 'Up');
    this.waiting = s.nodes.map(() => false);
    this.routes = (this.topo?.pairs ?? []).map((p) => p.routes.map(() => ({ down: false, pendingAt: null })));
  }

  get siteMode(): boolean {
    return this.topo?.siteMode ?? false;
  }

  // ---- physical state ------------------------------------------------------------------------

  cut(node: number, net: number): boolean {
    return this.networkMode && (this.netFailed[net] === true || this.ifFailed.has(`${node}|${net}`));
  }

  sameSide(a: number, b: number): boolean {
    const p = this.partition;
    if (!p) return true;
    return p.sides.findIndex((s) => s.includes(a)) === p.sides.findIndex((s) => s.includes(b));
  }

  pairOf(a: number, b: number): number {
    if (!this.topo) return -1;
    return a < b ? this.topo.pairIndex[a]![b]! : this.topo.pairIndex[b]![a]!;
  }

  /** §4.2: open while both run, neither interface is cut, and both are on one side. */
  routeOpen(p: PairDef, k: number): boolean {
    const r = p.routes[k]!;
    return (
      this.running[p.a] === true &&
      this.running[p.b] === true &&
      !this.cut(p.a, r.na) &&
      !this.cut(p.b, r.nb) &&
      this.sameSide(p.a, p.b)
    );
  }

  /** Some route between a and b is open (physical). */
  linked(a: number, b: number): boolean {
    const i = this.pairOf(a, b);
    if (i < 0) return false;
    const p = this.topo!.pairs[i]!;
    return p.routes.some((_, k) => this.routeOpen(p, k));
  }

  /** Some route between a and b is not declared down. */
  connected(a: number, b: number): boolean {
    const i = this.pairOf(a, b);
    return i >= 0 && this.routes[i]!.some((r) => !r.down);
  }

  // ---- nodes -----------------------------------------------------------------------------------

  isStopping(name: string | null): boolean {
    if (name === null || this.stopping.size === 0) return false;
    return this.stopping.has(this.e.nodeByName.get(name)!.index);
  }

  /** Member (Up or Paused as the cluster sees it) whose service runs (not crashed). */
  runningMember(n: NodeRt): boolean {
    const s = this.e.nodeMachineState(n);
    return s === 'Up' || s === 'Paused';
  }

  member(n: NodeRt): boolean {
    const s = this.e.nodeState(n);
    return s === 'Up' || s === 'Paused';
  }

  // ---- witness (§4.7) ----------------------------------------------------------------------------

  reaches(n: NodeRt): boolean {
    const configured = this.e.scenario.cluster.quorum.witness !== 'none';
    const ifs = this.topo?.interfaces[n.index] ?? [0];
    const p = this.partition;
    const side = p ? p.sides.findIndex((s) => s.includes(n.index)) : -1;
    return reachesWitness({
      configured,
      up: this.witnessUp,
      hasUncutInterface: ifs.some((net) => !this.cut(n.index, net)),
      sideReaches: !p || p.witness.includes(side),
    });
  }

  /** R (§4.7) for the membership as it stands. */
  witnessAvailable(): boolean {
    if (!this.networkMode) return this.witnessUp;
    const anyCut = this.ifFailed.size > 0 || this.netFailed.some(Boolean);
    const partitionOrCut = this.partition !== null || anyCut;
    return witnessAvailability(
      this.witnessUp,
      partitionOrCut,
      partitionOrCut && this.e.nodes.some((n) => this.member(n) && this.reaches(n)),
    );
  }

  // ---- route declarations (§4.2) ----------------------------------------------------------------

  /**
   * After a physical change: a route that opens is declared up at once (a pending declaration is
   * cancelled); a route that closes is declared down `timeout` later. Pairs in ID order, so the
   * timers of one action are armed in that order (§4.13).
   */
  refreshRoutes(): void {
    const topo = this.topo;
    if (!topo) return;
    topo.pairs.forEach((p, i) => {
      if (!this.running[p.a] || !this.running[p.b]) return;
      p.routes.forEach((_, k) => {
        const st = this.routes[i]![k]!;
        if (this.routeOpen(p, k)) {
          st.down = false;
          this.cancel(i, k);
        } else if (!st.down && st.pendingAt === null) {
          st.pendingAt = this.e.now() + p.timeout;
          const a = this.e.nodes[p.a]!;
          const net = topo.networks[p.routes[k]!.na]!.name;
          this.e.arm(
            // tsc -b needs the widening for the generic slot type; the lint program infers it (two views of one call).
            // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
            a as TimerOwner<string>,
            routeSlot(p.b, k),
            'routeDown',
            p.timeout,
            `route ${a.spec.name}–${this.e.nodes[p.b]!.spec.name}${net ? ` on ${net}` : ''} declared down`,
            'routeDown',
            { pair: i, route: k },
          );
          // The view names a route "A|B|network" (NETVIEW), not by the node whose slot holds the timer.
          const armed = (a as TimerOwner<string>).timers[routeSlot(p.b, k)];
          if (armed) armed.subject = `${a.spec.name}|${this.e.nodes[p.b]!.spec.name}|${net}`;
        }
      });
    });
  }

  private cancel(pair: number, k: number): void {
    const st = this.routes[pair]![k]!;
    if (st.pendingAt === null) return;
    st.pendingAt = null;
    const p = this.topo!.pairs[pair]!;
    // tsc -b needs the widening for the generic slot type; the lint program infers it (two views of one call).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    this.e.disarm(this.e.nodes[p.a]! as TimerOwner<string>, routeSlot(p.b, k));
  }

  /** §4.2: a node starts running: its open routes are up, the others declared down at once. */
  startRunning(x: number): void {
    this.running[x] = true;
    this.waiting[x] = false;
    const topo = this.topo;
    if (!topo) return;
    topo.pairs.forEach((p, i) => {
      if (p.a !== x && p.b !== x) return;
      const other = p.a === x ? p.b : p.a;
      if (!this.running[other]) {
        // x was detected since it froze this route: the route is gone (§4.9).
        for (const st of this.routes[i]!) if (st.frozenBy === x) delete st.frozenBy;
        return;
      }
      p.routes.forEach((_, k) => {
        this.cancel(i, k);
        this.routes[i]![k] = { down: !this.routeOpen(p, k), pendingAt: null };
      });
    });
  }

  /** §4.9: does the route on this pair count for the states: both ends run, or frozen at a crash? */
  routeExists(pair: number, k: number): boolean {
    const p = this.topo!.pairs[pair]!;
    return (this.running[p.a]! && this.running[p.b]!) || this.routes[pair]![k]!.frozenBy !== undefined;
  }

  /**
   * §4.2: a node stops running: its routes end, pending declarations cancelled, nothing emitted.
   * A crashed member's routes to running nodes keep their declared state for §4.9 (`frozenBy`).
   */
  stopRunning(x: number, crashedMember = false): void {
    const topo = this.topo;
    topo?.pairs.forEach((p, i) => {
      if (p.a !== x && p.b !== x) return;
      const other = p.a === x ? p.b : p.a;
      p.routes.forEach((_, k) => {
        this.cancel(i, k);
        if (crashedMember && this.running[x] && this.running[other]) this.routes[i]![k]!.frozenBy = x;
      });
    });
    this.running[x] = false;
    this.waiting[x] = false;
    this.stopping.delete(x);
  }

  /** Apply every route declaration due now (§4.4 step 1). Returns whether any was. */
  applyDueDeclarations(): boolean {
    const now = this.e.now();
    let any = false;
    this.routes.forEach((list, i) =>
      list.forEach((st, k) => {
        if (st.pendingAt !== now) return;
        this.cancel(i, k);
        st.down = true;
        any = true;
      }),
    );
    return any;
  }

  /** The route-declaration deadlines between x and each running member, as §4.3 reads them. */
  detectionPeers(x: number): number[][] {
    const topo = this.topo!;
    const now = this.e.now();
    const out: number[][] = [];
    for (const y of this.e.nodes) {
      if (y.index === x || !this.running[y.index] || !this.runningMember(y)) continue;
      const i = this.pairOf(x, y.index);
      if (i < 0) continue;
      const p = topo.pairs[i]!;
      out.push(
        p.routes.map((_, k) => {
          const st = this.routes[i]![k]!;
          if (this.routeOpen(p, k)) return now + p.timeout;
          return st.pendingAt ?? now; // declared down already: "was declared down" (≤ now)
        }),
      );
    }
    return out;
  }
}

/** The network runtime as JSON data (a plain scenario has none). */
export function saveNet(n: NetRuntime): NetworkSnapshot | undefined {
  if (!n.routesOn && n.stopping.size === 0 && n.lastRegroup === null) return undefined;
  return {
    netFailed: [...n.netFailed],
    ifFailed: [...n.ifFailed],
    partition: n.partition && { sides: n.partition.sides.map((s) => [...s]), witness: [...n.partition.witness] },
    running: [...n.running],
    waiting: [...n.waiting],
    stopping: [...n.stopping].map(([k, v]) => [k, [...v]]),
    witnessUp: n.witnessUp,
    routes: n.routes.map((l) => l.map((r) => ({ ...r }))),
    lastIf: n.lastIf && { ...n.lastIf },
    lastNet: n.lastNet && [...n.lastNet],
    lastRegroup: n.lastRegroup && { ...n.lastRegroup },
  };
}

export function loadNet(n: NetRuntime, s: NetworkSnapshot | undefined): void {
  if (!s) return;
  n.netFailed = [...s.netFailed];
  n.ifFailed = new Set(s.ifFailed);
  n.partition = s.partition && { sides: s.partition.sides.map((x) => [...x]), witness: [...s.partition.witness] };
  n.running = [...s.running];
  n.waiting = [...s.waiting];
  n.stopping = new Map(s.stopping.map(([k, v]) => [k, [...v]]));
  n.witnessUp = s.witnessUp;
  n.routes = s.routes.map((l) => l.map((r) => ({ ...r })));
  n.lastIf = s.lastIf && { ...s.lastIf };
  n.lastNet = s.lastNet && [...s.lastNet];
  n.lastRegroup = s.lastRegroup && { ...s.lastRegroup };
}

export function routeSlot(b: number, k: number): string {
  return `route@${b}@${k}`;
}
