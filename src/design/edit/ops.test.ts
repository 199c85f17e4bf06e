import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../engine/validation';
import {
  addDependency,
  addGroup,
  addNode,
  addResource,
  deleteElement,
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

const node = (name: string) => ({ kind: 'node' as const, name });
const group = (name: string) => ({ kind: 'group' as const, name });
const resource = (name: string) => ({ kind: 'resource' as const, name });

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
    expect(raw.groups![0]!.resources!.slice(-2).map((r) => r.name)).toEqual(['SQL Server', 'SQL Server 2']);
    const v = validateScenario(raw);
    expect(v.ok && v.scenario.groups[0]!.resources[3]!.behavior.onlineMs).toBe(8000);
  });
  it('refuses a resource without a group and a duplicate name in any letter case', () => {
    expect(reason(addResource(emptyScenario(), 'G', 'IP Address'))).toMatch(/add a group first/);
    expect(reason(addNode(base(), 'node2'))).toMatch(/^node "node2" has the same name as node "NODE2"/);
    expect(reason(addResource(base(), 'G', 'IP Address', 'disk'))).toMatch(/^resource "disk" has the same name/);
  });
  it('never mutates its input', () => {
    const raw = base();
    const copy = structuredClone(raw);
    addNode(raw);
    addDependency(raw, 'Name', 'Disk');
    deleteNode(raw, 'NODE1');
    rename(raw, { kind: 'resource', name: 'Disk' }, 'D');
    moveResourceToGroup(must(addGroup(raw, 'H')), 'IP', 'H');
    expect(raw).toEqual(copy);
  });
});

describe('renaming', () => {
  it('renames a node everywhere it is referenced', () => {
    let raw = base();
    raw = must(setPreferredOwners(raw, 'G', ['NODE2', 'NODE1']));
    raw = must(togglePossibleOwner(raw, 'Disk', 'NODE2'));
    raw = must(setField(raw, { kind: 'group', name: 'G' }, 'ownerNode', 'NODE1'));
    raw.script = [{ at: 1000, action: 'crashNode', node: 'NODE1' }];
    raw = must(setPositions(raw, [{ ref: node('NODE1'), position: { x: 1, y: 2 } }]));
    raw = must(rename(raw, node('NODE1'), 'SQL-A'));
    expect(raw.groups![0]!.preferredOwners).toEqual(['NODE2', 'SQL-A']);
    expect(raw.groups![0]!.ownerNode).toBe('SQL-A');
    expect(res(raw, 'Disk').possibleOwners).toEqual(['SQL-A']);
    expect(raw.script![0]!.node).toBe('SQL-A');
    expect(getPosition(raw, node('SQL-A'))).toEqual({ x: 1, y: 2 });
    expect(validateScenario(raw).ok).toBe(true);
  });
  it('renames a resource inside dependency expressions', () => {
    let raw = base();
    raw = must(addResource(raw, 'G', 'IP Address', 'IP2'));
    raw = must(addDependency(raw, 'Name', 'IP2'));
    raw = must(toggleOrSet(raw, 'Name', 'IP'));
    raw = must(rename(raw, resource('IP2'), 'IP (second)'));
    expect(res(raw, 'Name').dependsOn).toBe('[IP] or [IP (second)]');
    expect(validateScenario(raw).ok).toBe(true);
  });
  it("refuses an empty name, and a name taken within the kind with the engine's message", () => {
    expect(reason(rename(base(), group('G'), ' '))).toMatch(/empty/);
    expect(reason(rename(base(), resource('IP'), 'disk'))).toMatch(
      /^resource "disk" has the same name as resource "Disk"/,
    );
    expect(must(rename(base(), group('G'), 'node1')).groups![0]!.name).toBe('node1');
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
    expect(raw.groups![0]!.preferredOwners).toBeUndefined();
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
    let raw = must(
      setPositions(base(), [
        { ref: resource('Disk'), position: { x: 5, y: 5 } },
        { ref: group('G'), position: { x: 0, y: 0 } },
      ]),
    );
    raw = must(deleteGroup(raw, 'G'));
    expect(raw.groups).toEqual([]);
    expect(raw.ui!.positionsByKind).toEqual({ group: {}, resource: {} });
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
    expect(raw.groups![1]!.resources!.map((x) => x.name)).toEqual(['IP']);
    expect(res(raw, 'IP').dependsOn).toBeUndefined();
    expect(res(raw, 'Name').dependsOn).toBeUndefined();
    expect(getPosition(raw, resource('IP'))).toEqual({ x: 10, y: 20 });
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
    expect(reason(setField(base(), node('NODE1'), 'state', 'Sideways'))).toMatch(/state/);
    expect(must(setField(base(), group('G'), 'persistentState', 'offline')).groups![0]!.persistentState).toBe(
      'offline',
    );
  });
});

