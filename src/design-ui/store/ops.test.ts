import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine/validation';
import {
  addDependency,
  addGroup,
  addNode,
  addResource,
  deleteGroup,
  deleteNode,
  deleteResource,
  emptyScenario,
  getPosition,
  moveResourceToGroup,
  movePreferredOwner,
  removeDependency,
  rename,
  setField,
  setPositions,
  setPreferredOwners,
  setProperty,
  toggleOrSet,
  togglePossibleOwner,
  togglePreferredOwner,
  type EditResult,
  type RawScenario,
} from './ops';

function must(r: EditResult): RawScenario {
  if (!r.ok) throw new Error(r.reason);
  return r.raw;
}
function reason(r: EditResult): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

/** Two nodes, one group with Disk ← IP ← Name (Name depends on IP, IP on Disk). */
function base(): RawScenario {
  let raw = emptyScenario('t');
  raw = must(addNode(raw));
  raw = must(addNode(raw));
  raw = must(addGroup(raw, 'G'));
  raw = must(addResource(raw, 'G', 'Physical Disk', 'Disk'));
  raw = must(addResource(raw, 'G', 'IP Address', 'IP'));
  raw = must(addResource(raw, 'G', 'Network Name', 'Name'));
  raw = must(addDependency(raw, 'IP', 'Disk'));
  raw = must(addDependency(raw, 'Name', 'IP'));
  return raw;
}
const res = (raw: RawScenario, name: string) => raw.groups!.flatMap((g) => g.resources!).find((r) => r.name === name)!;

