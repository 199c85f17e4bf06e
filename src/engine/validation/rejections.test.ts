/** One test (at least) per rejection class of contract §1, path and message, names included: the format, unknown keys and property values (names, references and structure: rejections-references.test.ts). */
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
