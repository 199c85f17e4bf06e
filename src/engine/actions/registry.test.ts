/**
 * The action registry holds every contract action exactly once, one file each, and every consumer
 * reads it: the entry schema, check/apply and the trace's words (through a simulation), the menus,
 * the app's and the sweeps' words, the subjects, and the PowerShell lines of powershell.md §1.9.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario, type Action } from '../index';
import { SCRIPT_ACTIONS } from '../validation';
import {
  ACTION_NAMES,
  ACTIONS,
  actionMenu,
  actionPowerShell,
  actionSubject,
  actionWords,
  describeAction,
  faultWords,
} from './registry';
import type { ArgSpec } from './types';

/** scenario-format.md §2, in its order. */
const CONTRACT = [
  'crashNode',
  'startNode',
  'pauseNode',
  'resumeNode',
  'moveGroup',
  'onlineGroup',
  'offlineGroup',
  'onlineResource',
  'offlineResource',
  'failResource',
  'setHealth',
  'setOnline',
  'setOffline',
  'signalFailure',
  'heal',
  'failWitness',
  'restoreWitness',
];
/** networks.md §2, in its order, after the contract's. */
const NETWORK = [
  'partition',
  'healPartition',
  'failNetwork',
  'restoreNetwork',
  'failInterface',
  'restoreInterface',
  'stopNode',
];
const ALL = [...CONTRACT, ...NETWORK];

const HERE = path.dirname(fileURLToPath(import.meta.url));
const NOT_ACTIONS = new Set(['types.ts', 'common.ts', 'registry.ts']);

/** One action of each name with every argument given: names of the scenario below, first choices. */
function example(name: string): Action {
  const NAMES = {
    node: 'N2',
    group: 'G',
    resource: 'R',
    network: 'LAN',
    sides: [['N1', 'N2'], ['N3']],
    sideIndexes: [0],
  } as const;
  const value = (a: ArgSpec): unknown =>
    a.kind === 'boolean' ? true : a.kind === 'choice' ? a.choices[0] : NAMES[a.kind];
  const args = SCRIPT_ACTIONS[name as Action['action']];
  return { action: name, ...Object.fromEntries(Object.entries(args).map(([k, a]) => [k, value(a)])) } as Action;
}

const RAW = {
  format: 'failover-scenario@1',
  name: 'registry',
  cluster: { quorum: { witness: 'disk' } },
  networks: [{ name: 'LAN' }],
  nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
  groups: [{ name: 'G', ownerNode: 'N1', resources: [{ name: 'R' }] }],
};

describe('the action registry', () => {
  it('holds every contract action exactly once, in the contract order, each under its own name', () => {
    expect(ACTION_NAMES).toEqual(ALL);
    for (const name of ACTION_NAMES) expect(ACTIONS[name].name).toBe(name);
  });

  it('has one file per action, named for it, and no other action file', () => {
    const files = readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_ACTIONS.has(f));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...ALL].sort());
  });

  it('the entry schema accepts every action with its arguments and refuses each one with an unknown argument', () => {
    expect(Object.keys(SCRIPT_ACTIONS)).toEqual(ALL);
    const script = ALL.map((name, i) => ({ at: 1000 * (i + 1), ...example(name) }));
    const ok = validateScenario({ ...RAW, script });
    expect(ok.ok ? ok.scenario.script.map((e) => e.action) : ok.errors).toEqual(ALL);
    for (const name of ALL) {
      const bad = validateScenario({ ...RAW, script: [{ at: 0, ...example(name), bogus: 1 }] });
      expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
        expect.stringContaining(`script action "${name}" at 0 has unknown argument "bogus"`),
      ]);
    }
  });

  it('check, apply and the trace words of every action run through the simulation', () => {
    const v = validateScenario(RAW);
    if (!v.ok) throw new Error('invalid');
    for (const name of ALL) {
      const sim = createSimulation(v.scenario);
      sim.advanceTo(60_000);
      const a = example(name);
      const check = sim.check(a);
      const result = sim.apply(a);
      expect(result.applied).toBe(check.allowed);
      const last = sim
        .events()
        .filter((e) => e.type === 'action' || e.type === 'action.rejected')
        .at(-1)!;
      expect(last).toMatchObject(
        check.allowed
          ? { type: 'action', reason: describeAction(a) }
          : { type: 'action.rejected', reason: check.reason },
      );
    }
  });

  // The network actions' buttons need networks and sides, which the canvas offers (issue 12 point 2).
  it('every action has its words, its subject, and (contract actions) a menu entry for an entity of that subject', () => {
    for (const name of ALL) {
      const a = example(name);
      const subject = actionSubject(a.action);
      const entity = subject === 'none' ? '' : ((a as Record<string, unknown>)[subject] as string);
      for (const words of [describeAction(a), actionWords(a), faultWords(a)]) {
        expect(words.length).toBeGreaterThan(0);
        expect(words).toContain(entity);
      }
      const menu = actionMenu(subject, entity, ['N1', 'N2', 'N3']);
      const entries = menu.filter((m) => m.action.action === name).length;
      if (NETWORK.includes(name)) expect(entries).toBe(0);
      else expect(entries).toBeGreaterThan(0);
      expect(new Set(menu.map((m) => m.label)).size).toBe(menu.length);
      for (const m of menu) expect(actionSubject(m.action.action)).toBe(subject);
    }
  });

  it('gives the PowerShell equivalents of powershell.md §1.9, and says why where there is none', () => {
    const lines = Object.fromEntries(ALL.map((name) => [name, actionPowerShell(example(name))]));
    expect(
      Object.fromEntries(
        Object.entries(lines)
          .filter(([, l]) => l.line !== null)
          .map(([n, l]) => [n, l.line]),
      ),
    ).toEqual({
      startNode: "Start-ClusterNode -Name 'N2'",
      pauseNode: "Suspend-ClusterNode -Name 'N2' -Drain -Wait",
      resumeNode: "Resume-ClusterNode -Name 'N2' -Failback NoFailback",
      moveGroup: "Move-ClusterGroup -Name 'G' -Node 'N2'",
      onlineGroup: "Start-ClusterGroup -Name 'G'",
      offlineGroup: "Stop-ClusterGroup -Name 'G'",
      onlineResource: "Start-ClusterResource -Name 'R'",
      offlineResource: "Stop-ClusterResource -Name 'R'",
      failResource: "Test-ClusterResourceFailure -Name 'R'",
      stopNode: "Stop-ClusterNode -Name 'N2'",
    });
    for (const [, l] of Object.entries(lines)) if (l.line === null) expect(l.why.length).toBeGreaterThan(20);
    expect(actionPowerShell({ action: 'moveGroup', group: "Bob's" }).line).toBe("Move-ClusterGroup -Name 'Bob''s'");
    expect(actionPowerShell({ action: 'pauseNode', node: 'N1' }).line).toBe("Suspend-ClusterNode -Name 'N1'");
  });
});