describe('adding', () => {
  it('adds nodes with unique default names, and the result validates', () => {
    const raw = base();
    expect(raw.nodes!.map((n) => n.name)).toEqual(['NODE1', 'NODE2']);
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('adds a resource of a type with a default name from the type, and the engine applies the type defaults', () => {
    let raw = base();
    raw = must(addResource(raw, 'G', 'SQL Server'));
    raw = must(addResource(raw, 'G', 'SQL Server'));
    expect(raw.groups![0].resources!.slice(-2).map((r) => r.name)).toEqual(['SQL Server', 'SQL Server 2']);
    const v = validateScenario(raw);
    expect(v.ok && v.scenario.groups[0].resources[3].behavior.onlineMs).toBe(8000);
  });
  it('refuses a resource without a group and a duplicate name in any letter case', () => {
    expect(reason(addResource(emptyScenario(), 'G', 'IP Address'))).toMatch(/add a group first/);
    expect(reason(addNode(base(), 'disk'))).toMatch(/already used by resource "Disk"/);
  });
  it('never mutates its input', () => {
    const raw = base();
    const copy = structuredClone(raw);
    addNode(raw);
    addDependency(raw, 'Name', 'Disk');
    deleteNode(raw, 'NODE1');
    rename(raw, 'Disk', 'D');
    moveResourceToGroup(must(addGroup(raw, 'H')), 'IP', 'H');
    expect(raw).toEqual(copy);
  });
});

describe('renaming', () => {
  it('renames a node everywhere it is referenced', () => {
    let raw = base();
    raw = must(setPreferredOwners(raw, 'G', ['NODE2', 'NODE1']));
    raw = must(togglePossibleOwner(raw, 'Disk', 'NODE2'));
    raw = must(setField(raw, 'G', 'ownerNode', 'NODE1'));
    raw.script = [{ at: 1000, action: 'crashNode', node: 'NODE1' }];
    raw = must(setPositions(raw, { NODE1: { x: 1, y: 2 } }));
    raw = must(rename(raw, 'NODE1', 'SQL-A'));
    expect(raw.groups![0].preferredOwners).toEqual(['NODE2', 'SQL-A']);
    expect(raw.groups![0].ownerNode).toBe('SQL-A');
    expect(res(raw, 'Disk').possibleOwners).toEqual(['SQL-A']);
    expect(raw.script![0].node).toBe('SQL-A');
    expect(getPosition(raw, 'SQL-A')).toEqual({ x: 1, y: 2 });
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('renames a resource inside dependency expressions', () => {
    let raw = base();
    raw = must(addResource(raw, 'G', 'IP Address', 'IP2'));
    raw = must(addDependency(raw, 'Name', 'IP2'));
    raw = must(toggleOrSet(raw, 'Name', 'IP'));
    raw = must(rename(raw, 'IP2', 'IP [second]'.replace('[', '(').replace(']', ')')));
    expect(res(raw, 'Name').dependsOn).toBe('[IP] or [IP (second)]');
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('refuses an empty or taken name', () => {
    expect(reason(rename(base(), 'G', ' '))).toMatch(/empty/);
    expect(reason(rename(base(), 'G', 'node1'))).toMatch(/already used by node "NODE1"/);
  });
});

describe('deleting', () => {
  it('deleting a node removes every reference to it', () => {
    let raw = base();
    raw = must(setPreferredOwners(raw, 'G', ['NODE1']));
    raw = must(togglePossibleOwner(raw, 'Disk', 'NODE2'));
    raw.script = [
      { at: 1, action: 'crashNode', node: 'NODE1' },
      { at: 2, action: 'crashNode', node: 'NODE2' },
    ];
    const r = deleteNode(raw, 'NODE1');
    raw = must(r);
    expect(r.ok && r.message).toMatch(/removed 1 script action/);
    expect(raw.groups![0].preferredOwners).toBeUndefined();
    expect(res(raw, 'Disk').possibleOwners).toBeUndefined();
    expect(raw.script).toHaveLength(1);
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('deleting a resource removes it from the dependencies of others', () => {
    const raw = must(deleteResource(base(), 'IP'));
    expect(res(raw, 'Name').dependsOn).toBeUndefined();
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('deleting a group deletes its resources and their positions', () => {
    let raw = must(setPositions(base(), { Disk: { x: 5, y: 5 }, G: { x: 0, y: 0 } }));
    raw = must(deleteGroup(raw, 'G'));
    expect(raw.groups).toEqual([]);
    expect(raw.ui!.positions).toEqual({});
  });
});

describe('dependencies', () => {
  it('adds an AND dependency as a plain array', () => {
    expect(res(base(), 'Name').dependsOn).toEqual(['IP']);
  });
  it('refuses a self-dependency', () => {
    expect(reason(addDependency(base(), 'IP', 'IP'))).toBe('"IP" cannot depend on itself');
  });
  it('refuses a cycle, naming the path', () => {
    expect(reason(addDependency(base(), 'Disk', 'Name'))).toMatch(/cycle: "Name" → "IP" → "Disk"/);
  });
  it('refuses a cross-group edge', () => {
    let raw = must(addGroup(base(), 'H'));
    raw = must(addResource(raw, 'H', 'Physical Disk', 'Disk H'));
    expect(reason(addDependency(raw, 'Name', 'Disk H'))).toMatch(/in group "G" and "Disk H" is in group "H"/);
  });
  it('refuses a duplicate', () => {
    expect(reason(addDependency(base(), 'Name', 'IP'))).toMatch(/already depends/);
  });
  it('toggles AND terms into one OR set and back', () => {
    let raw = must(addResource(base(), 'G', 'IP Address', 'IP2'));
    raw = must(addDependency(raw, 'Name', 'IP2'));
    raw = must(toggleOrSet(raw, 'Name', 'IP'));
    expect(res(raw, 'Name').dependsOn).toBe('[IP] or [IP2]');
    raw = must(addDependency(raw, 'Name', 'Disk'));
    expect(res(raw, 'Name').dependsOn).toBe('([IP] or [IP2]) and [Disk]');
    expect(validateScenario(raw).ok).toBe(true);
    raw = must(toggleOrSet(raw, 'Name', 'IP2'));
    expect(res(raw, 'Name').dependsOn).toEqual(['IP', 'IP2', 'Disk']);
  });
  it('refuses an OR set of one', () => {
    expect(reason(toggleOrSet(base(), 'Name', 'IP'))).toMatch(/at least two providers/);
  });
  it('removes a dependency', () => {
    const raw = must(removeDependency(base(), 'Name', 'IP'));
    expect(res(raw, 'Name').dependsOn).toBeUndefined();
    expect(reason(removeDependency(raw, 'Name', 'IP'))).toMatch(/does not depend/);
  });
});

describe('moving a resource between groups', () => {
  it('drops the dependencies that would cross groups and says which', () => {
    const raw0 = must(addGroup(base(), 'H'));
    const r = moveResourceToGroup(raw0, 'IP', 'H', { x: 10, y: 20 });
    const raw = must(r);
    expect(r.ok && r.message).toMatch(/dropped 2 cross-group dependencies: "IP" → "Disk", "Name" → "IP"/);
    expect(raw.groups![1].resources!.map((x) => x.name)).toEqual(['IP']);
    expect(res(raw, 'IP').dependsOn).toBeUndefined();
    expect(res(raw, 'Name').dependsOn).toBeUndefined();
    expect(getPosition(raw, 'IP')).toEqual({ x: 10, y: 20 });
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('refuses a move to the same or an unknown group', () => {
    expect(reason(moveResourceToGroup(base(), 'IP', 'G'))).toMatch(/already in/);
    expect(reason(moveResourceToGroup(base(), 'IP', 'X'))).toMatch(/no group/);
  });
});

describe('properties', () => {
  it('sets a valid property and removes it to go back to the default', () => {
    let raw = must(setProperty(base(), 'resource', 'Disk', 'PendingTimeout', 60000));
    expect(res(raw, 'Disk').properties).toEqual({ PendingTimeout: 60000 });
    raw = must(setProperty(raw, 'resource', 'Disk', 'PendingTimeout', undefined));
    expect(res(raw, 'Disk').properties).toEqual({});
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('refuses an invalid value with the engine message', () => {
    expect(reason(setProperty(base(), 'group', 'G', 'FailoverPeriod', 0))).toBe(
      'FailoverPeriod must be an integer from 1 to 1193 hours, got 0 (out of range)',
    );
    expect(reason(setProperty(base(), 'resource', 'Disk', 'RestartAction', 1.5))).toMatch(/not a whole number/);
  });
  it('sets cluster, quorum, node and behaviour settings', () => {
    let raw = must(setProperty(base(), 'cluster', undefined, 'SameSubnetDelay', 2000));
    raw = must(setProperty(raw, 'quorum', undefined, 'witness', 'disk'));
    raw = must(setProperty(raw, 'node', 'NODE1', 'NodeWeight', 0));
    raw = must(setProperty(raw, 'resourceBehavior', 'Disk', 'onlineMs', 100));
    expect(raw.cluster).toEqual({ properties: { SameSubnetDelay: 2000 }, quorum: { witness: 'disk' } });
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('refuses a field the engine rejects, with its message', () => {
    expect(reason(setField(base(), 'NODE1', 'state', 'Sideways'))).toMatch(/state/);
    expect(must(setField(base(), 'G', 'persistentState', 'offline')).groups![0].persistentState).toBe('offline');
  });
});

describe('owners', () => {
  it('reorders preferred owners', () => {
    let raw = must(setPreferredOwners(base(), 'G', ['NODE1', 'NODE2']));
    raw = must(movePreferredOwner(raw, 'G', 'NODE2', -1));
    expect(raw.groups![0].preferredOwners).toEqual(['NODE2', 'NODE1']);
    expect(reason(movePreferredOwner(raw, 'G', 'NODE2', -1))).toMatch(/already first/);
    raw = must(togglePreferredOwner(raw, 'G', 'NODE2'));
    expect(raw.groups![0].preferredOwners).toEqual(['NODE1']);
  });
  it('toggles possible owners; all ticked means the key is absent; the last one stays', () => {
    let raw = must(togglePossibleOwner(base(), 'Disk', 'NODE1'));
    expect(res(raw, 'Disk').possibleOwners).toEqual(['NODE2']);
    expect(reason(togglePossibleOwner(raw, 'Disk', 'NODE2'))).toMatch(/only possible owner/);
    raw = must(togglePossibleOwner(raw, 'Disk', 'NODE1'));
    expect(res(raw, 'Disk').possibleOwners).toBeUndefined();
  });
});

describe('positions', () => {
  it('stores rounded positions in ui.positions, which the engine ignores', () => {
    const raw = must(setPositions(base(), { G: { x: 10.4, y: 20.6 } }));
    expect(raw.ui).toEqual({ positions: { G: { x: 10, y: 21 } } });
    expect(validateScenario(raw).ok).toBe(true);
    expect(reason(setPositions(raw, { Nope: { x: 1, y: 1 } }))).toMatch(/no node, group or resource/);
  });
});
