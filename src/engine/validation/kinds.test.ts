/**
 * Contract §1 as amended by issue 7: names are unique within their kind (nodes, groups, resources),
 * case-insensitively; across kinds they may repeat; every reference is looked up in its own kind.
 */
import { describe, expect, it } from 'vitest';
import { type Json, baseScenario, issuesOf, onlyIssue, scenarioOf } from './testkit';

/** WSFC's own defaults: file server role "FS1" holds the Network Name "FS1", on node... "FS1" too. */
function sharedNames(): Json {
  return {
    format: 'failover-scenario@1',
    nodes: [{ name: 'FS1' }, { name: 'NODE2' }],
    groups: [
      {
        name: 'FS1',
        ownerNode: 'FS1',
        preferredOwners: ['FS1', 'NODE2'],
        resources: [
          { name: 'FS1 Disk', type: 'Physical Disk' },
          { name: 'FS1 IP', type: 'IP Address' },
          { name: 'FS1', type: 'Network Name', dependsOn: '[FS1 IP]' },
          { name: 'FS1 Server', type: 'File Server', dependsOn: '[FS1] and [FS1 Disk]', possibleOwners: ['FS1'] },
        ],
      },
    ],
    script: [
      { at: 1000, action: 'moveGroup', group: 'FS1', node: 'NODE2' },
      { at: 2000, action: 'failResource', resource: 'FS1' },
      { at: 3000, action: 'crashNode', node: 'FS1' },
    ],
  };
}

