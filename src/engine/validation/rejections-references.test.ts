/** Rejections of names, references between elements, dependencies and the shape of the document (contract §1). */
import { describe, expect, it } from 'vitest';
import { validateScenario } from './index';
import { baseScenario, issuesOf, onlyIssue } from './testkit';

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
