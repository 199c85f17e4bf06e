import { lintScenario, type LintRuleId, type LintWarning } from './lint';
import { toScenario } from './testing';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Two sites, two networks each node is on, a witness, a multi-subnet role done right: no warning. */
const clean = (): Raw => ({
  format: 'failover-scenario@1',
  name: 'Two sites',
  cluster: { functionalLevel: '2016', quorum: { witness: 'cloud' }, properties: { PreferredSite: 'NYC' } },
  networks: [
    { name: 'NYC-LAN', routed: true },
    { name: 'SEA-LAN', routed: true },
    { name: 'HB', role: 'cluster', routed: true },
  ],
  nodes: [
    { name: 'N1', site: 'NYC', interfaces: ['NYC-LAN', 'HB'] },
    { name: 'N2', site: 'NYC', interfaces: ['NYC-LAN', 'HB'] },
    { name: 'N3', site: 'SEA', interfaces: ['SEA-LAN', 'HB'] },
    { name: 'N4', site: 'SEA', interfaces: ['SEA-LAN', 'HB'] },
  ],
  groups: [
    {
      name: 'SQL',
      resources: [
        {
          name: 'IP-NYC',
          type: 'IP Address',
          parameters: { Network: 'NYC-LAN' },
          possibleOwners: ['N1', 'N2'],
        },
        {
          name: 'IP-SEA',
          type: 'IP Address',
          parameters: { Network: 'SEA-LAN' },
          possibleOwners: ['N3', 'N4'],
        },
        { name: 'Name', type: 'Network Name', dependsOn: '[IP-NYC] or [IP-SEA]' },
      ],
    },
  ],
});

const lint = (raw: Raw) => lintScenario(toScenario(raw));
const only = (raw: Raw, id: LintRuleId) => lint(raw).filter((w) => w.id === id);

function expectFixWorks(raw: Raw, w: LintWarning): Raw {
  expect(w.fix).toBeDefined();
  const before = JSON.stringify(raw);
  const fixed = w.fix!.apply(raw) as Raw;
  expect(JSON.stringify(raw)).toBe(before);
  const after = lintScenario(toScenario(fixed));
  expect(after.filter((x) => x.id === w.id && x.subject === w.subject)).toEqual([]);
  return fixed;
}