describe('names are unique within their kind', () => {
  it('a node, a group and a resource may share a name, and every reference resolves in its own kind', () => {
    const scenario = scenarioOf(sharedNames());
    expect(scenario.nodes[0]!.name).toBe('FS1');
    expect(scenario.groups[0]!.name).toBe('FS1');
    expect(scenario.groups[0]!.ownerNode).toBe('FS1');
    expect(scenario.groups[0]!.resources[2]).toMatchObject({ name: 'FS1', group: 'FS1' });
    expect(scenario.groups[0]!.resources[3]!.dependsOn).toEqual([['FS1'], ['FS1 Disk']]);
    expect(scenario.script.map((e) => e.action)).toEqual(['moveGroup', 'failResource', 'crashNode']);
  });

  it('names differing only in letter case are duplicates within a kind', () => {
    const s = sharedNames();
    s.nodes.push({ name: 'node2' });
    s.groups.push({ name: 'fs1', resources: [{ name: 'fs1 disk' }] });
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[2].name: node "node2" has the same name as node "NODE2" at nodes[1].name (they differ only in letter case); node names must be unique among nodes, ignoring letter case',
      'groups[1].name: group "fs1" has the same name as group "FS1" at groups[0].name (they differ only in letter case); group names must be unique among groups, ignoring letter case',
      'groups[1].resources[0].name: resource "fs1 disk" has the same name as resource "FS1 Disk" at groups[0].resources[0].name (they differ only in letter case); resource names must be unique among resources, ignoring letter case',
    ]);
  });

  it('exact repeats within a kind are duplicates; the same name across kinds, in any case, is not', () => {
    const s = sharedNames();
    s.groups.push({ name: 'fs1 ip', resources: [{ name: 'node2' }, { name: 'FS1 Server' }] });
    expect(onlyIssue(s)).toEqual({
      path: 'groups[1].resources[1].name',
      message:
        'resource "FS1 Server" has the same name as resource "FS1 Server" at groups[0].resources[3].name; resource names must be unique among resources, ignoring letter case',
    });
  });

  it('a name of the wrong kind says what it names, and suggests only names of the right kind', () => {
    const s = sharedNames();
    s.groups.push({ name: 'Apps', resources: [{ name: 'App' }] });
    s.groups[0].ownerNode = 'FS1 Disk';
    s.groups[0].preferredOwners = ['FS1', 'FS1 IP'];
    s.script = [
      { at: 0, action: 'moveGroup', group: 'App' },
      { at: 0, action: 'failResource', resource: 'Apps' },
      { at: 0, action: 'moveGroup', group: 'FS1', node: 'Apps' },
    ];
    expect(issuesOf(s)).toEqual([
      {
        path: 'groups[0].ownerNode',
        message: 'group "FS1" names "FS1 Disk" as ownerNode, but "FS1 Disk" is a resource, not a node',
      },
      {
        // "FS1 IP" is a resource; the node "FS1" is within distance 3, so nothing is suggested.
        path: 'groups[0].preferredOwners[1]',
        message: 'group "FS1" lists "FS1 IP" in preferredOwners, but "FS1 IP" is a resource, not a node',
      },
      {
        path: 'script[0].group',
        message:
          'script action "moveGroup" at 0 names "App", but "App" is a resource, not a group; did you mean "Apps"?',
      },
      {
        path: 'script[1].resource',
        message:
          'script action "failResource" at 0 names "Apps", but "Apps" is a group, not a resource; did you mean "App"?',
      },
      {
        path: 'script[2].node',
        message: 'script action "moveGroup" at 0 names "Apps", but "Apps" is a group, not a node',
      },
    ]);
  });

  it('a name held by two other kinds says both', () => {
    const s = sharedNames();
    s.nodes[0].name = 'NODE1';
    s.groups[0].ownerNode = 'FS1';
    s.groups[0].preferredOwners = [];
    s.groups[0].resources[3].possibleOwners = [];
    s.script = [];
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "FS1" names "FS1" as ownerNode, but "FS1" is a group and a resource, not a node',
    });
  });

  it('did-you-mean for an unknown name looks only at names of that kind', () => {
    const s = sharedNames();
    s.groups[0].preferredOwners = ['FS1 Disc'];
    s.script = [{ at: 0, action: 'heal', resource: 'FS1 Serer' }];
    expect(issuesOf(s)).toEqual([
      {
        path: 'groups[0].preferredOwners[0]',
        message: 'group "FS1" lists unknown node "FS1 Disc" in preferredOwners',
      },
      {
        path: 'script[0].resource',
        message: 'script action "heal" at 0 names unknown resource "FS1 Serer"; did you mean "FS1 Server"?',
      },
    ]);
  });

  it('dependsOn names resources only: a group of that name is no provider', () => {
    const s = sharedNames();
    s.groups.push({ name: 'Witness', resources: [{ name: 'Quorum', dependsOn: ['Witness'] }] });
    expect(onlyIssue(s)).toEqual({
      path: 'groups[1].resources[0].dependsOn[0]',
      message: 'resource "Quorum" depends on "Witness", but "Witness" is a group, not a resource',
    });
  });

  it('cycles are found among resources even when a group shares a resource name', () => {
    // The group "A" comes first in the file: a name-only lookup would find it and miss the cycle.
    const s = {
      format: 'failover-scenario@1',
      nodes: [{ name: 'A' }],
      groups: [
        {
          name: 'A',
          resources: [
            { name: 'A', dependsOn: ['B'] },
            { name: 'B', dependsOn: '[A]' },
          ],
        },
      ],
    };
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].resources[0].dependsOn',
      message: 'resource "A" is part of a dependency cycle: "A" → "B" → "A"',
    });
  });

  it('a resource named like its group may be depended on (and is not a self-dependency of the group)', () => {
    const s = sharedNames();
    s.groups[0].resources[1].dependsOn = ['FS1'];
    s.groups[0].resources[2].dependsOn = [];
    expect(scenarioOf(s).groups[0]!.resources[1]!.dependsOn).toEqual([['FS1']]);
  });
});

describe('ownerNode (the engine decides whether it counts: only if that node is Up at t=0)', () => {
  it('may name a node that is Down at t=0', () => {
    const s = baseScenario();
    s.nodes[0].state = 'Down';
    const scenario = scenarioOf(s);
    expect(scenario.groups[0]!.ownerNode).toBe('NODE1');
    expect(scenario.nodes[0]!.state).toBe('Down');
  });

  it('must still name a node of the scenario', () => {
    const s = baseScenario();
    s.nodes[0].state = 'Down';
    s.groups[0].ownerNode = 'NODE9';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "SQL" names unknown node "NODE9" as ownerNode; did you mean "NODE1"?',
    });
  });
});