describe('owners', () => {
  it('reorders preferred owners', () => {
    let raw = must(setPreferredOwners(base(), 'G', ['NODE1', 'NODE2']));
    raw = must(movePreferredOwner(raw, 'G', 'NODE2', -1));
    expect(raw.groups![0]!.preferredOwners).toEqual(['NODE2', 'NODE1']);
    expect(reason(movePreferredOwner(raw, 'G', 'NODE2', -1))).toMatch(/already first/);
    raw = must(togglePreferredOwner(raw, 'G', 'NODE2'));
    expect(raw.groups![0]!.preferredOwners).toEqual(['NODE1']);
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
  it('stores rounded positions in ui.positionsByKind, which the engine ignores', () => {
    const raw = must(setPositions(base(), [{ ref: group('G'), position: { x: 10.4, y: 20.6 } }]));
    expect(raw.ui).toEqual({ positionsByKind: { group: { G: { x: 10, y: 21 } } } });
    expect(validateScenario(raw).ok).toBe(true);
    expect(reason(setPositions(raw, [{ ref: group('Nope'), position: { x: 1, y: 1 } }]))).toBe(
      'there is no group named "Nope"',
    );
    expect(reason(setPositions(raw, [{ ref: group('G'), position: { x: NaN, y: 1 } }]))).toMatch(/finite/);
  });

  it('reads old files (ui.positions by bare name) and moves them over on the first write', () => {
    const old = { ...base(), ui: { positions: { G: { x: 1, y: 2 }, Disk: { x: 3, y: 4 }, Gone: { x: 0, y: 0 } } } };
    expect(getPosition(old, group('G'))).toEqual({ x: 1, y: 2 });
    expect(getPosition(old, resource('Disk'))).toEqual({ x: 3, y: 4 });
    expect(getPosition(old, resource('G'))).toBeUndefined();
    const raw = must(setPositions(old, [{ ref: node('NODE1'), position: { x: 9, y: 9 } }]));
    expect(raw.ui).toEqual({
      positionsByKind: {
        group: { G: { x: 1, y: 2 } },
        resource: { Disk: { x: 3, y: 4 } },
        node: { NODE1: { x: 9, y: 9 } },
      },
    });
  });

  it('a name two kinds share in an old file is ambiguous: it is not applied to either', () => {
    let raw = must(addResource(base(), 'G', 'Network Name', 'G'));
    raw = { ...raw, ui: { positions: { G: { x: 1, y: 2 } } } };
    expect(getPosition(raw, group('G'))).toBeUndefined();
    expect(getPosition(raw, resource('G'))).toBeUndefined();
  });

  it('names are data: __proto__ is a key like any other', () => {
    let raw = must(addGroup(base(), '__proto__'));
    raw = must(setPositions(raw, [{ ref: group('__proto__'), position: { x: 7, y: 8 } }]));
    expect(getPosition(raw, group('__proto__'))).toEqual({ x: 7, y: 8 });
    expect(Object.keys(raw.ui!.positionsByKind!.group!)).toEqual(['__proto__']);
    expect((JSON.parse(JSON.stringify(raw)) as RawScenario).ui!.positionsByKind!.group!['__proto__']).toEqual({
      x: 7,
      y: 8,
    });
  });
});

describe('a group and a resource that share a name (contract §1) are edited independently', () => {
  /** WSFC's own default: role FS1 holds the Network Name FS1. */
  function shared(): RawScenario {
    let raw = must(addResource(base(), 'G', 'Network Name', 'FS1'));
    raw = must(rename(raw, group('G'), 'FS1'));
    raw = must(addDependency(raw, 'FS1', 'IP'));
    raw = must(addDependency(raw, 'Name', 'FS1'));
    raw = must(
      setPositions(raw, [
        { ref: group('FS1'), position: { x: 100, y: 200 } },
        { ref: resource('FS1'), position: { x: 10, y: 20 } },
      ]),
    );
    raw.script = [
      { at: 1, action: 'moveGroup', group: 'FS1' },
      { at: 2, action: 'failResource', resource: 'FS1' },
    ];
    return raw;
  }

  it('the design is valid and both keep their own position', () => {
    const raw = shared();
    expect(validateScenario(raw).ok).toBe(true);
    expect(getPosition(raw, group('FS1'))).toEqual({ x: 100, y: 200 });
    expect(getPosition(raw, resource('FS1'))).toEqual({ x: 10, y: 20 });
  });

  it('renaming the group renames only the group and its script references', () => {
    const raw = must(rename(shared(), group('FS1'), 'Role'));
    expect(raw.groups![0]!.name).toBe('Role');
    expect(res(raw, 'FS1')).toBeDefined();
    expect(res(raw, 'Name').dependsOn).toEqual(['IP', 'FS1']);
    expect(raw.script).toEqual([
      { at: 1, action: 'moveGroup', group: 'Role' },
      { at: 2, action: 'failResource', resource: 'FS1' },
    ]);
    expect(getPosition(raw, group('Role'))).toEqual({ x: 100, y: 200 });
    expect(getPosition(raw, resource('FS1'))).toEqual({ x: 10, y: 20 });
    expect(validateScenario(raw).ok).toBe(true);
  });

  it('renaming the resource renames only the resource, its dependents and its script references', () => {
    const raw = must(rename(shared(), resource('FS1'), 'FS1 Name'));
    expect(raw.groups![0]!.name).toBe('FS1');
    expect(res(raw, 'Name').dependsOn).toEqual(['IP', 'FS1 Name']);
    expect(raw.script).toEqual([
      { at: 1, action: 'moveGroup', group: 'FS1' },
      { at: 2, action: 'failResource', resource: 'FS1 Name' },
    ]);
    expect(getPosition(raw, group('FS1'))).toEqual({ x: 100, y: 200 });
    expect(getPosition(raw, resource('FS1 Name'))).toEqual({ x: 10, y: 20 });
  });

  it("a resource may be renamed to its group's name, and a group to one of its resources' names", () => {
    expect(must(rename(base(), resource('Disk'), 'G')).groups![0]!.resources![0]!.name).toBe('G');
    expect(must(rename(base(), group('G'), 'Disk')).groups![0]!.name).toBe('Disk');
  });

  it('deleting the resource keeps the group, its position and its script action', () => {
    const raw = must(deleteElement(shared(), resource('FS1')));
    expect(raw.groups![0]!.name).toBe('FS1');
    expect(res(raw, 'Name').dependsOn).toEqual(['IP']);
    expect(raw.script).toEqual([{ at: 1, action: 'moveGroup', group: 'FS1' }]);
    expect(getPosition(raw, group('FS1'))).toEqual({ x: 100, y: 200 });
    expect(validateScenario(raw).ok).toBe(true);
  });

  it('fields and properties go to the element of the kind asked for', () => {
    let raw = must(setField(shared(), group('FS1'), 'persistentState', 'offline'));
    raw = must(setField(raw, resource('FS1'), 'type', 'Distributed Network Name'));
    raw = must(setProperty(raw, 'group', 'FS1', 'Priority', 3000));
    raw = must(setProperty(raw, 'resource', 'FS1', 'RestartThreshold', 3));
    expect(raw.groups![0]).toMatchObject({ name: 'FS1', persistentState: 'offline', properties: { Priority: 3000 } });
    expect(res(raw, 'FS1')).toMatchObject({ type: 'Distributed Network Name', properties: { RestartThreshold: 3 } });
    expect(res(raw, 'FS1').persistentState).toBeUndefined();
  });

  it('a name holding "]" stays in the list form and is refused in an OR set', () => {
    let raw = must(addResource(base(), 'G', 'IP Address', 'IP]2'));
    raw = must(addDependency(raw, 'Name', 'IP]2'));
    expect(res(raw, 'Name').dependsOn).toEqual(['IP', 'IP]2']);
    expect(validateScenario(raw).ok).toBe(true);
    expect(reason(toggleOrSet(raw, 'Name', 'IP'))).toBe(
      '"IP]2" holds "]", which a dependency expression cannot write, so it cannot be part of an OR set',
    );
  });
});
