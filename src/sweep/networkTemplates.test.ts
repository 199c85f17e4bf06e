/** sweep-format.md §1: how the templates of networks.md's actions expand (pure; no simulation). */
import { describe, expect, it } from 'vitest';
import { expandTemplate, planRuns, validateTemplates } from './templates';
import { twoGroups, twoSites, valid } from './fixtures.testutil';

const sites = () => valid(twoSites());
const plain = () => valid(twoGroups({ nodes: 3 }));

describe('network action templates (sweep-format.md §1)', () => {
  it('stopNode expands over nodes in file order, with or without networks', () => {
    expect(expandTemplate(sites(), { action: 'stopNode' })).toEqual(
      ['N1', 'N2', 'N3', 'N4'].map((node) => ({ action: 'stopNode', node })),
    );
    expect(expandTemplate(plain(), { action: 'stopNode' })).toEqual(
      ['N1', 'N2', 'N3'].map((node) => ({ action: 'stopNode', node })),
    );
  });

  it('failNetwork expands over networks in file order; a named network is used as it is', () => {
    expect(expandTemplate(sites(), { action: 'failNetwork' })).toEqual(
      ['SEA-LAN', 'NYC-LAN', 'HB'].map((network) => ({ action: 'failNetwork', network })),
    );
    expect(expandTemplate(sites(), { action: 'failNetwork', network: 'HB' })).toEqual([
      { action: 'failNetwork', network: 'HB' },
    ]);
  });

  it("failInterface expands over each node's interfaces: nodes in file order, each node's in its own order", () => {
    const s = sites();
    s.nodes[3]!.interfaces = ['HB', 'NYC-LAN']; // its own order, not the networks'
    expect(expandTemplate(s, { action: 'failInterface' })).toEqual([
      { action: 'failInterface', node: 'N1', network: 'SEA-LAN' },
      { action: 'failInterface', node: 'N1', network: 'HB' },
      { action: 'failInterface', node: 'N2', network: 'SEA-LAN' },
      { action: 'failInterface', node: 'N2', network: 'HB' },
      { action: 'failInterface', node: 'N3', network: 'NYC-LAN' },
      { action: 'failInterface', node: 'N3', network: 'HB' },
      { action: 'failInterface', node: 'N4', network: 'HB' },
      { action: 'failInterface', node: 'N4', network: 'NYC-LAN' },
    ]);
  });

  it('a node without "interfaces" is on every network, in scenario order (networks.md §1.4)', () => {
    const s = sites();
    delete s.nodes[0]!.interfaces;
    expect(expandTemplate(s, { action: 'failInterface' }).slice(0, 3)).toEqual([
      { action: 'failInterface', node: 'N1', network: 'SEA-LAN' },
      { action: 'failInterface', node: 'N1', network: 'NYC-LAN' },
      { action: 'failInterface', node: 'N1', network: 'HB' },
    ]);
  });

  it('failInterface narrowed by a given node or network; both given: as it is', () => {
    expect(expandTemplate(sites(), { action: 'failInterface', node: 'N3' })).toEqual([
      { action: 'failInterface', node: 'N3', network: 'NYC-LAN' },
      { action: 'failInterface', node: 'N3', network: 'HB' },
    ]);
    expect(expandTemplate(sites(), { action: 'failInterface', network: 'SEA-LAN' })).toEqual([
      { action: 'failInterface', node: 'N1', network: 'SEA-LAN' },
      { action: 'failInterface', node: 'N2', network: 'SEA-LAN' },
    ]);
    expect(expandTemplate(sites(), { action: 'restoreInterface', node: 'N9', network: 'X' })).toEqual([
      { action: 'restoreInterface', node: 'N9', network: 'X' },
    ]);
  });

  it('partition without sides isolates each node in turn, keeping the template witness', () => {
    expect(expandTemplate(sites(), { action: 'partition' })).toEqual([
      { action: 'partition', sides: [['N1'], ['N2', 'N3', 'N4']] },
      { action: 'partition', sides: [['N2'], ['N1', 'N3', 'N4']] },
      { action: 'partition', sides: [['N3'], ['N1', 'N2', 'N4']] },
      { action: 'partition', sides: [['N4'], ['N1', 'N2', 'N3']] },
    ]);
    expect(expandTemplate(sites(), { action: 'partition', witness: [1] })[1]).toEqual({
      action: 'partition',
      sides: [['N2'], ['N1', 'N3', 'N4']],
      witness: [1],
    });
    const given = {
      action: 'partition',
      sides: [
        ['N1', 'N2'],
        ['N3', 'N4'],
      ],
    };
    expect(expandTemplate(sites(), given)).toEqual([given]);
  });

  it('a one-node scenario has no node to isolate from: no run', () => {
    const s = valid({ ...twoSites(), nodes: [{ name: 'N1', site: 'SEA', interfaces: ['HB'] }], groups: [] });
    expect(expandTemplate(s, { action: 'partition' })).toEqual([]);
  });

  it('healPartition and restoreNetwork expand like the others (itself; over networks)', () => {
    expect(expandTemplate(sites(), { action: 'healPartition' })).toEqual([{ action: 'healPartition' }]);
    expect(expandTemplate(sites(), { action: 'restoreNetwork' })).toHaveLength(3);
  });

  it('network actions expand to no run without networks; the command names that as an error', () => {
    const s = plain();
    for (const action of ['partition', 'healPartition', 'failNetwork', 'failInterface', 'restoreInterface'])
      expect(expandTemplate(s, { action })).toEqual([]);
    expect(
      validateTemplates(
        twoGroups({ nodes: 3 }),
        s,
        [{ template: { action: 'failNetwork' }, where: '--fault[0]' }],
        60000,
      ),
    ).toEqual([
      { path: '--fault[0].action', message: 'script action "failNetwork" at 60000 needs "networks" to be declared' },
    ]);
    expect(
      validateTemplates(
        twoGroups({ nodes: 3 }),
        s,
        [{ template: { action: 'partition' }, where: '--fault[0]' }],
        60000,
      ),
    ).toEqual([
      { path: '--fault[0].action', message: 'script action "partition" at 60000 needs "networks" to be declared' },
    ]);
  });

  it('a template naming an unknown node or network is an error, not zero runs', () => {
    const raw = twoSites();
    const check = (template: Record<string, unknown>) =>
      validateTemplates(raw, sites(), [{ template, where: '--fault[0]' }], 60000);
    expect(check({ action: 'failInterface', node: 'N9' })).toEqual([
      {
        path: '--fault[0].node',
        message: 'script action "failInterface" at 60000 names unknown node "N9"; did you mean "N1"?',
      },
    ]);
    expect(check({ action: 'failInterface', network: 'SEA' })).toEqual([
      {
        path: '--fault[0].network',
        message: 'script action "failInterface" at 60000 names unknown network "SEA"; did you mean "SEA-LAN"?',
      },
    ]);
    expect(check({ action: 'partition', witness: [1] })).toEqual([]);
    expect(check({ action: 'partition', witness: [2] })).toEqual([
      {
        path: '--fault[0].witness[0]',
        message: 'script action "partition" at 60000 names side 2, but its sides are numbered 0 to 1',
      },
    ]);
  });

  it('plans every run in the contract order: instant, template, entity', () => {
    const runs = planRuns(sites(), [{ action: 'failNetwork' }, { action: 'stopNode', node: 'N4' }], [0, 60000]);
    expect(runs.map((r) => `${r.at} ${JSON.stringify(r.fault)}`)).toEqual([
      '0 {"action":"failNetwork","network":"SEA-LAN"}',
      '0 {"action":"failNetwork","network":"NYC-LAN"}',
      '0 {"action":"failNetwork","network":"HB"}',
      '0 {"action":"stopNode","node":"N4"}',
      '60000 {"action":"failNetwork","network":"SEA-LAN"}',
      '60000 {"action":"failNetwork","network":"NYC-LAN"}',
      '60000 {"action":"failNetwork","network":"HB"}',
      '60000 {"action":"stopNode","node":"N4"}',
    ]);
  });
});
