/**
 * The view for a consumer that redraws every frame (the browser, 60 times a second at 1,000×).
 * At WSFC's maximum (8,000 roles, 16,000 resources) building the whole view each frame costs more
 * than a frame, although few entities change in one: so nodes, groups, quorum and timers that did
 * not change keep their objects (consumers compare by identity), and resources, whose poll
 * countdowns move every frame while almost none is on screen, are built when asked for.
 */
import { networkView } from '../network/view';
import type { Engine } from './engine';
import type { GroupRt } from './runtime';
import type { ClusterView, FrameView, GroupView, NodeView, ResourceView, TimerView } from '../model/view';
import { formatLocalTime } from '../policies/failbackWindow';
import { groupActivity, groupView, nodeView, quorumView, resourceView, timersView } from './viewParts';

export class FrameViews {
  private prev: FrameView | null = null;
  private eventCount = 0;
  /** Indices of groups whose view depends on time (counted failovers in the window). */
  private windowed: number[] = [];
  private groupIndex: Map<GroupRt, number> | null = null;
  private groupByName: Map<string, number> | null = null;

  constructor(private readonly e: Engine) {}

  frame(): FrameView {
    const e = this.e;
    const t = e.now();
    const prev = this.prev;
    const nodes = reuseList(
      prev?.nodes,
      e.nodes.map((n) => nodeView(e, n, t)),
      sameNode,
    );
    // Copied only once a group changed: most frames change none of 8,000. A group changes only in
    // a step that traced something (a state, an owner, a decision) about it or its resources;
    // between such steps only the failover windows move with time, so only groups with counted
    // failovers are looked at then. A step that traced anything wider (a node, quorum, an action)
    // looks at every group.
    const quiet = prev !== null && e.events.length === this.eventCount;
    const named = prev === null || quiet ? null : this.groupsNamedSince(this.eventCount);
    this.eventCount = e.events.length;
    let groups: GroupView[] | null = prev ? null : [];
    const look = quiet ? this.windowed : named ? [...new Set([...named, ...this.windowed])] : e.groups.map((_, i) => i);
    const windowed: number[] = [];
    for (const i of look) {
      const g = e.groups[i]!;
      const old = prev?.groups[i];
      // Quiet, a counted failover's window moves only when the oldest one ages out (windowEndsAt):
      // until then the group's view stands (125 groups after a node's crash at WSFC's maximum).
      if (quiet && old && windowHolds(old.failovers, t)) {
        windowed.push(i);
        continue;
      }
      const next = this.group(g, t, old);
      if (next.failovers.times.length || g.snap.context.failoverTimes.length) windowed.push(i);
      if (next === old) continue;
      groups ??= prev ? prev.groups.slice() : [];
      groups[i] = next;
    }
    this.windowed = windowed;
    const quorum = quorumView(e);
    const network = networkView(e);
    const timers = reuseList(prev?.timers, timersView(e), sameTimer);
    const built = new Map<string, ResourceView>();
    const frame: FrameView = {
      t,
      localTime: formatLocalTime(e.scenario.cluster.startTimeMs, t),
      quorum: prev && JSON.stringify(prev.quorum) === JSON.stringify(quorum) ? prev.quorum : quorum,
      nodes,
      groups: groups ?? prev!.groups,
      timers,
      functionalLevel: e.scenario.cluster.functionalLevel ?? null,
      // Small (networks × nodes): rebuilt each frame, kept when unchanged so memoised parts skip.
      network: prev && JSON.stringify(prev.network) === JSON.stringify(network) ? prev.network : network,
      resource(name: string): ResourceView | undefined {
        const hit = built.get(name);
        if (hit) return hit;
        const r = e.resourceByName.get(name);
        if (!r) return undefined;
        // Built at the time of the frame; a frame is read before the simulation moves on.
        const v = resourceView(e, r, t);
        built.set(name, v);
        return v;
      },
    };
    this.prev = frame;
    return frame;
  }

