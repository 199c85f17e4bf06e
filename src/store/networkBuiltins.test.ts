/** The built-in network scenarios are valid and do what their descriptions promise, by the engine. */
import { describe, expect, it } from 'vitest';
import { createSimulation, validateScenario, type Scenario } from '../engine';
import three from '../scenarios/network-three-nodes-two-networks.json';
import sites from '../scenarios/network-two-sites-witness.json';
import { BUILTINS } from './builtins';

const load = (src: unknown): Scenario => {
  const r = validateScenario(src);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
};

describe('built-in network scenarios', () => {
  it('are in the picker and valid', () => {
    for (const src of [three, sites]) {
      expect(BUILTINS.some((b) => b.source === src)).toBe(true);
      expect(validateScenario(src).ok).toBe(true);
    }
  });

  it('three nodes: a 2–1 split stops the minority and its group fails over to the majority', () => {
    const sim = createSimulation(load(three));
    sim.advanceTo(30_000);
    expect(sim.view().groups.find((g) => g.name === 'FS')?.owner).toBe('N3');
    expect(sim.apply({ action: 'partition', sides: [['N1', 'N2'], ['N3']] })).toEqual({ applied: true });
    sim.advanceTo(120_000);
    const v = sim.view();
    expect(v.nodes.find((n) => n.name === 'N3')?.state).toBe('Down');
    expect(v.nodes.find((n) => n.name === 'N3')?.service).toBe('waiting');
    expect(v.groups.find((g) => g.name === 'FS')?.owner).not.toBe('N3');
    expect(v.network?.lastRegroup?.survivors).toEqual(['N1', 'N2']);
  });

  it('two sites: a 2–2 split where only New York reaches the witness leaves New York the cluster', () => {
    const sim = createSimulation(load(sites));
    sim.advanceTo(30_000);
    sim.apply({
      action: 'partition',
      sides: [
        ['SEA1', 'SEA2'],
        ['NYC1', 'NYC2'],
      ],
      witness: [1],
    });
    sim.advanceTo(150_000);
    const v = sim.view();
    expect(v.network?.lastRegroup?.survivors).toEqual(['NYC1', 'NYC2']);
    expect(v.quorum.hasQuorum).toBe(true);
    expect(['NYC1', 'NYC2']).toContain(v.groups[0]!.owner);
  });
});