describe('network lint rules', () => {
  it('are silent on a clean two-site design, and on a plain scenario', () => {
    expect(lint(clean())).toEqual([]);
    expect(
      lint({ format: 'failover-scenario@1', nodes: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], groups: [] }),
    ).toEqual([]);
  });

  describe('single-cluster-network', () => {
    const bad = () => {
      const s = clean();
      s.nodes[2].interfaces = ['SEA-LAN'];
      return s;
    };
    it('fires for a node with one heartbeat network, naming it', () => {
      const [w] = only(bad(), 'single-cluster-network');
      expect(w).toMatchObject({ path: 'nodes[2].interfaces', subject: 'N3' });
      expect(w!.message).toContain('Node "N3" has only one network the cluster uses for heartbeats ("SEA-LAN")');
    });
    it('counts a role-none network as no path', () => {
      const s = clean();
      s.networks[2].role = 'none';
      expect(only(s, 'single-cluster-network').map((w) => w.subject)).toEqual(['N1', 'N2', 'N3', 'N4']);
    });
    it('is silent with two heartbeat networks', () => {
      expect(only(clean(), 'single-cluster-network')).toEqual([]);
    });
    it('fix puts the node on another network, in network order', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'single-cluster-network')[0]!);
      expect(fixed.nodes[2].interfaces).toEqual(['NYC-LAN', 'SEA-LAN']);
    });
  });

  describe('even-split-across-two-sites', () => {
    const bad = () => {
      const s = clean();
      s.cluster.quorum = { witness: 'none' };
      return s;
    };
    it('fires for 2 + 2 votes across two sites without a witness, and names the preferred site', () => {
      const [w] = only(bad(), 'even-split-across-two-sites');
      expect(w).toMatchObject({ path: 'cluster.quorum.witness', subject: 'cluster' });
      expect(w!.message).toContain('Sites "NYC" and "SEA" hold 2 votes each and there is no witness');
      expect(w!.message).toContain('preferred site "NYC"');
    });
    it('replaces the generic even-votes warning (one warning for one tie)', () => {
      expect(only(bad(), 'even-votes-no-witness')).toEqual([]);
      const plain = bad();
      for (const n of plain.nodes) delete n.site;
      delete plain.cluster.properties.PreferredSite;
      expect(only(plain, 'even-votes-no-witness')).toHaveLength(1);
    });
    it('is silent with a witness, or when the votes are uneven', () => {
      expect(only(clean(), 'even-split-across-two-sites')).toEqual([]);
      const s = bad();
      s.nodes[3].properties = { NodeWeight: 0 };
      expect(only(s, 'even-split-across-two-sites')).toEqual([]);
    });
    it('fix adds a cloud witness', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'even-split-across-two-sites')[0]!);
      expect(fixed.cluster.quorum.witness).toBe('cloud');
    });
  });

  describe('ip-network-missing-on-owner', () => {
    const bad = () => {
      const s = clean();
      delete s.groups[0].resources[1].possibleOwners;
      return s;
    };
    it('fires for an IP whose possible owners lack its network', () => {
      const [w] = only(bad(), 'ip-network-missing-on-owner');
      expect(w).toMatchObject({ path: 'groups[0].resources[1].parameters.Network', subject: 'IP-SEA' });
      expect(w!.message).toContain('possible owners "N1", "N2" have no interface on that network');
    });
    it('is silent when every possible owner is on the network', () => {
      expect(only(clean(), 'ip-network-missing-on-owner')).toEqual([]);
    });
    it('fix limits the possible owners to the nodes on the network', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'ip-network-missing-on-owner')[0]!);
      expect(fixed.groups[0].resources[1].possibleOwners).toEqual(['N3', 'N4']);
    });
  });

  describe('multi-subnet-name-without-or', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].resources[2].dependsOn = ['IP-NYC', 'IP-SEA'];
      return s;
    };
    it('fires for a name ANDing addresses on different networks', () => {
      const [w] = only(bad(), 'multi-subnet-name-without-or');
      expect(w).toMatchObject({ path: 'groups[0].resources[2].dependsOn', subject: 'Name' });
      expect(w!.message).toContain('"IP-NYC" on "NYC-LAN", "IP-SEA" on "SEA-LAN"');
    });
    it('no-failover-target reads "can run" as networks.md §4.10 does: no node runs both addresses', () => {
      const [w] = only(bad(), 'no-failover-target');
      expect(w!.message).toContain('the networks of its resources leave no second node');
      expect(w!.fix).toBeUndefined();
    });
    it('is silent with OR, or with both addresses on one network', () => {
      expect(only(clean(), 'multi-subnet-name-without-or')).toEqual([]);
      const s = bad();
      s.groups[0].resources[1].parameters.Network = 'NYC-LAN';
      s.groups[0].resources[1].possibleOwners = ['N1', 'N2'];
      expect(only(s, 'multi-subnet-name-without-or')).toEqual([]);
    });
    it('fix makes the addresses one OR set', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'multi-subnet-name-without-or')[0]!);
      expect(fixed.groups[0].resources[2].dependsOn).toBe('[IP-NYC] or [IP-SEA]');
    });
  });

  describe('preferred-owner-not-possible in network mode', () => {
    it('is silent for a preferred owner that runs the group through an OR set (multi-subnet)', () => {
      const s = clean();
      s.groups[0].preferredOwners = ['N1', 'N3'];
      expect(only(s, 'preferred-owner-not-possible')).toEqual([]);
    });
    it('still fires when the group cannot run there', () => {
      const s = clean();
      s.groups[0].resources.splice(1, 1); // no SEA address: the name needs IP-NYC, which only NYC nodes own
      s.groups[0].resources[1].dependsOn = ['IP-NYC'];
      s.groups[0].preferredOwners = ['N1', 'N3'];
      const [w] = only(s, 'preferred-owner-not-possible');
      expect(w).toMatchObject({ path: 'groups[0].preferredOwners[1]', subject: 'SQL' });
      expect(w!.message).toContain('the networks of its IP addresses, OR dependencies');
    });
  });

  describe('network-on-one-node', () => {
    const bad = () => {
      const s = clean();
      s.networks.push({ name: 'Backup', role: 'cluster' });
      s.nodes[0].interfaces = ['NYC-LAN', 'HB', 'Backup'];
      return s;
    };
    it('fires for a used network on a single node', () => {
      const [w] = only(bad(), 'network-on-one-node');
      expect(w).toMatchObject({ path: 'networks[3]', subject: 'Backup' });
      expect(w!.message).toContain('Network "Backup" is only on "N1"');
    });
    it('is silent for a role-none network (storage, backup traffic the cluster ignores)', () => {
      const s = bad();
      s.networks[3].role = 'none';
      expect(only(s, 'network-on-one-node')).toEqual([]);
    });
    it('fix puts every node on it', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'network-on-one-node')[0]!);
      expect(fixed.nodes.every((n: Raw) => n.interfaces.includes('Backup'))).toBe(true);
    });
  });

  describe('no-client-network', () => {
    const bad = () => {
      const s = clean();
      for (const r of s.groups[0].resources) delete r.parameters;
      s.networks[0].role = 'cluster';
      s.networks[1].role = 'cluster';
      return s;
    };
    it('fires when no network allows client access and the design has IP addresses', () => {
      const [w] = only(bad(), 'no-client-network');
      expect(w).toMatchObject({ path: 'networks', subject: 'cluster' });
      expect(w!.message).toContain('yet the design has IP Address resources ("IP-NYC", "IP-SEA")');
    });
    it('is silent with a client network, or without IP addresses', () => {
      expect(only(clean(), 'no-client-network')).toEqual([]);
      const s = bad();
      s.groups[0].resources = [];
      expect(only(s, 'no-client-network')).toEqual([]);
    });
    it('fix gives the first cluster network client access', () => {
      const fixed = expectFixWorks(bad(), only(bad(), 'no-client-network')[0]!);
      expect(fixed.networks[0]).toEqual({ name: 'NYC-LAN', routed: true });
    });
  });
});
