/**
 * Contract §4.8 "Names": a node, group or resource named `__proto__`, `constructor` or `toString`
 * validates and is referred to like any other name (validation keeps names in Maps, never as keys
 * of plain objects).
 */
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './index';
import { type Json, issuesOf, onlyIssue, scenarioOf } from './testkit';

const NAMES = ['__proto__', 'constructor', 'toString'];

/** Every kind uses every tricky name; every reference names one. */
function tricky(): Json {
  return {
    format: 'failover-scenario@1',
    nodes: NAMES.map((name) => ({ name })),
    groups: [
      {
        name: '__proto__',
        ownerNode: 'constructor',
        preferredOwners: ['toString', '__proto__'],
        resources: [
          { name: 'constructor', possibleOwners: ['__proto__', 'constructor'] },
          { name: 'toString', dependsOn: ['constructor'] },
          { name: '__proto__', dependsOn: '[toString] and [constructor]' },
        ],
      },
      { name: 'constructor', ownerNode: '__proto__', resources: [{ name: 'hasOwnProperty' }] },
      { name: 'toString', resources: [{ name: 'valueOf' }] },
    ],
    script: [
      { at: 1000, action: 'crashNode', node: '__proto__' },
      { at: 2000, action: 'moveGroup', group: 'toString', node: 'toString' },
      { at: 3000, action: 'failResource', resource: '__proto__' },
      { at: 4000, action: 'setHealth', resource: 'constructor', isAlive: 'fail' },
      { at: 5000, action: 'offlineGroup', group: 'constructor' },
      { at: 6000, action: 'heal', resource: 'toString' },
    ],
  };
}

describe('names are data (__proto__, constructor, toString)', () => {
  it('validate and resolve in every kind and every reference', () => {
    const scenario = scenarioOf(tricky());
    expect(scenario.nodes.map((n) => n.name)).toEqual(NAMES);
    expect(scenario.groups.map((g) => g.name)).toEqual(['__proto__', 'constructor', 'toString']);
    const g0 = scenario.groups[0]!;
    expect(g0.ownerNode).toBe('constructor');
    expect(g0.preferredOwners).toEqual(['toString', '__proto__']);
    expect(g0.resources.map((r) => [r.name, r.group])).toEqual([
      ['constructor', '__proto__'],
      ['toString', '__proto__'],
      ['__proto__', '__proto__'],
    ]);
    expect(g0.resources[2]!.dependsOn).toEqual([['toString'], ['constructor']]);
    expect(Object.getPrototypeOf(g0)).toBe(Object.prototype);
    expect(scenario.script.map((e) => Object.values(e)[2])).toEqual([
      '__proto__',
      'toString',
      '__proto__',
      'constructor',
      'constructor',
      'toString',
    ]);
  });

  it('read from a file the same way', () => {
    const r = parseScenarioText(JSON.stringify(tricky(), null, 2));
    expect(r.ok && r.scenario.groups[0]!.resources[2]!.name).toBe('__proto__');
  });

  it('are unknown when no element of that kind has them, and are not taken from Object.prototype', () => {
    const s = tricky();
    s.nodes = [{ name: 'NODE1' }];
    s.groups = [{ name: 'G', resources: [{ name: 'R', dependsOn: ['hasOwnProperty'] }] }];
    s.script = [
      { at: 0, action: 'crashNode', node: '__proto__' },
      { at: 0, action: 'moveGroup', group: 'constructor' },
      { at: 0, action: 'heal', resource: 'toString' },
    ];
    expect(issuesOf(s)).toEqual([
      {
        path: 'groups[0].resources[0].dependsOn[0]',
        message: 'resource "R" depends on unknown resource "hasOwnProperty"',
      },
      { path: 'script[0].node', message: 'script action "crashNode" at 0 names unknown node "__proto__"' },
      { path: 'script[1].group', message: 'script action "moveGroup" at 0 names unknown group "constructor"' },
      { path: 'script[2].resource', message: 'script action "heal" at 0 names unknown resource "toString"' },
    ]);
  });

  it('repeat like any other name (duplicates, letter case, cycles, self-dependency)', () => {
    const s = tricky();
    s.nodes.push({ name: '__PROTO__' });
    s.groups[2].resources.push({ name: 'toString' });
    s.groups[0].resources[0].dependsOn = ['__proto__'];
    s.groups[1].resources[0].dependsOn = ['hasOwnProperty'];
    expect(issuesOf(s).map((e) => `${e.path}: ${e.message}`)).toEqual([
      'nodes[3].name: node "__PROTO__" has the same name as node "__proto__" at nodes[0].name (they differ only in letter case); node names must be unique among nodes, ignoring letter case',
      'groups[0].resources[0].dependsOn: resource "constructor" is part of a dependency cycle: "constructor" → "__proto__" → "constructor"',
      'groups[1].resources[0].dependsOn[0]: resource "hasOwnProperty" depends on itself',
      'groups[2].resources[1].name: resource "toString" has the same name as resource "toString" at groups[0].resources[1].name; resource names must be unique among resources, ignoring letter case',
    ]);
  });

  it('get a did-you-mean like any other name', () => {
    const s = tricky();
    s.groups[0].ownerNode = '__proto_';
    expect(onlyIssue(s)).toEqual({
      path: 'groups[0].ownerNode',
      message: 'group "__proto__" names unknown node "__proto_" as ownerNode; did you mean "__proto__"?',
    });
  });

  it('as keys in the file are unknown keys (or settings), reported, never a crash', () => {
    const withKeys = JSON.stringify(tricky()).replace(
      '{"name":"constructor","possibleOwners"',
      '{"__proto__":{"RestartAction":0},"properties":{"constructor":1,"toString":2},"name":"constructor","possibleOwners"',
    );
    const r = parseScenarioText(withKeys);
    expect(!r.ok && r.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'groups[0].resources[0].__proto__: resource "constructor" has unknown key "__proto__"',
      'groups[0].resources[0].properties.constructor: resource "constructor" has unknown property "constructor"',
      'groups[0].resources[0].properties.toString: resource "constructor" has unknown property "toString"',
    ]);
  });
});