  /**
   * The indices of the groups the events from `from` on are about (by group, or by a resource of
   * it), or null when one of them may concern any group: a node's or the quorum's change, an action.
   */
  private groupsNamedSince(from: number): number[] | null {
    const e = this.e;
    this.groupIndex ??= new Map(e.groups.map((g, i) => [g, i]));
    const byName = (this.groupByName ??= new Map(e.groups.map((g, i) => [g.spec.name, i])));
    const out: number[] = [];
    const ofResource = (name: string) => {
      const r = e.resourceByName.get(name);
      return r ? this.groupIndex!.get(r.group) : undefined;
    };
    for (let k = from; k < e.events.length; k++) {
      const ev = e.events[k]!;
      let i: number | undefined;
      if (ev.type === 'group.state' || ev.type === 'group.owner') i = byName.get(ev.group);
      else if (ev.type === 'resource.state' || ev.type === 'call') i = ofResource(ev.resource);
      else if (ev.type === 'policy') i = byName.get(ev.subject) ?? ofResource(ev.subject);
      else if (ev.type === 'action') {
        // An action on one resource or group (a health script, online/offline, a move).
        const a = ev.action as { resource?: unknown; group?: unknown };
        if (typeof a.resource === 'string') i = ofResource(a.resource);
        else if (typeof a.group === 'string') i = byName.get(a.group);
      }
      if (i === undefined) return null;
      out.push(i);
    }
    return out;
  }

  /** The group's view: the previous object when nothing it shows has changed (its spec never does). */
  private group(g: GroupRt, t: number, old: GroupView | undefined): GroupView {
    const e = this.e;
    const activity = groupActivity(e, g);
    const same =
      old !== undefined &&
      old.state === g.lastState &&
      old.owner === g.owner &&
      old.persistentState === g.persistent &&
      old.activity === activity;
    // Without counted failovers the window part is constant; with them it moves with time.
    if (same && g.snap.context.failoverTimes.length === 0 && old.failovers.times.length === 0) return old;
    const fresh = groupView(e, g, t);
    return same && sameFailovers(old.failovers, fresh.failovers) ? old : fresh;
  }
}

function reuseList<T>(prev: T[] | undefined, next: T[], same: (a: T, b: T) => boolean): T[] {
  if (!prev) return next;
  let all = prev.length === next.length;
  const out = next.map((x, i) => {
    const p = prev[i];
    if (p !== undefined && same(p, x)) return p;
    all = false;
    return x;
  });
  return all ? prev : out;
}

const sameNode = (a: NodeView, b: NodeView) =>
  a.name === b.name &&
  a.state === b.state &&
  a.vote === b.vote &&
  a.nodeWeight === b.nodeWeight &&
  a.site === b.site &&
  a.service === b.service &&
  a.crashedUndetected?.crashedAt === b.crashedUndetected?.crashedAt &&
  a.crashedUndetected?.detectAt === b.crashedUndetected?.detectAt &&
  a.drainedGroups.join('\u0000') === b.drainedGroups.join('\u0000') &&
  a.drainedGroups.length === b.drainedGroups.length;

const sameTimer = (a: TimerView, b: TimerView) =>
  a.kind === b.kind &&
  a.subject === b.subject &&
  a.armedAt === b.armedAt &&
  a.deadline === b.deadline &&
  a.label === b.label;

/** Do the counted failovers stay as they are at `t`, with no new failover? (windows.ts: the count drops after windowEndsAt) */
const windowHolds = (f: GroupView['failovers'], t: number) =>
  f.windowEndsAt === null ? f.times.length === 0 : t < f.windowEndsAt;

const sameFailovers = (a: GroupView['failovers'], b: GroupView['failovers']) =>
  a.count === b.count &&
  a.threshold === b.threshold &&
  a.windowEndsAt === b.windowEndsAt &&
  a.times.length === b.times.length &&
  a.times.every((x, i) => x === b.times[i]);

/** A frame over a view already built (stand-ins, recorded frames): resources looked up by name. */
export function frameOfView(view: ClusterView): FrameView {
  const byName = new Map(view.resources.map((r) => [r.name, r]));
  const { resources: _all, ...rest } = view;
  return { ...rest, resource: (name) => byName.get(name) };
}
