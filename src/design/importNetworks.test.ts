import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DUMP_COMMAND, decodeDumpBytes, importClusterJson } from './powershellImport';
import { exportPowerShell } from './powershellExport';
import { syntaxProblems } from './psGrammar.testutil';
import { toScenario } from './testing';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const dumpText = () => decodeDumpBytes(readFileSync(join(__dirname, '__fixtures__', 'dump-two-sites-ps51.json')));
const dump = (): Raw => JSON.parse(dumpText().replace(/^\uFEFF/, '')) as Raw;

function imported(raw: Raw | string): { scenario: Raw; warnings: string[] } {
  const r = importClusterJson(typeof raw === 'string' ? raw : JSON.stringify(raw));
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors)}`);
  return { scenario: r.scenario as Raw, warnings: r.warnings };
}

describe('DUMP_COMMAND collects networks, interfaces, fault domains and site settings', () => {
  it('names the cmdlets and properties it reads, and still parses', async () => {
    for (const s of [
      'Get-ClusterNetwork',
      'Get-ClusterNetworkInterface',
      'Get-ClusterFaultDomain',
      'FunctionalLevel = $c.ClusterFunctionalLevel',
      'PreferredSite = [string]$c.PreferredSite',
      'PreferredSite = @(foreach ($s in $g.PreferredSite) { [string]$s })',
      'Get-ClusterParameter -Name Network',
      'LowerQuorumPriorityNodeId = $c.LowerQuorumPriorityNodeId',
    ])
      expect(DUMP_COMMAND).toContain(s);
    // A 2012 R2 cluster has no Get-ClusterFaultDomain: the dump must not stop there.
    expect(DUMP_COMMAND).toContain('if (Get-Command Get-ClusterFaultDomain -ErrorAction SilentlyContinue)');
    expect(await syntaxProblems(DUMP_COMMAND)).toEqual([]);
  });
});

describe('importing the network part of a dump', () => {
  it('builds networks, interfaces, sites, PreferredSite, level and IP parameters that validate', () => {
    const { scenario: s, warnings } = imported(dumpText());
    expect(warnings.filter((w) => !w.startsWith('Groups[0]'))).toEqual([]);
    expect(s.cluster.functionalLevel).toBe('2019');
    expect(s.networks).toEqual([
      { name: 'Cluster Network 1', role: 'clusterAndClient', subnet: '10.1.0.0/24' },
      { name: 'Cluster Network 2', role: 'clusterAndClient', subnet: '10.2.0.0/24' },
      { name: 'Replication', role: 'cluster', subnet: '172.16.0.0/16' },
      { name: 'Storage', role: 'none', subnet: '192.168.50.0/24' },
    ]);
    // Node order is the cluster's node-ID order.
    expect(s.nodes.map((n: Raw) => [n.name, n.site, n.interfaces])).toEqual([
      ['NYC1', 'NYC', ['Cluster Network 1', 'Replication', 'Storage']],
      ['NYC2', 'NYC', ['Cluster Network 1', 'Replication', 'Storage']],
      ['SEA1', 'SEA', ['Cluster Network 2', 'Replication']],
      ['SEA2', 'SEA', ['Cluster Network 2', 'Replication']],
    ]);
    // SameSubnetThreshold 20 is level 2019's default (not written); CrossSiteThreshold 40 is not.
    // LowerQuorumPriorityNodeId 4 is the cluster's node ID of SEA2, the scenario's fourth node.
    expect(s.cluster.properties).toEqual({
      CrossSiteThreshold: 40,
      PreferredSite: 'NYC',
      LowerQuorumPriorityNodeId: 4,
    });
    const g = s.groups[0];
    expect(g.properties.PreferredSite).toEqual(['NYC', 'SEA']);
    expect(g.resources[0].parameters).toEqual({ Network: 'Cluster Network 1', Address: '10.1.0.50' });
    expect(g.resources[1].parameters).toEqual({ Network: 'Cluster Network 2', Address: '10.2.0.50' });
    toScenario(s); // throws when the engine rejects it
  });

  it('keeps a heartbeat setting that differs from the level default', () => {
    const d = dump();
    d.Cluster.SameSubnetThreshold = 10;
    expect(imported(d).scenario.cluster.properties.SameSubnetThreshold).toBe(10);
  });

  it('marks cluster networks routed when two nodes share none, and says why', () => {
    const d = dump();
    d.NetworkInterfaces = d.NetworkInterfaces.filter((i: Raw) => i.Network !== 'Replication');
    const { scenario: s, warnings } = imported(d);
    expect(s.networks.filter((n: Raw) => n.routed).map((n: Raw) => n.name)).toEqual([
      'Cluster Network 1',
      'Cluster Network 2',
      'Replication',
    ]);
    expect(warnings).toContain(
      'NetworkInterfaces: nodes "NYC1" and "SEA1" share no cluster network: every cluster network is imported as routed (the dump cannot show routing)',
    );
    toScenario(s);
  });

  it('maps the level numbers: 8 → 2012R2 (no sites), 9 → 2016, 11 → 2019', () => {
    const at = (n: number) => {
      const d = dump();
      d.Cluster.FunctionalLevel = n;
      return imported(d);
    };
    const old = at(8);
    expect(old.scenario.cluster.functionalLevel).toBe('2012R2');
    expect(old.scenario.nodes.every((n: Raw) => n.site === undefined)).toBe(true);
    expect(old.warnings).toContain('FaultDomains: sites need functional level 2016 or later: imported without sites');
    toScenario(old.scenario);
    expect(at(9).scenario.cluster.functionalLevel).toBe('2016');
    expect(at(11).scenario.cluster.functionalLevel).toBe('2019');
  });

  it('a dump without the network part imports as before (no network mode)', () => {
    const d = dump();
    for (const k of ['Networks', 'NetworkInterfaces', 'FaultDomains']) delete d[k];
    for (const k of [
      'FunctionalLevel',
      'PreferredSite',
      'CrossSiteDelay',
      'CrossSiteThreshold',
      'LowerQuorumPriorityNodeId',
    ])
      delete d.Cluster[k];
    const { scenario: s } = imported(d);
    expect(s.networks).toBeUndefined();
    expect(s.cluster.functionalLevel).toBeUndefined();
    expect(s.groups[0].resources[0].parameters).toBeUndefined();
    toScenario(s);
  });

  it('bad network input gives warnings naming the place, never an abort', () => {
    const d = dump();
    d.Networks.push({ Name: 'cluster network 1', Role: 3 }, { Role: 1 }, 'junk');
    d.Networks[2].Role = 'Heartbeat';
    d.NetworkInterfaces.push({ Node: 'NOPE', Network: 'Replication' }, { Node: 'NYC1', Network: 'Nowhere' }, 7);
    d.FaultDomains[3].ParentName = 'Rack Z';
    d.Cluster.PreferredSite = 'LA';
    d.Cluster.FunctionalLevel = 'ten';
    d.Cluster.LowerQuorumPriorityNodeId = 9;
    d.Groups[1].PreferredSite = ['SEA', 'LA'];
    d.Resources[1].IpParameters.Network = 'Replication';
    const { scenario: s, warnings } = imported(d);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'Networks[4].Name: network "cluster network 1" has the same name as "Cluster Network 1": skipped',
        'Networks[5]: a network without a name: skipped',
        'Networks[6]: a network without a name: skipped',
        'Networks[2].Role: network "Replication" has an unreadable role ("Heartbeat"): imported as cluster and client',
        'NetworkInterfaces[10].Node: unknown node "NOPE": skipped',
        'NetworkInterfaces[11].Network: unknown network "Nowhere": skipped',
        'NetworkInterfaces[12]: not an interface object: skipped',
        'Cluster.FunctionalLevel: "ten" is not a number: imported without a level',
        'Cluster.LowerQuorumPriorityNodeId: no node has ID 9: not imported',
        'FaultDomains: sites need functional level 2016 or later: imported without sites',
      ]),
    );
    expect(s.networks).toHaveLength(4);
    expect(s.cluster.functionalLevel).toBeUndefined();
    toScenario(s);
  });

  it('drops what does not fit, with the reason: a node outside every site, unknown preferred sites, IP on a non-client network', () => {
    const d = dump();
    d.Groups[1].PreferredSite = ['SEA', 'LA', 'SEA'];
    d.Resources[1].IpParameters.Network = 'Replication';
    let r = imported(d);
    expect(r.warnings).toContain('Groups[1].PreferredSite: "LA", "SEA" dropped: not a node\'s site (or listed twice)');
    expect(r.scenario.groups[0].properties.PreferredSite).toEqual(['SEA']);
    expect(r.warnings).toContain(
      'Resources[1].IpParameters.Network: network "Replication" is not for clients (role cluster): not imported',
    );
    expect(r.scenario.groups[0].resources[0].parameters).toEqual({ Address: '10.1.0.50' });
    toScenario(r.scenario);
    d.FaultDomains[3].ParentName = 'Rack Z';
    r = imported(d);
    expect(r.warnings).toContain(
      'FaultDomains: 1 node(s) are in no site: imported without sites (every node needs one, or none)',
    );
    expect(r.warnings).toContain('Cluster.PreferredSite: site "NYC" is no node\'s site: not imported');
    toScenario(r.scenario);
  });

  it('imports and exports again to a script that parses and carries the networks and sites', async () => {
    const script = exportPowerShell(toScenario(imported(dumpText()).scenario));
    expect(script).toContain("Set-ClusterFaultDomain -Name 'SEA2' -Parent 'SEA'");
    expect(script).toContain("Network = 'Cluster Network 2'");
    expect(await syntaxProblems(script)).toEqual([]);
  });
});
