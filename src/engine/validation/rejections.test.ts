/** One test (at least) per rejection class of contract §1: path and message, names included. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from './index';
import { baseScenario, issuesOf, onlyIssue } from './testkit';

describe('format', () => {
  it('is required', () => {
    const s = baseScenario();
    delete s.format;
    expect(onlyIssue(s)).toEqual({
      path: 'format',
      message: 'the scenario has no "format"; it must be "failover-scenario@1"',
    });
  });

  it('must be failover-scenario@1', () => {
    const s = baseScenario();
    s.format = 'failover-scenario@2';
    const issue = onlyIssue(s);
    expect(issue.path).toBe('format');
    expect(issue.message).toContain('"failover-scenario@2"');
    expect(issue.message).toContain('"failover-scenario@1"');
  });

  it('rejects a document that is not an object', () => {
    for (const doc of [null, [], 42, 'x', true, undefined]) {
      const issue = onlyIssue(doc);
      expect(issue.path).toBe('(root)');
      expect(issue.message).toContain('must be a JSON object');
    }
  });
});

describe('unknown keys', () => {
  it('at the top level, with did-you-mean', () => {
    const s = baseScenario();
    s.scirpt = [];
    expect(onlyIssue(s)).toEqual({
      path: 'scirpt',
      message: 'the scenario has unknown key "scirpt"; did you mean "script"?',
    });
  });

  it('in cluster, node, group, resource and script entry', () => {
    const s = baseScenario();
    s.cluster = { startTim: '01:00' };
    s.nodes[1].sate = 'Up';
    s.groups[0].resorces = [];
    s.groups[0].resources[2].dependOn = [];
    s.script[0].nodes = 'NODE1';
    const issues = issuesOf(s);
    // Document order: the keys added here come after the existing ones of their object.
    expect(issues).toEqual([
      { path: 'nodes[1].sate', message: 'node "NODE2" has unknown key "sate"; did you mean "state"?' },
      {
        path: 'groups[0].resources[2].dependOn',
        message: 'resource "SQL Name" has unknown key "dependOn"; did you mean "dependsOn"?',
      },
      { path: 'groups[0].resorces', message: 'group "SQL" has unknown key "resorces"; did you mean "resources"?' },
      {
        path: 'script[0].nodes',
        message:
          'script action "crashNode" at 60000 has unknown argument "nodes" (crashNode takes "node"); did you mean "node"?',
      },
      { path: 'cluster.startTim', message: 'the cluster has unknown key "startTim"; did you mean "startTime"?' },
    ]);
  });

  it('points a property written outside "properties" to where it belongs', () => {
    const s = baseScenario();
    s.groups[0].resources[0].RestartAction = 1;
    s.groups[0].resources[0].onlineMs = 1;
    s.groups[0].FailoverPeriod = 1;
    const messages = issuesOf(s).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual([
      'groups[0].resources[0].RestartAction: resource "SQL Disk" has unknown key "RestartAction"; "RestartAction" belongs inside "properties"',
      'groups[0].resources[0].onlineMs: resource "SQL Disk" has unknown key "onlineMs"; "onlineMs" belongs inside "behavior"',
      'groups[0].FailoverPeriod: group "SQL" has unknown key "FailoverPeriod"; "FailoverPeriod" belongs inside "properties"',
    ]);
  });

  it('writes keys that are not identifiers in brackets', () => {
    const s = baseScenario();
    s['my key'] = 1;
    expect(onlyIssue(s).path).toBe('["my key"]');
  });

  it('allows "ui" at the top level only and keeps it verbatim', () => {
    const s = baseScenario();
    const ui = { positions: { SQL: { x: 1, y: 2 } }, deep: [[[{}]]] };
    s.ui = ui;
    const r = validateScenario(s);
    expect(r.ok && r.scenario.ui).toBe(ui);
    s.groups[0].ui = {};
    expect(onlyIssue(s)).toEqual({ path: 'groups[0].ui', message: 'group "SQL" has unknown key "ui"' });
  });
});

describe('unknown property names', () => {
  it.each([
    [
      'cluster',
      (s: ReturnType<typeof baseScenario>) => (s.cluster = { properties: { SameSubnetDelai: 1000 } }),
      'cluster.properties.SameSubnetDelai',
      'the cluster has unknown property "SameSubnetDelai"; did you mean "SameSubnetDelay"?',
    ],
    [
      'quorum',
      (s: ReturnType<typeof baseScenario>) => (s.cluster = { quorum: { Witness: 'disk' } }),
      'cluster.quorum.Witness',
      'the cluster has unknown quorum setting "Witness"; did you mean "witness"?',
    ],
    [
      'node',
      (s: ReturnType<typeof baseScenario>) => (s.nodes[0].properties = { Nodeweight: 1 }),
      'nodes[0].properties.Nodeweight',
      'node "NODE1" has unknown property "Nodeweight"; did you mean "NodeWeight"?',
    ],
    [
      'group',
      (s: ReturnType<typeof baseScenario>) => (s.groups[0].properties = { FailoverThreshhold: 1 }),
      'groups[0].properties.FailoverThreshhold',
      'group "SQL" has unknown property "FailoverThreshhold"; did you mean "FailoverThreshold"?',
    ],
    [
      'resource',
      (s: ReturnType<typeof baseScenario>) => (s.groups[0].resources[3].properties = { RestartTreshold: 1 }),
      'groups[0].resources[3].properties.RestartTreshold',
      'resource "SQL Server" has unknown property "RestartTreshold"; did you mean "RestartThreshold"?',
    ],
    [
      'resource behavior',
      (s: ReturnType<typeof baseScenario>) => (s.groups[0].resources[0].behavior = { onlinems: 1 }),
      'groups[0].resources[0].behavior.onlinems',
      'resource "SQL Disk" has unknown behavior "onlinems"; did you mean "onlineMs"?',
    ],
  ])('%s', (_scope, edit, path, message) => {
    const s = baseScenario();
    edit(s);
    expect(onlyIssue(s)).toEqual({ path, message });
  });

  it('gives no suggestion when nothing is within edit distance 2', () => {
    const s = baseScenario();
    s.groups[0].properties = { Colour: 1 };
    expect(onlyIssue(s).message).toBe('group "SQL" has unknown property "Colour"');
  });
});

describe('property values', () => {
  const cases: [string, string, unknown, string][] = [
    // [scope path, name, value, fragment]
    [
      'group',
      'FailoverPeriod',
      '6h',
      'group "SQL" property "FailoverPeriod" must be an integer from 1 to 1193 hours, got "6h"',
    ],
    ['group', 'Priority', true, 'group "SQL" property "Priority" must be an integer from 0 to 4999, got true'],
    ['group', 'Priority', null, 'got null'],
    ['group', 'Priority', [2000], 'got an array'],
    [
      'group',
      'AntiAffinityClassNames',
      'SQL',
      'group "SQL" property "AntiAffinityClassNames" must be an array of strings, got "SQL"',
    ],
    ['group', 'AntiAffinityClassNames', ['a', 1], 'must be an array of strings, but item 1 is 1'],
    [
      'resource',
      'RestartThreshold',
      1.5,
      'resource "SQL Server" property "RestartThreshold" must be an integer from 0 to 4294967294, got 1.5 (not a whole number)',
    ],
  ];
  it.each(cases)('wrong type: %s %s = %j', (scope, name, value, fragment) => {
    const s = baseScenario();
    const path = scope === 'group' ? 'groups[0].properties' : 'groups[0].resources[3].properties';
    if (scope === 'group') s.groups[0].properties = { [name]: value };
    else s.groups[0].resources[3].properties = { [name]: value };
    const issue = onlyIssue(s);
    expect(issue.path).toBe(`${path}.${name}`);
    expect(issue.message).toContain(fragment);
  });

  it.each([
    ['FailoverPeriod', 1194, 'from 1 to 1193 hours, got 1194 (out of range)'],
    ['FailoverPeriod', 0, 'got 0 (out of range)'],
    ['Priority', 5000, 'from 0 to 4999, got 5000'],
    ['AutoFailbackType', 2, 'must be an integer, 0 or 1, got 2'],
    ['FailbackWindowStart', 24, 'from 0 to 23 (hour of the day), or -1 (no window: any time), got 24'],
    ['FailbackWindowEnd', -2, 'got -2 (out of range)'],
  ])('out of range (group): %s = %j', (name, value, fragment) => {
    const s = baseScenario();
    s.groups[0].properties = { [name]: value };
    const issue = onlyIssue(s);
    expect(issue.path).toBe(`groups[0].properties.${name}`);
    expect(issue.message).toContain(`group "SQL" property "${name}" must be`);
    expect(issue.message).toContain(fragment);
  });

  it.each([
    ['RestartAction', 3, 'from 0 to 2'],
    ['PendingTimeout', 9, 'from 10 to 4294967294 ms'],
    ['DeadlockTimeout', 999, 'from 1000 to 4294967294 ms'],
    ['LooksAlivePollInterval', 0, "from 10 to 4294967294 ms, or 4294967295 (use the resource type's value)"],
    ['SeparateMonitor', 2, '0 or 1'],
  ])('out of range (resource): %s = %j', (name, value, fragment) => {
    const s = baseScenario();
    s.groups[0].resources[3].properties = { [name]: value };
    const issue = onlyIssue(s);
    expect(issue.path).toBe(`groups[0].resources[3].properties.${name}`);
    expect(issue.message).toContain(`resource "SQL Server" property "${name}" must be`);
    expect(issue.message).toContain(fragment);
  });

  it('out of range (cluster and node)', () => {
    const s = baseScenario();
    s.cluster = {
      properties: { SameSubnetDelay: 100, CrossSubnetThreshold: 121 },
      quorum: { DynamicQuorum: 2, witness: 'Disk' },
    };
    s.nodes[2].properties = { NodeWeight: 2 };
    s.nodes[2].behavior = { joinMs: 'soon' };
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[2].properties.NodeWeight: node "NODE3" property "NodeWeight" must be an integer, 0 or 1, got 2 (out of range)',
      'nodes[2].behavior.joinMs: node "NODE3" behavior "joinMs" must be a non-negative whole number of milliseconds, got "soon"',
      'cluster.properties.SameSubnetDelay: the cluster property "SameSubnetDelay" must be an integer from 250 to 2000 ms, got 100 (out of range)',
      'cluster.properties.CrossSubnetThreshold: the cluster property "CrossSubnetThreshold" must be an integer from 3 to 120, got 121 (out of range)',
      'cluster.quorum.DynamicQuorum: the cluster quorum setting "DynamicQuorum" must be an integer, 0 or 1, got 2 (out of range)',
      'cluster.quorum.witness: the cluster quorum setting "witness" must be one of "none", "disk", "fileShare" or "cloud", got "Disk"; did you mean "disk"?',
    ]);
  });

  it('negative values are invalid (except -1 for the failback window)', () => {
    const s = baseScenario();
    s.groups[0].properties = { FailbackWindowStart: -1, FailbackWindowEnd: -1, FailoverThreshold: -1 };
    s.groups[0].resources[3].properties = { RestartDelay: -5, IsAlivePollInterval: -1 };
    s.groups[0].resources[3].behavior = { offlineMs: -1 };
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[0].resources[3].properties.RestartDelay: resource "SQL Server" property "RestartDelay" must be an integer from 0 to 4294967294 ms, got -5 (negative values are not allowed)',
      'groups[0].resources[3].properties.IsAlivePollInterval: resource "SQL Server" property "IsAlivePollInterval" must be an integer from 10 to 4294967294 ms, or 4294967295 (use the resource type\'s value), got -1 (negative values are not allowed; use 4294967295 for the default)',
      'groups[0].resources[3].behavior.offlineMs: resource "SQL Server" behavior "offlineMs" must be a non-negative whole number of milliseconds, got -1 (negative values are not allowed)',
      'groups[0].properties.FailoverThreshold: group "SQL" property "FailoverThreshold" must be an integer from 0 to 4294967294, or 4294967295 (the number of nodes minus 1), got -1 (negative values are not allowed)',
    ]);
  });

  it('4294967295 only where it is a documented sentinel', () => {
    const s = baseScenario();
    s.groups[0].properties = { FailoverThreshold: 4294967295, Priority: 4294967295 };
    s.groups[0].resources[3].properties = {
      RetryPeriodOnFailure: 4294967295,
      LooksAlivePollInterval: 4294967295,
      IsAlivePollInterval: 4294967295,
      RestartThreshold: 4294967295,
      PendingTimeout: 4294967295,
    };
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[0].resources[3].properties.RestartThreshold: resource "SQL Server" property "RestartThreshold" must be an integer from 0 to 4294967294, got 4294967295 (4294967295 is not a special value for RestartThreshold)',
      'groups[0].resources[3].properties.PendingTimeout: resource "SQL Server" property "PendingTimeout" must be an integer from 10 to 4294967294 ms, got 4294967295 (4294967295 is not a special value for PendingTimeout)',
      'groups[0].properties.Priority: group "SQL" property "Priority" must be an integer from 0 to 4999, got 4294967295 (4294967295 is not a special value for Priority)',
    ]);
  });

  it('rejects a properties value that is not an object', () => {
    const s = baseScenario();
    s.groups[0].resources[1].properties = [];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[1].properties',
      message: 'resource "SQL IP": "properties" must be an object, got an array',
    });
  });
});

describe('RetryPeriodOnFailure below RestartPeriod', () => {
  it('is rejected when both are set', () => {
    const s = baseScenario();
    s.groups[0].resources[3].properties = { RestartPeriod: 600000, RetryPeriodOnFailure: 300000 };
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].properties.RetryPeriodOnFailure',
      message:
        'resource "SQL Server" property "RetryPeriodOnFailure" is 300000, below RestartPeriod 600000; it must be at least RestartPeriod, or 4294967295 (never retry)',
    });
  });

  it('compares with the default when only RestartPeriod is set, and reports it there', () => {
    const s = baseScenario();
    s.groups[0].resources[3].properties = { RestartPeriod: 7200000 };
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].properties.RestartPeriod',
      message:
        'resource "SQL Server" property "RetryPeriodOnFailure" is 3600000 (the default), below RestartPeriod 7200000; it must be at least RestartPeriod, or 4294967295 (never retry)',
    });
  });

  it('allows equal values and the never-retry sentinel', () => {
    const s = baseScenario();
    s.groups[0].resources[2].properties = { RestartPeriod: 7200000, RetryPeriodOnFailure: 7200000 };
    s.groups[0].resources[3].properties = { RestartPeriod: 7200000, RetryPeriodOnFailure: 4294967295 };
    expect(validateScenario(s).ok).toBe(true);
  });

  it('is still checked when another property of the resource is invalid', () => {
    const s = baseScenario();
    s.groups[0].resources[3].properties = { RestartDelay: 'x', RetryPeriodOnFailure: 1000 };
    expect(issuesOf(s).map((e) => e.path)).toEqual([
      'groups[0].resources[3].properties.RestartDelay',
      'groups[0].resources[3].properties.RetryPeriodOnFailure',
    ]);
  });
});

describe('names', () => {
  it('must be non-empty strings', () => {
    const s = baseScenario();
    s.nodes = [{ state: 'Up' }, { name: '  ' }, { name: 'NODE1' }];
    s.groups[0].preferredOwners = ['NODE1'];
    s.groups[0].resources[3].possibleOwners = [];
    s.groups[1].name = 7;
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[0].name: node at nodes[0] has no "name"; every node needs a non-empty name',
      'nodes[1].name: node at nodes[1]: "name" must be a non-empty string, got "  "',
      'groups[1].name: group at groups[1]: "name" must be a non-empty string, got 7',
    ]);
  });

  it("are unique within their kind (contract §1 as amended: a group may share a node's name)", () => {
    const s = baseScenario();
    s.groups[1].name = 'NODE2';
    s.groups[1].resources[0].name = 'SQL Disk';
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[1].resources[0].name: resource "SQL Disk" has the same name as resource "SQL Disk" at groups[0].resources[0].name; resource names must be unique among resources, ignoring letter case',
    ]);
  });

  it('differing only in letter case are duplicates, and the message quotes both', () => {
    const s = baseScenario();
    s.groups[1].resources[0].name = 'sql server';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[1].resources[0].name',
      message:
        'resource "sql server" has the same name as resource "SQL Server" at groups[0].resources[3].name (they differ only in letter case); resource names must be unique among resources, ignoring letter case',
    });
  });

  it('are otherwise compared exactly (a reference differing in case is unknown)', () => {
    const s = baseScenario();
    s.groups[0].ownerNode = 'node1';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "SQL" names unknown node "node1" as ownerNode; did you mean "NODE1"?',
    });
  });
});

describe('node references', () => {
  it('ownerNode must name a node', () => {
    const s = baseScenario();
    s.groups[0].ownerNode = 'App';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "SQL" names "App" as ownerNode, but "App" is a group, not a node',
    });
  });

  it('preferredOwners: unknown names with did-you-mean, and no repeats', () => {
    const s = baseScenario();
    s.groups[0].preferredOwners = ['NODE2', 'NODE4', 'NODE2', 5];
    expect(issuesOf(s)).toEqual([
      {
        path: 'groups[0].preferredOwners[1]',
        message: 'group "SQL" lists unknown node "NODE4" in preferredOwners; did you mean "NODE1"?',
      },
      { path: 'groups[0].preferredOwners[2]', message: 'group "SQL" lists node "NODE2" twice in preferredOwners' },
      {
        path: 'groups[0].preferredOwners[3]',
        message: 'group "SQL": "preferredOwners" item 3 must be a node name, got 5',
      },
    ]);
  });

  it('possibleOwners must name nodes', () => {
    const s = baseScenario();
    s.groups[0].resources[3].possibleOwners = ['NODE1', 'NDOE2'];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].possibleOwners[1]',
      message: 'resource "SQL Server" lists unknown node "NDOE2" in possibleOwners; did you mean "NODE2"?',
    });
  });

  it('ownerNode null means no owner; other types are rejected', () => {
    const s = baseScenario();
    s.groups[0].ownerNode = null;
    expect(validateScenario(s).ok).toBe(true);
    s.groups[0].ownerNode = 1;
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "SQL": "ownerNode" must be a node name or null, got 1',
    });
  });
});

describe('dependencies', () => {
  it('unknown resource, with did-you-mean (the contract example)', () => {
    const s = baseScenario();
    s.groups[0].resources[3].dependsOn = '[SQL Nmae] and [SQL Disk]';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].dependsOn',
      message: 'resource "SQL Server" depends on unknown resource "SQL Nmae"; did you mean "SQL Name"?',
    });
  });

  it('array form: the path has the index', () => {
    const s = baseScenario();
    s.groups[0].resources[3].dependsOn = ['SQL Disk', 'SQL Ip'];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].dependsOn[1]',
      message: 'resource "SQL Server" depends on unknown resource "SQL Ip"; did you mean "SQL IP"?',
    });
  });

  it('a resource of another group', () => {
    const s = baseScenario();
    s.groups[1].resources[0].dependsOn = ['SQL Disk'];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[1].resources[0].dependsOn[0]',
      message:
        'resource "App Service" depends on "SQL Disk" of group "SQL"; a resource may depend only on resources of its own group ("App")',
    });
  });

  it('a node or group name', () => {
    const s = baseScenario();
    s.groups[0].resources[0].dependsOn = '[NODE1] or [App]';
    expect(issuesOf(s)).toEqual([
      {
        path: 'groups[0].resources[0].dependsOn',
        message: 'resource "SQL Disk" depends on "NODE1", but "NODE1" is a node, not a resource',
      },
      {
        path: 'groups[0].resources[0].dependsOn',
        message: 'resource "SQL Disk" depends on "App", but "App" is a group, not a resource',
      },
    ]);
  });

  it('self-dependency', () => {
    const s = baseScenario();
    s.groups[0].resources[1].dependsOn = '([SQL IP] or [SQL Disk])';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[1].dependsOn',
      message: 'resource "SQL IP" depends on itself',
    });
  });

  it('a cycle, named in full, reported once at its first resource', () => {
    const s = baseScenario();
    s.groups[0].resources[1].dependsOn = ['SQL Server'];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[1].dependsOn',
      message: 'resource "SQL IP" is part of a dependency cycle: "SQL IP" → "SQL Server" → "SQL Name" → "SQL IP"',
    });
  });

  it('a cycle through an OR branch is still a cycle', () => {
    const s = baseScenario();
    s.groups[0].resources[0].dependsOn = '[SQL Server] or [SQL IP]';
    expect(onlyIssue(s).message).toBe(
      'resource "SQL Disk" is part of a dependency cycle: "SQL Disk" → "SQL Server" → "SQL Disk"',
    );
  });

  it('two separate cycles are both reported', () => {
    const s = baseScenario();
    s.groups[0].resources[0].dependsOn = ['SQL IP'];
    s.groups[0].resources[1].dependsOn = ['SQL Disk'];
    s.groups[1].resources.push({ name: 'B', dependsOn: ['App Service'] });
    s.groups[1].resources[0].dependsOn = ['B'];
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[0].resources[0].dependsOn: resource "SQL Disk" is part of a dependency cycle: "SQL Disk" → "SQL IP" → "SQL Disk"',
      'groups[1].resources[0].dependsOn: resource "App Service" is part of a dependency cycle: "App Service" → "B" → "App Service"',
    ]);
  });

  it('bad expression syntax', () => {
    const s = baseScenario();
    s.groups[0].resources[3].dependsOn = '[SQL Name] and ([SQL Disk]';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[3].dependsOn',
      message:
        'resource "SQL Server" has an invalid dependsOn expression "[SQL Name] and ([SQL Disk]": "(" at character 16 is never closed',
    });
  });

  it('a value that is neither array nor string', () => {
    const s = baseScenario();
    s.groups[0].resources[3].dependsOn = { and: [] };
    const issue = onlyIssue(s);
    expect(issue.path).toBe('groups[0].resources[3].dependsOn');
    expect(issue.message).toMatch(
      /^resource "SQL Server": "dependsOn" must be an array of resource names or a dependency expression/,
    );
  });
});

describe('other structure', () => {
  it('seed, until, name, description, startTime, state, persistentState, type', () => {
    const s = baseScenario();
    s.seed = -1;
    s.until = 1.5;
    s.name = 3;
    s.description = null;
    s.cluster = { startTime: '24:00' };
    s.nodes[0].state = 'Paused';
    s.groups[1].persistentState = 'Online';
    s.groups[1].resources[0].type = '';
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'name: the scenario: "name" must be a string, got 3',
      'nodes[0].state: node "NODE1": "state" must be "Up" or "Down", got "Paused"',
      'groups[1].resources[0].type: resource "App Service": "type" must be a non-empty string such as "Physical Disk", got ""',
      'groups[1].persistentState: group "App": "persistentState" must be "online" or "offline", got "Online"; did you mean "online"?',
      'seed: the scenario: "seed" must be an integer from 0 to 4294967295, got -1',
      'until: the scenario: "until" must be a non-negative integer number of ms, got 1.5',
      'description: the scenario: "description" must be a string, got null',
      'cluster.startTime: the cluster: "startTime" must be a time of day "HH:MM" from "00:00" to "23:59", got "24:00"',
    ]);
  });

  it("reports in document order (the file's key order), collecting every issue", () => {
    const s = {
      groups: [{ name: 'G', resources: [{ name: 'R', dependsOn: ['X'] }] }],
      format: 'nope',
      nodes: [{ name: 'N', state: 'up' }],
    };
    expect(issuesOf(s).map((e) => e.path)).toEqual(['groups[0].resources[0].dependsOn[0]', 'format', 'nodes[0].state']);
  });

  it('lists, elements and containers of the wrong type', () => {
    const s = baseScenario();
    s.nodes.push('NODE4');
    s.groups[1].resources = {};
    s.cluster = [];
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[3]: each node must be an object like { "name": "NODE1" }, got "NODE4"',
      'groups[1].resources: group "App": "resources" must be an array of resources, got an object',
      'cluster: "cluster" must be an object, got an array',
    ]);
  });
});
