/** Defaults applied exactly (contract §1), explicit lists, and the bundled example scenarios. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario';
import { parseScenarioText } from './index';
import { baseScenario, scenarioOf } from './testkit';

describe('defaults', () => {
  it('a file with only "format" is the empty scenario with every default', () => {
    expect(scenarioOf({ format: 'failover-scenario@1' })).toEqual({
      format: 'failover-scenario@1',
      name: 'Untitled scenario',
      description: '',
      seed: 1,
      until: 3600000,
      cluster: {
        startTime: '00:00',
        startTimeMs: 0,
        properties: {
          SameSubnetDelay: 1000,
          SameSubnetThreshold: 10,
          CrossSubnetDelay: 1000,
          CrossSubnetThreshold: 20,
        },
        quorum: { witness: 'none', DynamicQuorum: 1 },
        explicit: [],
      },
      nodes: [],
      groups: [],
      script: [],
    } satisfies Scenario);
  });

  it('nodes, groups and resources get every default', () => {
    const s = scenarioOf({
      format: 'failover-scenario@1',
      nodes: [{ name: 'A' }, { name: 'B' }],
      groups: [
        { name: 'G1' },
        { name: 'G2', resources: [{ name: 'R1' }, { name: 'R2', type: 'SQL Server' }, { name: 'R3', type: 'Exotic' }] },
      ],
    });
    expect(s.nodes).toEqual([
      { name: 'A', id: 1, state: 'Up', properties: { NodeWeight: 1 }, behavior: { joinMs: 5000 }, explicit: [] },
      { name: 'B', id: 2, state: 'Up', properties: { NodeWeight: 1 }, behavior: { joinMs: 5000 }, explicit: [] },
    ]);
    const groupDefaults = {
      ownerNode: null,
      preferredOwners: [],
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
      explicit: [],
    };
    expect(s.groups[0]).toEqual({ name: 'G1', index: 0, resources: [], ...groupDefaults });
    const resourceProperties = {
      RestartAction: 2,
      RestartThreshold: 1,
      RestartPeriod: 900000,
      RestartDelay: 500,
      RetryPeriodOnFailure: 3600000,
      PendingTimeout: 180000,
      DeadlockTimeout: 300000,
      LooksAlivePollInterval: 5000,
      IsAlivePollInterval: 60000,
      SeparateMonitor: 0,
    };
    expect(s.groups[1]!.resources).toEqual([
      {
        name: 'R1',
        type: 'Generic Application',
        group: 'G2',
        index: 0,
        dependsOn: [],
        possibleOwners: [],
        properties: resourceProperties,
        behavior: { onlineMs: 2000, offlineMs: 1000 },
        explicit: [],
      },
      {
        name: 'R2',
        type: 'SQL Server',
        group: 'G2',
        index: 1,
        dependsOn: [],
        possibleOwners: [],
        properties: resourceProperties,
        behavior: { onlineMs: 8000, offlineMs: 3000 },
        explicit: ['type'],
      },
      {
        name: 'R3',
        type: 'Exotic',
        group: 'G2',
        index: 2,
        dependsOn: [],
        possibleOwners: [],
        properties: resourceProperties,
        behavior: { onlineMs: 1000, offlineMs: 1000 },
        explicit: ['type'],
      },
    ]);
  });

  it('the default objects are not shared between elements', () => {
    const s = scenarioOf({ format: 'failover-scenario@1', groups: [{ name: 'G1' }, { name: 'G2' }] });
    expect(s.groups[0]!.properties.AntiAffinityClassNames).not.toBe(s.groups[1]!.properties.AntiAffinityClassNames);
    s.groups[0]!.properties.AntiAffinityClassNames.push('x');
    expect(s.groups[1]!.properties.AntiAffinityClassNames).toEqual([]);
  });

  it('until defaults to the last script action plus one hour, whatever the file order', () => {
    const s = baseScenario();
    s.script = [
      { at: 90000, action: 'failWitness' },
      { at: 30000, action: 'restoreWitness' },
    ];
    expect(scenarioOf(s).until).toBe(90000 + 3600000);
    s.until = 5;
    expect(scenarioOf(s).until).toBe(5);
  });

  it('a blank name is the default name; description and seed are kept', () => {
    expect(scenarioOf({ format: 'failover-scenario@1', name: ' ' }).name).toBe('Untitled scenario');
    const s = scenarioOf({ format: 'failover-scenario@1', name: 'X', description: 'd', seed: 0 });
    expect([s.name, s.description, s.seed]).toEqual(['X', 'd', 0]);
  });

  it('startTime fills startTimeMs', () => {
    const s = scenarioOf({ format: 'failover-scenario@1', cluster: { startTime: '23:59' } });
    expect(s.cluster.startTime).toBe('23:59');
    expect(s.cluster.startTimeMs).toBe((23 * 60 + 59) * 60000);
    expect(s.cluster.explicit).toEqual(['startTime']);
  });

  it("the poll intervals' 4294967295 sentinel means the default value", () => {
    const s = baseScenario();
    s.groups[0].resources[0].properties = {
      LooksAlivePollInterval: 4294967295,
      IsAlivePollInterval: 4294967295,
      RetryPeriodOnFailure: 4294967295,
    };
    s.groups[0].properties = { FailoverThreshold: 4294967295 };
    const out = scenarioOf(s);
    const p = out.groups[0]!.resources[0]!.properties;
    expect([p.LooksAlivePollInterval, p.IsAlivePollInterval, p.RetryPeriodOnFailure]).toEqual([
      5000, 60000, 4294967295,
    ]);
    expect(out.groups[0]!.properties.FailoverThreshold).toBe(4294967295);
    expect(out.groups[0]!.resources[0]!.explicit).toEqual([
      'type',
      'LooksAlivePollInterval',
      'IsAlivePollInterval',
      'RetryPeriodOnFailure',
    ]);
  });

  it('explicit lists exactly what the file set', () => {
    const out = scenarioOf({
      format: 'failover-scenario@1',
      cluster: {
        startTime: '01:30',
        properties: { SameSubnetThreshold: 20 },
        quorum: { witness: 'disk', DynamicQuorum: 0 },
      },
      nodes: [{ name: 'A', state: 'Down', properties: { NodeWeight: 0 }, behavior: { joinMs: 100 } }, { name: 'B' }],
      groups: [
        {
          name: 'G',
          ownerNode: 'B',
          preferredOwners: ['B', 'A'],
          persistentState: 'offline',
          properties: { Priority: 3000, AntiAffinityClassNames: ['sql'] },
          resources: [
            {
              name: 'R',
              type: 'IP Address',
              possibleOwners: ['A'],
              properties: { RestartAction: 1 },
              behavior: { onlineMs: 0 },
            },
            { name: 'S', dependsOn: '[R]' },
          ],
        },
      ],
    });
    expect(out.cluster.explicit).toEqual([
      'startTime',
      'SameSubnetThreshold',
      'quorum.witness',
      'quorum.DynamicQuorum',
    ]);
    expect(out.cluster.quorum).toEqual({ witness: 'disk', DynamicQuorum: 0 });
    expect(out.cluster.properties.SameSubnetThreshold).toBe(20);
    expect(out.nodes[0]).toEqual({
      name: 'A',
      id: 1,
      state: 'Down',
      properties: { NodeWeight: 0 },
      behavior: { joinMs: 100 },
      explicit: ['state', 'NodeWeight', 'behavior.joinMs'],
    });
    const g = out.groups[0]!;
    expect(g.explicit).toEqual([
      'ownerNode',
      'preferredOwners',
      'persistentState',
      'Priority',
      'AntiAffinityClassNames',
    ]);
    expect([
      g.ownerNode,
      g.preferredOwners,
      g.persistentState,
      g.properties.Priority,
      g.properties.AntiAffinityClassNames,
    ]).toEqual(['B', ['B', 'A'], 'offline', 3000, ['sql']]);
    expect(g.resources[0]!.explicit).toEqual(['type', 'possibleOwners', 'RestartAction', 'behavior.onlineMs']);
    expect(g.resources[0]!.behavior).toEqual({ onlineMs: 0, offlineMs: 200 });
    expect(g.resources[1]!.explicit).toEqual(['dependsOn']);
    expect(g.resources[1]!.dependsOn).toEqual([['R']]);
  });

  it('resource index runs across the whole scenario; dependsOn arrays are ANDs of singletons', () => {
    const out = scenarioOf(baseScenario());
    expect(out.groups.flatMap((g) => g.resources.map((r) => [r.group, r.index, r.name]))).toEqual([
      ['SQL', 0, 'SQL Disk'],
      ['SQL', 1, 'SQL IP'],
      ['SQL', 2, 'SQL Name'],
      ['SQL', 3, 'SQL Server'],
      ['App', 4, 'App Service'],
    ]);
    expect(out.groups[0]!.resources[2]!.dependsOn).toEqual([['SQL IP']]);
    expect(out.groups[0]!.resources[3]!.dependsOn).toEqual([['SQL Name'], ['SQL Disk']]);
  });
});

describe('bundled example scenarios', () => {
  const dir = join(__dirname, '..', '..', 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('there are some', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s validates', (file) => {
    const r = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    expect(r.scenario.nodes.length).toBeGreaterThan(0);
  });

  it('the OR dependency of the multi-site example is one OR set', () => {
    const r = parseScenarioText(readFileSync(join(dir, 'multi-site-file-server.json'), 'utf8'));
    expect(r.ok && r.scenario.groups[0]!.resources.find((x) => x.name === 'FS Name')?.dependsOn).toEqual([
      ['FS IP Site1', 'FS IP Site2'],
    ]);
  });
});
