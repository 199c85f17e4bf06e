/**
 * A tiny stand-in for the engine with the same `Simulation` interface: enough behaviour (crash →
 * detection → failover, IsAlive hang → recycle, refusals) to drive the UI in component tests.
 */
import type {
  AppliedAction,
  ApplyResult,
  Simulation,
  Action,
  Scenario,
  ValidationResult,
  TraceEvent,
  ActionCheck,
  ClusterView,
  GroupView,
  NodeView,
  ResourceView,
  TimerView,
} from '../../engine';
import type { EngineApi } from '../../store/types';
import { frameOfView } from '../../engine';
import { makeScenario } from './fixtures';

interface Scheduled {
  t: number;
  run: () => void;
  timer: TimerView;
}

export function createFakeSimulation(scenario: Scenario): Simulation {
  let now = 0;
  const events: TraceEvent[] = [];
  const listeners = new Set<(e: TraceEvent) => void>();
  const applied: AppliedAction[] = [];
  const queue: Scheduled[] = [];
  const nodes: NodeView[] = scenario.nodes.map((n) => ({
    name: n.name,
    id: n.id,
    state: 'Up',
    crashedUndetected: null,
    vote: 1,
    nodeWeight: 1,
    drainedGroups: [],
    machine: ['Up'],
    site: null,
    service: 'running' as const,
  }));
  const groups: GroupView[] = scenario.groups.map((g) => ({
    name: g.name,
    state: 'Online',
    owner: scenario.nodes[0]!.name,
    persistentState: 'online',
    priority: 2000,
    failovers: { count: 0, threshold: 2, windowEndsAt: null, times: [] },
    activity: 'idle',
    resources: g.resources.map((r) => r.name),
    machine: ['placement.placed', 'failback.idle'],
  }));
  const resources: ResourceView[] = scenario.groups.flatMap((g) =>
    g.resources.map((r): ResourceView => ({
      name: r.name,
      group: g.name,
      type: r.type,
      state: 'Online',
      node: scenario.nodes[0]!.name,
      persistentState: 'online',
      restarts: { count: 0, threshold: r.properties.RestartThreshold, windowEndsAt: null },
      faults: { looksAlive: 'ok', isAlive: 'ok', online: 'ok', offline: 'ok' },
      monitor: 'shared',
      onlineSince: 0,
      nextLooksAlive: 5000,
      nextIsAlive: 60000,
      hungCall: null,
      gaveUp: false,
      machine: ['Online.health.healthy', 'Online.wish.stay'],
    })),
  );
  const emit = (e: TraceEvent) => {
    events.push(e);
    listeners.forEach((l) => l(e));
  };
  const schedule = (delay: number, timer: Omit<TimerView, 'armedAt' | 'deadline'>, run: () => void) => {
    queue.push({ t: now + delay, run, timer: { ...timer, armedAt: now, deadline: now + delay } });
    queue.sort((a, b) => a.t - b.t);
  };
  const node = (name: string) => nodes.find((n) => n.name === name)!;
  const script = scenario.script.slice();

  const check = (a: Action): ActionCheck => {
    if (a.action === 'crashNode' && node(a.node).state === 'Down')
      return { allowed: false, reason: `node "${a.node}" is Down` };
    if (a.action === 'startNode' && node(a.node).state !== 'Down')
      return { allowed: false, reason: `node "${a.node}" is not Down` };
    if (a.action === 'moveGroup' && a.node && node(a.node).state !== 'Up')
      return { allowed: false, reason: `node "${a.node}" is not Up` };
    return { allowed: true };
  };

  const doApply = (a: Action) => {
    emit({ t: now, type: 'action', action: a, reason: 'user action' });
    if (a.action === 'crashNode') {
      const n = node(a.node);
      n.crashedUndetected = { crashedAt: now, detectAt: now + 10_000 };
      schedule(10_000, { kind: 'nodeDetection', subject: n.name, label: 'heartbeat loss 10 s' }, () => {
        n.crashedUndetected = null;
        n.state = 'Down';
        emit({ t: now, type: 'node.state', node: n.name, from: 'Up', to: 'Down', reason: 'missed 10 heartbeats' });
        for (const g of groups.filter((x) => x.owner === n.name)) {
          const target = nodes.find((x) => x.state === 'Up')!.name;
          g.owner = target;
          g.failovers.count++;
          resources.filter((r) => r.group === g.name).forEach((r) => (r.node = target));
          emit({
            t: now,
            type: 'group.owner',
            group: g.name,
            from: n.name,
            to: target,
            cause: 'failover',
            reason: `owner ${n.name} lost; next preferred owner`,
          });
        }
      });
    } else if (a.action === 'setHealth' && a.isAlive === 'hang') {
      const r = resources.find((x) => x.name === a.resource)!;
      r.faults.isAlive = 'hang';
      r.hungCall = { call: 'IsAlive', since: now, node: r.node ?? '' };
      schedule(300_000, { kind: 'deadlock', subject: r.name, label: 'DeadlockTimeout 5 min' }, () => {
        r.hungCall = null;
        emit({
          t: now,
          type: 'rhs.recycle',
          node: r.node ?? '',
          resources: [r.name],
          reason: 'IsAlive hung for DeadlockTimeout',
        });
      });
    } else if (a.action === 'failResource') {
      const r = resources.find((x) => x.name === a.resource)!;
      emit({
        t: now,
        type: 'resource.state',
        resource: r.name,
        group: r.group,
        node: r.node,
        from: r.state,
        to: 'Failed',
        reason: 'simulated failure',
      });
      r.state = 'Failed';
    }
  };

  const view = (): ClusterView => ({
    t: now,
    localTime: new Date(now).toISOString().slice(11, 19),
    quorum: { hasQuorum: true, witness: { kind: 'none', up: false, vote: 0 }, votes: 3, total: 3, dynamic: true },
    nodes: structuredClone(nodes),
    groups: structuredClone(groups),
    resources: structuredClone(resources),
    timers: queue.map((q) => q.timer),
    functionalLevel: null,
    network: null,
  });

  return {
    snapshot() {
      throw new Error('the fake simulation has no snapshot');
    },
    scenario,
    now: () => now,
    advanceTo(t) {
      for (;;) {
        const nextQ = queue[0]?.t ?? Infinity;
        const nextS = script[0]?.at ?? Infinity;
        const next = Math.min(nextQ, nextS);
        if (next > t) break;
        now = next;
        if (nextQ <= nextS) queue.shift()!.run();
        else doApply(script.shift()!);
      }
      now = Math.max(now, t);
    },
    nextEventTime: () => {
      const n = Math.min(queue[0]?.t ?? Infinity, script[0]?.at ?? Infinity);
      return n === Infinity ? null : n;
    },
    check,
    apply(a): ApplyResult {
      const c = check(a);
      if (!c.allowed) {
        emit({ t: now, type: 'action.rejected', action: a, reason: c.reason });
        return { applied: false, reason: c.reason };
      }
      applied.push({ at: now, action: a });
      doApply(a);
      return { applied: true };
    },
    appliedActions: () => applied,
    view,
    frameView: () => frameOfView(view()),
    final: () => {
      throw new Error('not in the fake');
    },
    events: () => events,
    eventCount: () => events.length,
    eventsSince: (from: number) => events.slice(from),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** The fake engine: validates `{format: 'failover-scenario@1'}` to makeScenario(), anything else fails. */
export const fakeEngine: EngineApi = {
  createSimulation: (s) => createFakeSimulation(s),
  validateScenario(json): ValidationResult {
    const r = json as { format?: unknown; name?: unknown };
    if (typeof r !== 'object' || r === null || r.format !== 'failover-scenario@1') {
      return { ok: false, errors: [{ path: 'format', message: 'format must be "failover-scenario@1"' }] };
    }
    const s = makeScenario();
    if (typeof r.name === 'string') s.name = r.name;
    return { ok: true, scenario: s };
  },
};
