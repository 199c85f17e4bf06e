/**
 * The cluster as the trace tells it: states, owners, faults and persistent states rebuilt event by
 * event from the scenario and the trace alone (contract §1–§3). Rule families read this model; it
 * judges nothing itself.
 */
import type {
  CallBehavior,
  GroupSpec,
  GroupState,
  HealthAnswer,
  NodeSpec,
  NodeState,
  ResourceSpec,
  ResourceState,
  Scenario,
} from '../../index';
import type { Ev } from './types';

export interface Faults {
  looksAlive: HealthAnswer;
  isAlive: HealthAnswer;
  online: CallBehavior;
  offline: CallBehavior;
}

export interface Hang {
  resource: string;
  node: string;
  start: number;
  due: number;
  /** `node|*` for the node's shared monitor, `node|resource` for a monitor of its own. */
  monitor: string;
}

/** Is a call of this resource hung on this node now? */
export function hungOn(m: { hangs: Hang[] }, r: string, node: string | null): boolean {
  return m.hangs.some((h) => h.resource === r && h.node === node);
}

const healthy = (): Faults => ({ looksAlive: 'ok', isAlive: 'ok', online: 'ok', offline: 'ok' });

/** A dependency expression (AND of OR sets) is met when every set has an Online member. */
export function depsMet(expr: string[][], isOnline: (name: string) => boolean): boolean {
  return expr.every((set) => set.some(isOnline));
}

/** §1 initial owner: ownerNode if Up at t=0; else first Up preferred possible owner; else lowest-ID such node. */
export function initialOwner(sc: Scenario, g: GroupSpec): string | null {
  const up = new Set(sc.nodes.filter((n) => n.state === 'Up').map((n) => n.name));
  if (g.ownerNode !== null && up.has(g.ownerNode)) return g.ownerNode;
  const canHost = (n: string) =>
    up.has(n) && g.resources.every((r) => r.possibleOwners.length === 0 || r.possibleOwners.includes(n));
  return g.preferredOwners.find(canHost) ?? sc.nodes.map((n) => n.name).find(canHost) ?? null;
}

export class TraceModel {
  readonly res = new Map<string, ResourceSpec>();
  readonly group = new Map<string, GroupSpec>();
  readonly node = new Map<string, NodeSpec>();
  /** Resources that name a resource anywhere in their dependency expression. */
  readonly dependents = new Map<string, string[]>();
  /** Resources of a group that no other resource depends on (MS-CMRP top-level). */
  readonly topLevel = new Map<string, string[]>();

  t = 0;
  readonly nodeState = new Map<string, NodeState>();
  /** Crashed nodes the cluster has not detected yet, with the crash time. */
  readonly crashedAt = new Map<string, number>();
  readonly owner = new Map<string, string | null>();
  readonly state = new Map<string, ResourceState>();
  readonly resNode = new Map<string, string | null>();
  readonly faults = new Map<string, Faults>();
  readonly groupPersistent = new Map<string, 'online' | 'offline'>();
  readonly resPersistent = new Map<string, 'online' | 'offline'>();
  quorum = true;
  witnessUp = true;
  /** Calls that never return (§4.3, §4.8), kept until their monitor's recycle is due. */
  hangs: Hang[] = [];
  /** Resources with a monitor of their own: SeparateMonitor = 1, or recycled for their own hang (§4.3). */
  readonly separate = new Set<string>();
  /**
   * Groups on their way to another node (§4.5 steps, §4.8 "a group already moving"): from a failover's
   * start, or from an Offline call into a resource whose persistent state stays online (only a move
   * makes one: an administrator offline sets the persistent state first), until the group changes
   * owner, comes back online where it is (a cancelled move), or quorum is lost.
   */
  readonly moving = new Set<string>();

  constructor(readonly sc: Scenario) {
    for (const n of sc.nodes) {
      this.node.set(n.name, n);
      this.nodeState.set(n.name, n.state);
    }
    // §4.7 at formation: the Up nodes with NodeWeight 1 vote, plus the witness when |V| is even (or
    // always, without dynamic quorum); with no vote at all there is no majority to form.
    const v = sc.nodes.filter((n) => n.state === 'Up' && n.properties.NodeWeight === 1).length;
    this.quorum = v > 0 || sc.cluster.quorum.witness !== 'none';
    for (const g of sc.groups) {
      this.group.set(g.name, g);
      this.owner.set(g.name, initialOwner(sc, g));
      this.groupPersistent.set(g.name, g.persistentState);
      const used = new Set<string>();
      for (const r of g.resources) {
        this.res.set(r.name, r);
        this.state.set(r.name, 'Offline');
        this.resNode.set(r.name, this.owner.get(g.name) ?? null);
        this.faults.set(r.name, healthy());
        // A group's persistent state is its resources' too until one is set on its own (§1, §2).
        this.resPersistent.set(r.name, g.persistentState);
        if (r.properties.SeparateMonitor === 1) this.separate.add(r.name);
        for (const p of new Set(r.dependsOn.flat())) {
          used.add(p);
          this.dependents.set(p, [...(this.dependents.get(p) ?? []), r.name]);
        }
      }
      this.topLevel.set(
        g.name,
        g.resources.filter((r) => !used.has(r.name)).map((r) => r.name),
      );
    }
  }

