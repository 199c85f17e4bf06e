/** Hand-built, defaults-applied scenarios for UI tests (the real validator is not needed here). */
import type { GroupSpec, NodeSpec, ResourceSpec, Scenario } from '../../engine';

export const RESOURCE_DEFAULTS: ResourceSpec['properties'] = {
  RestartAction: 2,
  RestartThreshold: 1,
  RestartPeriod: 900_000,
  RestartDelay: 500,
  RetryPeriodOnFailure: 3_600_000,
  PendingTimeout: 180_000,
  DeadlockTimeout: 300_000,
  LooksAlivePollInterval: 5000,
  IsAlivePollInterval: 60_000,
  SeparateMonitor: 0,
};

export function makeScenario(): Scenario {
  const nodes: NodeSpec[] = ['SQL-A', 'SQL-B', 'SQL-C'].map((name, i) => ({
    name,
    id: i + 1,
    state: 'Up',
    properties: { NodeWeight: 1 },
    behavior: { joinMs: 5000 },
    explicit: [],
  }));
  const res = (name: string, index: number, dependsOn: string[][], explicit: string[] = []): ResourceSpec => ({
    name,
    type: 'Generic',
    group: 'SQL',
    index,
    dependsOn,
    possibleOwners: [],
    properties: { ...RESOURCE_DEFAULTS },
    behavior: { onlineMs: 1000, offlineMs: 500 },
    explicit,
  });
  const group: GroupSpec = {
    name: 'SQL',
    index: 0,
    ownerNode: null,
    preferredOwners: ['SQL-A', 'SQL-B'],
    persistentState: 'online',
    properties: {
      FailoverThreshold: 4294967295,
      FailoverPeriod: 6,
      AutoFailbackType: 0,
      FailbackWindowStart: -1,
      FailbackWindowEnd: -1,
      Priority: 2000,
      AntiAffinityClassNames: [],
    },
    resources: [
      res('Disk', 0, []),
      res('IP1', 1, []),
      res('IP2', 2, []),
      res('Name', 3, [['IP1', 'IP2']]),
      {
        ...res('SQL Server', 4, [['Name'], ['Disk']], ['RestartThreshold']),
        properties: { ...RESOURCE_DEFAULTS, RestartThreshold: 3 },
      },
    ],
    explicit: ['FailoverPeriod'],
  };
  return {
    format: 'failover-scenario@1',
    name: 'Test cluster',
    description: '',
    seed: 1,
    until: 600_000,
    cluster: {
      startTime: '00:00',
      startTimeMs: 0,
      properties: { SameSubnetDelay: 1000, SameSubnetThreshold: 10, CrossSubnetDelay: 1000, CrossSubnetThreshold: 20 },
      quorum: { witness: 'none', DynamicQuorum: 1 },
      explicit: [],
    },
    nodes,
    groups: [group],
    script: [],
  };
}

/** Raw JSON that the fake validator accepts (it ignores contents and returns makeScenario()). */
export const VALID_SOURCE = { format: 'failover-scenario@1', name: 'Test cluster' };
