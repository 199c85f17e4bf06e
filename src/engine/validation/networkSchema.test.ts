/** networks.md §1: the new fields are accepted with their types and ranges; plain scenarios gain no key. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateScenario } from './index';

const dir = fileURLToPath(new URL('../network/timelines/', import.meta.url));
const base = {
  format: 'failover-scenario@1',
  networks: [
    { name: 'Public', routed: true, subnet: '10.1.0.0/24' },
    { name: 'HB', role: 'cluster' },
  ],
  nodes: [{ name: 'N1' }, { name: 'N2', interfaces: ['Public', 'HB'] }],
};
const paths = (json: unknown) => {
  const v = validateScenario(json);
  return v.ok ? [] : v.errors.map((e) => e.path);
};

describe('network fields accepted by the schema (networks.md §1)', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    it(`worked timeline ${f} is valid as written (§7)`, () => {
      const v = validateScenario(JSON.parse(readFileSync(dir + f, 'utf8')));
      expect(v.ok ? [] : v.errors).toEqual([]);
    });
  }

  it('networks take their defaults, in scenario order, with their index', () => {
    const v = validateScenario(base);
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(v.scenario.networks).toEqual([
      { name: 'Public', index: 0, role: 'clusterAndClient', routed: true, subnet: '10.1.0.0/24' },
      { name: 'HB', index: 1, role: 'cluster', routed: false },
    ]);
    expect(v.scenario.nodes[0]!.interfaces).toBeUndefined();
    expect(v.scenario.nodes[1]!.interfaces).toEqual(['Public', 'HB']);
  });

  it('a plain scenario gains no new key', () => {
    const v = validateScenario({ format: 'failover-scenario@1', nodes: [{ name: 'N1' }] });
    if (!v.ok) throw new Error('invalid');
    expect('networks' in v.scenario).toBe(false);
    expect('functionalLevel' in v.scenario.cluster).toBe(false);
    expect(Object.keys(v.scenario.cluster.properties)).toEqual([
      'SameSubnetDelay',
      'SameSubnetThreshold',
      'CrossSubnetDelay',
      'CrossSubnetThreshold',
    ]);
    expect(Object.keys(v.scenario.nodes[0]!)).not.toContain('site');
  });

  it.each([
    ['2012R2', { SameSubnetDelay: 1000, SameSubnetThreshold: 5, CrossSubnetDelay: 1000, CrossSubnetThreshold: 5 }],
    [
      '2016',
      {
        SameSubnetDelay: 1000,
        SameSubnetThreshold: 10,
        CrossSubnetDelay: 1000,
        CrossSubnetThreshold: 20,
        CrossSiteDelay: 1000,
        CrossSiteThreshold: 20,
      },
    ],
    [
      '2019',
      {
        SameSubnetDelay: 1000,
        SameSubnetThreshold: 20,
        CrossSubnetDelay: 1000,
        CrossSubnetThreshold: 20,
        CrossSiteDelay: 1000,
        CrossSiteThreshold: 20,
      },
    ],
  ])('level %s takes its defaults (§1.1); a given value overrides', (level, expected) => {
    const v = validateScenario({ ...base, cluster: { functionalLevel: level } });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    expect(v.scenario.cluster.properties).toEqual(expected);
    const o = validateScenario({
      ...base,
      cluster: { functionalLevel: level, properties: { SameSubnetThreshold: 7 } },
    });
    if (!o.ok) throw new Error(JSON.stringify(o.errors));
    expect(o.scenario.cluster.properties.SameSubnetThreshold).toBe(7);
  });

  it('new cluster properties, node, group and resource fields and script actions are accepted', () => {
    const v = validateScenario({
      ...base,
      cluster: {
        functionalLevel: '2016',
        // A partition's `witness` needs a witness (networks.md §1.6).
        quorum: { witness: 'fileShare' },
        properties: {
          CrossSiteDelay: 250,
          CrossSiteThreshold: 120,
          PreferredSite: 'SEA',
          LowerQuorumPriorityNodeId: 2,
        },
      },
      nodes: [
        { name: 'N1', site: 'SEA' },
        { name: 'N2', site: 'NYC' },
      ],
      groups: [
        {
          name: 'G',
          properties: { PreferredSite: ['SEA', 'NYC'] },
          resources: [{ name: 'IP', type: 'IP Address', parameters: { Network: 'Public', Address: '10.1.0.9' } }],
        },
      ],
      script: [
        { at: 1, action: 'partition', sides: [['N1'], ['N2']], witness: [0] },
        { at: 2, action: 'healPartition' },
        { at: 3, action: 'failNetwork', network: 'HB' },
        { at: 4, action: 'restoreNetwork', network: 'HB' },
        { at: 5, action: 'failInterface', node: 'N1', network: 'HB' },
        { at: 6, action: 'restoreInterface', node: 'N1', network: 'HB' },
        { at: 7, action: 'stopNode', node: 'N2' },
      ],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.errors));
    const s = v.scenario;
    expect(s.cluster.properties).toMatchObject({
      CrossSiteDelay: 250,
      PreferredSite: 'SEA',
      LowerQuorumPriorityNodeId: 2,
    });
    expect(s.nodes.map((n) => n.site)).toEqual(['SEA', 'NYC']);
    expect(s.groups[0]!.properties.PreferredSite).toEqual(['SEA', 'NYC']);
    expect(s.groups[0]!.resources[0]!.parameters).toEqual({ Network: 'Public', Address: '10.1.0.9' });
    expect(s.script[0]).toEqual({ at: 1, action: 'partition', sides: [['N1'], ['N2']], witness: [0] });
  });

  it.each([
    [{ cluster: { functionalLevel: '2022' } }, 'cluster.functionalLevel'],
    [
      { cluster: { functionalLevel: '2016', properties: { CrossSiteDelay: 100 } } },
      'cluster.properties.CrossSiteDelay',
    ],
    [
      { cluster: { functionalLevel: '2016', properties: { CrossSiteThreshold: 121 } } },
      'cluster.properties.CrossSiteThreshold',
    ],
    [{ cluster: { properties: { LowerQuorumPriorityNodeId: -1 } } }, 'cluster.properties.LowerQuorumPriorityNodeId'],
    [{ networks: [{ name: 'HB', role: 'heartbeat' }] }, 'networks[0].role'],
    [{ networks: [{ name: 'HB', routed: 1 }] }, 'networks[0].routed'],
    [{ networks: [{ name: 'HB', rolle: 'cluster' }] }, 'networks[0].rolle'],
    [{ nodes: [{ name: 'N1', site: 3 }] }, 'nodes[0].site'],
    [{ nodes: [{ name: 'N1', interfaces: 'HB' }] }, 'nodes[0].interfaces'],
    [{ groups: [{ name: 'G', properties: { PreferredSite: 'SEA' } }] }, 'groups[0].properties.PreferredSite'],
    [
      { groups: [{ name: 'G', resources: [{ name: 'IP', type: 'IP Address', parameters: { SubnetMask: 'x' } }] }] },
      'groups[0].resources[0].parameters.SubnetMask',
    ],
    [{ script: [{ at: 1, action: 'partition', sides: 'N1' }] }, 'script[0].sides'],
    [{ script: [{ at: 1, action: 'partition', sides: [['N1']], witness: 1 }] }, 'script[0].witness'],
    [{ script: [{ at: 1, action: 'failNetwork' }] }, 'script[0].network'],
  ])('a bad value is refused at its place: %j', (over, path) => {
    expect(paths({ ...base, ...over })).toContain(path);
  });
});