  groupOf(r: string): GroupSpec {
    return this.group.get(this.res.get(r)!.group)!;
  }

  providersMet(r: string): boolean {
    return depsMet(this.res.get(r)!.dependsOn, (p) => this.state.get(p) === 'Online');
  }

  /** The resource and, transitively, every resource it depends on (or that depends on it). */
  closure(r: string, way: 'providers' | 'dependents'): Set<string> {
    const out = new Set<string>([r]);
    const group = this.groupOf(r).resources;
    const next = (x: string) =>
      way === 'providers'
        ? this.res.get(x)!.dependsOn.flat()
        : group.filter((y) => y.dependsOn.some((set) => set.includes(x))).map((y) => y.name);
    const todo = [r];
    while (todo.length)
      for (const y of next(todo.pop()!)) {
        if (out.has(y)) continue;
        out.add(y);
        todo.push(y);
      }
    return out;
  }

  /** Persistent state of one resource: its own, within its group's. */
  persistentOnline(r: string): boolean {
    return this.groupPersistent.get(this.res.get(r)!.group) === 'online' && this.resPersistent.get(r) === 'online';
  }

  /** A node the cluster counts as a member: Up or Paused (a crashed node is Up until detected). */
  isMember(n: string): boolean {
    const s = this.nodeState.get(n);
    return s === 'Up' || s === 'Paused';
  }

  /** wsfc-semantics §7.1 precedence (MS-CMRP ApiGetGroupState), over the group's resources. */
  derivedGroupState(g: string): GroupState {
    const spec = this.group.get(g)!;
    const states = spec.resources.map((r) => this.state.get(r.name)!);
    if (states.includes('Failed')) return 'Failed';
    if (states.includes('OnlinePending') || states.includes('OfflinePending')) return 'Pending';
    const top = this.topLevel.get(g)!.map((r) => this.state.get(r)!);
    const online = top.filter((s) => s === 'Online').length;
    if (top.length > 0 && online === top.length) return 'Online';
    if (online > 0) return 'PartialOnline';
    return 'Offline';
  }

  /** Bring the model up to date with one event (the checks run before and after this). */
  apply(e: Ev): void {
    this.t = e.t;
    switch (e.type) {
      case 'resource.state':
        this.state.set(e.resource, e.to);
        this.resNode.set(e.resource, e.node);
        if (e.to === 'OnlinePending') this.moving.delete(e.group);
        break;
      case 'call':
        if (e.call === 'Offline' && this.persistentOnline(e.resource)) this.moving.add(this.res.get(e.resource)!.group);
        break;
      case 'node.state':
        this.nodeState.set(e.node, e.to);
        if (e.to === 'Down') this.crashedAt.delete(e.node);
        break;
      case 'group.owner':
        this.owner.set(e.group, e.to);
        this.moving.delete(e.group);
        break;
      case 'policy':
        if (e.rule === 'FailoverStarted') this.moving.add(e.subject);
        if (e.rule === 'QuorumLost') {
          this.quorum = false;
          this.moving.clear();
        }
        if (e.rule === 'QuorumRegained') this.quorum = true;
        break;
      case 'action':
        this.applyAction(e.action);
        break;
      default:
        break;
    }
  }

  private applyAction(a: Extract<Ev, { type: 'action' }>['action']): void {
    switch (a.action) {
      case 'crashNode':
        if (this.nodeState.get(a.node) !== 'Down' && !this.crashedAt.has(a.node)) this.crashedAt.set(a.node, this.t);
        break;
      case 'setHealth': {
        const f = this.faults.get(a.resource)!;
        if (a.looksAlive) f.looksAlive = a.looksAlive;
        if (a.isAlive) f.isAlive = a.isAlive;
        break;
      }
      case 'setOnline':
        this.faults.get(a.resource)!.online = a.result;
        break;
      case 'setOffline':
        this.faults.get(a.resource)!.offline = a.result;
        break;
      case 'heal':
        this.faults.set(a.resource, healthy());
        break;
      case 'onlineGroup':
        this.groupPersistent.set(a.group, 'online');
        for (const r of this.group.get(a.group)!.resources) this.resPersistent.set(r.name, 'online');
        break;
      case 'offlineGroup':
        this.groupPersistent.set(a.group, 'offline');
        break;
      case 'onlineResource':
        // Start-ClusterResource brings the providers it needs online with it (and they stay so);
        // Stop-ClusterResource takes its dependents offline with it (wsfc-semantics, §2 "likewise").
        for (const r of this.closure(a.resource, 'providers')) this.resPersistent.set(r, 'online');
        this.groupPersistent.set(this.res.get(a.resource)!.group, 'online');
        break;
      case 'offlineResource':
        for (const r of this.closure(a.resource, 'dependents')) this.resPersistent.set(r, 'offline');
        break;
      case 'failWitness':
        this.witnessUp = false;
        break;
      case 'restoreWitness':
        this.witnessUp = true;
        break;
      default:
        break;
    }
  }
}
