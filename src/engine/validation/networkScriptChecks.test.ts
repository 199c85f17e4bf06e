/** networks.md §1.6, the script entries' table: one test per row, exact path and message. */
import { describe, expect, it } from 'vitest';
import { netIssues, netScenario } from './networkTestkit';
import type { Json } from './testkit';

/** The base network scenario with this script (entry 0 a harmless crash, so rows sit at script[1]+). */
function withScript(...entries: Json[]): Json {
  const s = netScenario();
  s.script = [{ at: 10000, action: 'crashNode', node: 'N4' }, ...entries];
  return s;
}

const SPLIT = {
  at: 60000,
  action: 'partition',
  sides: [
    ['N1', 'N2'],
    ['N3', 'N4'],
  ],
};

describe('network actions in a script (§1.6, §2)', () => {
  it('accepts every network action with its arguments', () => {
    const s = withScript(
      { at: 20000, action: 'failNetwork', network: 'HB' },
      { at: 21000, action: 'restoreNetwork', network: 'HB' },
      { at: 22000, action: 'failInterface', node: 'N1', network: 'Public' },
      { at: 23000, action: 'restoreInterface', node: 'N1', network: 'Public' },
      { ...SPLIT, witness: [1] },
      { at: 70000, action: 'partition', sides: [['N1'], ['N2'], ['N3', 'N4']], witness: [] },
      { at: 80000, action: 'healPartition' },
      { at: 90000, action: 'stopNode', node: 'N2' },
    );
    expect(netIssues(s)).toEqual([]);
  });

  it('stopNode needs no networks; the others do', () => {
    const s = {
      format: 'failover-scenario@1',
      nodes: [{ name: 'N1' }, { name: 'N2' }],
      script: [
        { at: 60000, action: 'stopNode', node: 'N1' },
        { at: 60000, action: 'partition', sides: [['N1'], ['N2']] },
        { at: 70000, action: 'healPartition' },
      ],
    };
    expect(netIssues(s)).toEqual([
      'script[1].action: script action "partition" at 60000 needs "networks" to be declared',
      'script[2].action: script action "healPartition" at 70000 needs "networks" to be declared',
    ]);
  });

  it('fewer than 2 sides / an empty side', () => {
    expect(netIssues(withScript({ at: 60000, action: 'partition', sides: [['N1', 'N2', 'N3', 'N4']] }))).toEqual([
      'script[1].sides: script action "partition" at 60000 needs at least 2 sides, got 1',
    ]);
    expect(netIssues(withScript({ at: 60000, action: 'partition', sides: [[], ['N1', 'N2', 'N3', 'N4']] }))).toEqual([
      'script[1].sides[0]: script action "partition" at 60000 has an empty side',
    ]);
  });

  it('node missing / twice', () => {
    const s = withScript({ at: 60000, action: 'partition', sides: [['N1', 'N2'], ['N3']] });
    s.nodes.push({ name: 'N5', site: 'NYC', interfaces: ['Public'] });
    s.script[1].sides[1].push('N4');
    expect(netIssues(s)).toEqual([
      'script[1].sides: script action "partition" at 60000 must list every node exactly once, but node "N5" is missing',
    ]);
    expect(
      netIssues(
        withScript({
          at: 60000,
          action: 'partition',
          sides: [
            ['N1', 'N2'],
            ['N2', 'N3', 'N4'],
          ],
        }),
      ),
    ).toEqual(['script[1].sides[1][0]: script action "partition" at 60000 lists node "N2" a second time']);
    expect(netIssues(withScript({ at: 60000, action: 'partition', sides: [['N1'], ['N2']] }))).toEqual([
      'script[1].sides: script action "partition" at 60000 must list every node exactly once, but nodes "N3" and "N4" are missing',
    ]);
  });

  it('unknown node in a side', () => {
    const s = withScript({
      at: 60000,
      action: 'partition',
      sides: [
        ['N1', 'N6', 'N2'],
        ['N3', 'N4'],
      ],
    });
    expect(netIssues(s)).toEqual([
      'script[1].sides[0][1]: script action "partition" at 60000 names unknown node "N6"; did you mean "N1"?',
    ]);
  });

  it('bad witness index: out of range, not an integer, listed twice', () => {
    expect(netIssues(withScript({ ...SPLIT, witness: [2] }))).toEqual([
      'script[1].witness[0]: script action "partition" at 60000 names side 2, but its sides are numbered 0 to 1',
    ]);
    expect(netIssues(withScript({ ...SPLIT, witness: [0.5, '1'] }))).toEqual([
      'script[1].witness[0]: script action "partition" at 60000: "witness" item 0 must be a side number (an integer), got 0.5',
      'script[1].witness[1]: script action "partition" at 60000: "witness" item 1 must be a side number (an integer), got "1"',
    ]);
    expect(netIssues(withScript({ ...SPLIT, witness: [1, 1] }))).toEqual([
      'script[1].witness[1]: script action "partition" at 60000 lists side 1 twice',
    ]);
  });

  it('witness without a witness', () => {
    const s = withScript({ ...SPLIT, witness: [0] });
    s.cluster.quorum.witness = 'none';
    expect(netIssues(s)).toEqual([
      'script[1].witness: script action "partition" at 60000 says which sides reach the witness, but cluster.quorum.witness is "none"',
    ]);
    delete s.cluster.quorum;
    expect(netIssues(s)).toHaveLength(1);
  });

  it('missing argument: network, sides, node', () => {
    const s = netScenario();
    s.script = [
      { at: 10000, action: 'healPartition' },
      { at: 20000, action: 'partition' },
      { at: 25000, action: 'restoreNetwork', network: 'HB' },
      { at: 30000, action: 'failNetwork' },
      { at: 30000, action: 'failInterface', network: 'HB' },
      { at: 30000, action: 'restoreInterface', network: 'HB' },
      { at: 30000, action: 'stopNode' },
    ];
    expect(netIssues(s)).toEqual([
      'script[1].sides: script action "partition" at 20000 needs a "sides" listing the nodes of each side',
      'script[3].network: script action "failNetwork" at 30000 needs a "network" naming the network',
      'script[4].node: script action "failInterface" at 30000 needs a "node" naming the node',
      'script[5].node: script action "restoreInterface" at 30000 needs a "node" naming the node',
      'script[6].node: script action "stopNode" at 30000 needs a "node" naming the node',
    ]);
  });

  it('wrong type of sides, witness, network, node', () => {
    expect(netIssues(withScript({ at: 60000, action: 'partition', sides: 'N1' }))).toEqual([
      'script[1].sides: script action "partition" at 60000: "sides" must be an array of arrays of node names, got "N1"',
    ]);
    expect(netIssues(withScript({ ...SPLIT, witness: 1 }))).toEqual([
      'script[1].witness: script action "partition" at 60000: "witness" must be an array of side numbers, got 1',
    ]);
    expect(netIssues(withScript({ at: 60000, action: 'partition', sides: ['N1', ['N2', 'N3', 3]] }))).toEqual([
      'script[1].sides[0]: script action "partition" at 60000: "sides" item 0 must be an array of node names, got "N1"',
      'script[1].sides[1][2]: script action "partition" at 60000: "sides[1]" item 2 must be a node name, got 3',
    ]);
    expect(
      netIssues(
        withScript({ at: 60000, action: 'failNetwork', network: 1 }, { at: 60000, action: 'stopNode', node: ['N1'] }),
      ),
    ).toEqual([
      'script[1].network: script action "failNetwork" at 60000: "network" must be the name of a network, got 1',
      'script[2].node: script action "stopNode" at 60000: "node" must be the name of a node, got an array',
    ]);
  });

  it('unknown network, with did-you-mean', () => {
    const s = netScenario();
    s.script = [
      { at: 10000, action: 'healPartition' },
      { at: 20000, action: 'healPartition' },
      { at: 25000, action: 'healPartition' },
      { at: 30000, action: 'failNetwork', network: 'Pub' },
    ];
    expect(netIssues(s)).toEqual([
      'script[3].network: script action "failNetwork" at 30000 names unknown network "Pub"; did you mean "Public"?',
    ]);
  });

  it('node without that interface', () => {
    const s = netScenario();
    s.nodes[2].interfaces = ['Public'];
    s.script = [0, 1, 2, 3].map((i) => ({ at: 10000 * i, action: 'healPartition' }));
    s.script.push({ at: 30000, action: 'failInterface', node: 'N3', network: 'HB' });
    expect(netIssues(s)).toEqual([
      'script[4].network: script action "failInterface" at 30000 names node "N3", which has no interface on network "HB"',
    ]);
  });

  it('unknown node, unknown argument (with did-you-mean)', () => {
    const s = withScript(
      { at: 60000, action: 'stopNode', node: 'N9' },
      { at: 60000, action: 'partition', side: [['N1'], ['N2', 'N3', 'N4']] },
      { at: 60000, action: 'healPartition', network: 'HB' },
    );
    expect(netIssues(s)).toEqual([
      'script[1].node: script action "stopNode" at 60000 names unknown node "N9"; did you mean "N1"?',
      'script[2].side: script action "partition" at 60000 has unknown argument "side" (partition takes "sides" and "witness"); did you mean "sides"?',
      'script[2].sides: script action "partition" at 60000 needs a "sides" listing the nodes of each side',
      'script[3].network: script action "healPartition" at 60000 has unknown argument "network" (healPartition takes no arguments)',
    ]);
  });
});
