/**
 * Hand-made traces, written from the contract alone, for testing the checker itself: a correct
 * trace per scenario, and helpers to break one rule at a time.
 */
import { validateScenario, type Scenario, type Trace, type TraceEvent } from '../index';

type Fields = Record<string, unknown>;
const e = (t: number, type: string, fields: Fields = {}): TraceEvent =>
  ({ t, type, reason: 'hand-made', ...fields }) as TraceEvent;
const rs = (t: number, resource: string, node: string, from: string, to: string, group = 'G') =>
  e(t, 'resource.state', { resource, group, node, from, to });
const call = (t: number, resource: string, node: string, c: string, result: string) =>
  e(t, 'call', { resource, node, call: c, result });
const gs = (t: number, from: string, to: string, group = 'G') => e(t, 'group.state', { group, from, to });

function valid(json: unknown): Scenario {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

/**
 * Three nodes, G = Disk ← App on N1; N1 crashes at 5000, is detected at 15000 (1000 × 10), the
 * group fails over to N2 (next in the walk N1, N2, N3), dynamic quorum drops N3's vote.
 */
export function failoverCase(): { scenario: Scenario; trace: Trace } {
  const scenario = valid({
    format: 'failover-scenario@1',
    name: 'hand failover',
    until: 20000,
    nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
    groups: [
      {
        name: 'G',
        ownerNode: 'N1',
        preferredOwners: ['N1', 'N2'],
        resources: [
          { name: 'Disk', behavior: { onlineMs: 1000, offlineMs: 500 } },
          { name: 'App', dependsOn: ['Disk'], behavior: { onlineMs: 1000, offlineMs: 500 } },
        ],
      },
    ],
    script: [{ at: 5000, action: 'crashNode', node: 'N1' }],
  });
  const events: TraceEvent[] = [
    rs(0, 'Disk', 'N1', 'Offline', 'OnlinePending'),
    call(0, 'Disk', 'N1', 'Online', 'pending'),
    gs(0, 'Offline', 'Pending'),
    rs(1000, 'Disk', 'N1', 'OnlinePending', 'Online'),
    rs(1000, 'App', 'N1', 'Offline', 'OnlinePending'),
    call(1000, 'App', 'N1', 'Online', 'pending'),
    rs(2000, 'App', 'N1', 'OnlinePending', 'Online'),
    gs(2000, 'Pending', 'Online'),
    e(5000, 'action', { action: { at: 5000, action: 'crashNode', node: 'N1' } }),
    e(15000, 'node.state', { node: 'N1', from: 'Up', to: 'Down' }),
    e(15000, 'quorum.vote', { voter: 'N1', from: 1, to: 0 }),
    e(15000, 'quorum.vote', { voter: 'N3', from: 1, to: 0 }),
    rs(15000, 'App', 'N1', 'Online', 'Offline'),
    rs(15000, 'Disk', 'N1', 'Online', 'Offline'),
    e(15000, 'policy', { rule: 'FailoverStarted', subject: 'G', detail: '' }),
    e(15000, 'group.owner', { group: 'G', from: 'N1', to: 'N2', cause: 'failover' }),
    rs(15000, 'Disk', 'N2', 'Offline', 'OnlinePending'),
    call(15000, 'Disk', 'N2', 'Online', 'pending'),
    gs(15000, 'Online', 'Pending'),
    rs(16000, 'Disk', 'N2', 'OnlinePending', 'Online'),
    rs(16000, 'App', 'N2', 'Offline', 'OnlinePending'),
    call(16000, 'App', 'N2', 'Online', 'pending'),
    rs(17000, 'App', 'N2', 'OnlinePending', 'Online'),
    gs(17000, 'Pending', 'Online'),
  ];
  const trace: Trace = {
    format: 'failover-trace@1',
    scenario: 'hand failover',
    until: 20000,
    events,
    final: {
      t: 20000,
      quorum: true,
      nodes: { N1: { state: 'Down' }, N2: { state: 'Up' }, N3: { state: 'Up' } },
      groups: { G: { state: 'Online', owner: 'N2', failoverCount: 1 } },
      resources: {
        Disk: { state: 'Online', node: 'N2', restartCount: 0 },
        App: { state: 'Online', node: 'N2', restartCount: 0 },
      },
    },
  };
  return { scenario, trace };
}

/**
 * One node, R Online at 1000 on N1; IsAlive answers hang from 2000: the IsAlive due at 11000
 * (coinciding with a healthy LooksAlive) hangs, the shared monitor is recycled at 16000
 * (DeadlockTimeout 5000), R restarts 500 ms later (restart 1 of RestartThreshold 1).
 */
export function hangCase(): { scenario: Scenario; trace: Trace } {
  const scenario = valid({
    format: 'failover-scenario@1',
    name: 'hand hang',
    until: 25000,
    nodes: [{ name: 'N1' }],
    groups: [
      {
        name: 'G',
        resources: [
          {
            name: 'R',
            properties: { DeadlockTimeout: 5000, IsAlivePollInterval: 10000, LooksAlivePollInterval: 5000 },
            behavior: { onlineMs: 1000, offlineMs: 500 },
          },
        ],
      },
    ],
    script: [{ at: 2000, action: 'setHealth', resource: 'R', isAlive: 'hang' }],
  });
  const events: TraceEvent[] = [
    rs(0, 'R', 'N1', 'Offline', 'OnlinePending'),
    call(0, 'R', 'N1', 'Online', 'pending'),
    gs(0, 'Offline', 'Pending'),
    rs(1000, 'R', 'N1', 'OnlinePending', 'Online'),
    gs(1000, 'Pending', 'Online'),
    e(2000, 'action', { action: { at: 2000, action: 'setHealth', resource: 'R', isAlive: 'hang' } }),
    call(11000, 'R', 'N1', 'IsAlive', 'hang'),
    e(16000, 'rhs.recycle', { node: 'N1', resources: ['R'] }),
    rs(16000, 'R', 'N1', 'Online', 'Failed'),
    call(16000, 'R', 'N1', 'Terminate', 'ok'),
    gs(16000, 'Online', 'Failed'),
    rs(16500, 'R', 'N1', 'Failed', 'OnlinePending'),
    call(16500, 'R', 'N1', 'Online', 'pending'),
    gs(16500, 'Failed', 'Pending'),
    rs(17500, 'R', 'N1', 'OnlinePending', 'Online'),
    gs(17500, 'Pending', 'Online'),
  ];
  const trace: Trace = {
    format: 'failover-trace@1',
    scenario: 'hand hang',
    until: 25000,
    events,
    final: {
      t: 25000,
      quorum: true,
      nodes: { N1: { state: 'Up' } },
      groups: { G: { state: 'Online', owner: 'N1', failoverCount: 0 } },
      resources: { R: { state: 'Online', node: 'N1', restartCount: 1 } },
    },
  };
  return { scenario, trace };
}

/** A copy of the trace with the events edited. */
export function edit(trace: Trace, f: (events: TraceEvent[]) => void): Trace {
  const copy = structuredClone(trace);
  f(copy.events);
  return copy;
}

/** Index of the first event matching all the given fields. */
export function find(events: readonly TraceEvent[], fields: Fields): number {
  const i = events.findIndex((x) => Object.entries(fields).every(([k, v]) => (x as unknown as Fields)[k] === v));
  if (i < 0) throw new Error('no event ' + JSON.stringify(fields));
  return i;
}
