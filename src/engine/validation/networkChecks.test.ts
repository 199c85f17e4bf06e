/**
 * networks.md §1.6, first table and the type errors below it: one test per row, exact path and
 * message, each test named after its row ("networks empty", "unknown network key", "bad role",
 * "routed not boolean", "duplicate network", "bad level", "field needs a level" (the site test and
 * the cluster/group properties test), "field needs networks" (interfaces, parameters), "unknown
 * network", "duplicate interface", "no heartbeat interface", "no route between two nodes", "site
 * missing", "sites differ by case", "unknown site", "duplicate preferred site",
 * "LowerQuorumPriorityNodeId out of range", "parameters on another type", "unknown parameter", "IP
 * on a non-client network"; the type errors in "type errors of the cluster properties", "site of the
 * wrong type", "group PreferredSite of the wrong type"). Script entries: networkScriptChecks.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { netIssues, netScenario } from './networkTestkit';

describe('networks (§1.3)', () => {
  it('accepts the base network scenario', () => {
    expect(netIssues(netScenario())).toEqual([]);
  });

  it('networks empty', () => {
    const s = netScenario();
    s.networks = [];
    for (const n of s.nodes) delete n.interfaces;
    delete s.groups[0].resources[0].parameters;
    expect(netIssues(s)).toEqual([
      'networks: the scenario lists no network; give at least one or leave "networks" out',
    ]);
  });

  it('networks not an array, an entry not an object', () => {
    const s = netScenario();
    s.networks = 'LAN';
    expect(netIssues(s)).toContain('networks: "networks" must be an array of networks, got "LAN"');
    const t = netScenario();
    t.networks.push(7);
    expect(netIssues(t)).toEqual(['networks[3]: each network must be an object like { "name": "LAN" }, got 7']);
  });

  it('an entry without a usable name does not make every reference to it unknown', () => {
    const s = netScenario();
    s.networks[0].name = 5;
    expect(netIssues(s)).toEqual(['networks[0].name: network at networks[0] "name" must be a non-empty string, got 5']);
  });

  it('unknown network key, with did-you-mean', () => {
    const s = netScenario();
    s.networks[1].rolle = 'cluster';
    expect(netIssues(s)).toEqual(['networks[1].rolle: network "HB" has unknown key "rolle"; did you mean "role"?']);
  });

  it('bad role', () => {
    const s = netScenario();
    s.networks[1].role = 'heartbeat';
    expect(netIssues(s)).toEqual([
      'networks[1].role: network "HB" role must be one of "none", "cluster" or "clusterAndClient", got "heartbeat"',
    ]);
  });

  it('routed not boolean', () => {
    const s = netScenario();
    s.networks[0].routed = 1;
    expect(netIssues(s)).toEqual(['networks[0].routed: network "Public" "routed" must be true or false, got 1']);
  });

  it('name and subnet types, a missing name', () => {
    const s = netScenario();
    s.networks[0].subnet = 24;
    s.networks.push({ role: 'none' }, { name: '' });
    expect(netIssues(s)).toEqual([
      'networks[0].subnet: network "Public" "subnet" must be a string, got 24',
      'networks[3].name: network at networks[3] has no "name"; every network needs a non-empty name',
      'networks[4].name: network at networks[4] "name" must be a non-empty string, got ""',
    ]);
  });

  it('duplicate network, differing only in letter case, and exactly', () => {
    const s = netScenario();
    s.networks.push({ name: 'public' }, { name: 'HB' });
    expect(netIssues(s)).toEqual([
      'networks[3].name: network "public" has the same name as network "Public" at networks[0].name (they differ only in letter case); network names must be unique, ignoring letter case',
      'networks[4].name: network "HB" has the same name as network "HB" at networks[1].name; network names must be unique, ignoring letter case',
    ]);
  });
});

describe('functional level and the fields that need one (§1.1, §1.2)', () => {
  it('bad level', () => {
    const s = netScenario();
    s.cluster.functionalLevel = '2022';
    expect(netIssues(s)).toEqual([
      'cluster.functionalLevel: the cluster functional level must be one of "2012R2", "2016" or "2019", got "2022"',
    ]);
    s.cluster.functionalLevel = 2016;
    expect(netIssues(s)).toEqual([
      'cluster.functionalLevel: the cluster functional level must be one of "2012R2", "2016" or "2019", got 2016',
    ]);
  });

  it('a site needs a level (2016 or 2019), also at 2012R2', () => {
    const s = netScenario();
    delete s.cluster.functionalLevel;
    delete s.groups[0].properties;
    const lines = netIssues(s);
    expect(lines[0]).toBe('nodes[0].site: node "N1" has a site, which needs cluster.functionalLevel "2016" or "2019"');
    expect(lines).toHaveLength(4);
    s.cluster.functionalLevel = '2012R2';
    expect(netIssues(s)).toEqual(lines);
  });

  it('the cluster properties and group PreferredSite need a level', () => {
    const s = netScenario();
    for (const n of s.nodes) delete n.site;
    s.cluster.functionalLevel = '2012R2';
    s.cluster.properties = { CrossSiteDelay: 1000, CrossSiteThreshold: 20, PreferredSite: 'SEA' };
    expect(netIssues(s)).toEqual([
      'cluster.properties.CrossSiteDelay: the cluster has property "CrossSiteDelay", which needs cluster.functionalLevel "2016" or "2019"',
      'cluster.properties.CrossSiteThreshold: the cluster has property "CrossSiteThreshold", which needs cluster.functionalLevel "2016" or "2019"',
      'cluster.properties.PreferredSite: the cluster has property "PreferredSite", which needs cluster.functionalLevel "2016" or "2019"',
      'groups[0].properties.PreferredSite: group "SQL" has property "PreferredSite", which needs cluster.functionalLevel "2016" or "2019"',
    ]);
  });

  it('accepts the cluster properties at 2016 and 2019', () => {
    for (const level of ['2016', '2019']) {
      const s = netScenario();
      s.cluster.functionalLevel = level;
      s.cluster.properties = { CrossSiteDelay: 250, CrossSiteThreshold: 120, PreferredSite: 'NYC' };
      expect(netIssues(s)).toEqual([]);
    }
  });

  it('type errors of the cluster properties, in SF form', () => {
    const s = netScenario();
    s.cluster.properties = { CrossSiteDelay: 100, CrossSiteThreshold: 2.5, PreferredSite: 3 };
    expect(netIssues(s)).toEqual([
      'cluster.properties.CrossSiteDelay: the cluster property "CrossSiteDelay" must be an integer from 250 to 4000 ms, got 100 (out of range)',
      'cluster.properties.CrossSiteThreshold: the cluster property "CrossSiteThreshold" must be an integer from 3 to 120, got 2.5 (not a whole number)',
      'cluster.properties.PreferredSite: the cluster property "PreferredSite" must be a site name, got 3',
    ]);
    s.cluster.properties = { CrossSiteDelay: -1, CrossSiteThreshold: '20' };
    expect(netIssues(s)).toEqual([
      'cluster.properties.CrossSiteDelay: the cluster property "CrossSiteDelay" must be an integer from 250 to 4000 ms, got -1 (negative values are not allowed)',
      'cluster.properties.CrossSiteThreshold: the cluster property "CrossSiteThreshold" must be an integer from 3 to 120, got "20"',
    ]);
  });

  it('LowerQuorumPriorityNodeId out of range (allowed at every level, without networks too)', () => {
    const s = netScenario();
    s.cluster.properties = { LowerQuorumPriorityNodeId: 7 };
    expect(netIssues(s)).toEqual([
      'cluster.properties.LowerQuorumPriorityNodeId: the cluster property "LowerQuorumPriorityNodeId" must be 0 (none) or a node ID from 1 to 4, got 7',
    ]);
    s.cluster.properties.LowerQuorumPriorityNodeId = '1';
    expect(netIssues(s)).toEqual([
      'cluster.properties.LowerQuorumPriorityNodeId: the cluster property "LowerQuorumPriorityNodeId" must be 0 (none) or a node ID from 1 to 4, got "1"',
    ]);
    const plain = { format: 'failover-scenario@1', nodes: [{ name: 'A' }, { name: 'B' }], cluster: { properties: {} } };
    for (const v of [0, 1, 2]) {
      plain.cluster.properties = { LowerQuorumPriorityNodeId: v };
      expect(netIssues(plain)).toEqual([]);
    }
    plain.cluster.properties = { LowerQuorumPriorityNodeId: -1 };
    expect(netIssues(plain)).toEqual([
      'cluster.properties.LowerQuorumPriorityNodeId: the cluster property "LowerQuorumPriorityNodeId" must be 0 (none) or a node ID from 1 to 2, got -1',
    ]);
  });
});

describe('node fields (§1.4)', () => {
  it('interfaces need networks', () => {
    const s = netScenario();
    delete s.networks;
    delete s.groups[0].resources[0].parameters;
    expect(netIssues(s)).toEqual([
      'nodes[0].interfaces: node "N1" lists interfaces, but the scenario declares no "networks"',
      'nodes[1].interfaces: node "N2" lists interfaces, but the scenario declares no "networks"',
      'nodes[2].interfaces: node "N3" lists interfaces, but the scenario declares no "networks"',
      'nodes[3].interfaces: node "N4" lists interfaces, but the scenario declares no "networks"',
    ]);
  });

  it('parameters need networks', () => {
    const s = netScenario();
    delete s.networks;
    for (const n of s.nodes) delete n.interfaces;
    expect(netIssues(s)).toEqual([
      'groups[0].resources[0].parameters: resource "IP-SEA" has "parameters", but the scenario declares no "networks"',
    ]);
  });

  it('unknown network in interfaces, with did-you-mean', () => {
    const s = netScenario();
    s.networks.push({ name: 'NYC-LAN' });
    s.nodes[2].interfaces = ['NYC-LN', 'HB'];
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces[0]: node "N3" has an interface on unknown network "NYC-LN"; did you mean "NYC-LAN"?',
    ]);
  });

  it('a node whose only interface is unknown: that, not also "no heartbeat interface" or "no route"', () => {
    const s = netScenario();
    s.nodes[2].interfaces = ['Pubic'];
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces[0]: node "N3" has an interface on unknown network "Pubic"; did you mean "Public"?',
    ]);
  });

  it('duplicate interface', () => {
    const s = netScenario();
    s.nodes[2].interfaces = ['Public', 'HB', 'HB'];
    expect(netIssues(s)).toEqual(['nodes[2].interfaces[2]: node "N3" lists network "HB" twice']);
  });

  it('interfaces of the wrong type', () => {
    const s = netScenario();
    s.nodes[0].interfaces = 'HB';
    s.nodes[1].interfaces = ['HB', 3];
    expect(netIssues(s)).toEqual([
      'nodes[0].interfaces: node "N1" "interfaces" must be an array of network names, got "HB"',
      'nodes[1].interfaces[1]: node "N2" "interfaces" item 1 must be a network name, got 3',
    ]);
  });

  it('no heartbeat interface (on interfaces given, and on the implicit "every network")', () => {
    const s = netScenario();
    s.networks.push({ name: 'Backup', role: 'none' });
    s.nodes[2].interfaces = ['Backup'];
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces: node "N3" has no interface on a network whose role is not "none"',
    ]);
    const t = netScenario();
    t.networks = [{ name: 'Backup', role: 'none' }];
    for (const n of t.nodes) delete n.interfaces;
    delete t.groups[0].resources[0].parameters;
    expect(netIssues(t)[0]).toBe('nodes[0]: node "N1" has no interface on a network whose role is not "none"');
    expect(netIssues(t)).toHaveLength(4);
  });

  it('no route between two nodes: reported on the later node, once, at nodes[j] when it has no interfaces', () => {
    const s = netScenario();
    s.networks = [{ name: 'SEA-LAN' }, { name: 'NYC-LAN', routed: true }];
    s.nodes[0].interfaces = ['SEA-LAN'];
    s.nodes[1].interfaces = ['SEA-LAN'];
    s.nodes[2].interfaces = ['NYC-LAN'];
    delete s.nodes[3].interfaces;
    delete s.groups[0].resources[0].parameters;
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces: node "N3" has no route to node "N1": they share no network whose role is not "none", and they are not both on routed networks',
    ]);
    s.nodes[3].interfaces = ['NYC-LAN'];
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces: node "N3" has no route to node "N1": they share no network whose role is not "none", and they are not both on routed networks',
      'nodes[3].interfaces: node "N4" has no route to node "N1": they share no network whose role is not "none", and they are not both on routed networks',
    ]);
    s.networks[0].routed = true; // both routed: a cross-subnet route (TL7)
    expect(netIssues(s)).toEqual([]);
  });

  it('no route: a node without interfaces is reported at nodes[j]', () => {
    const s = netScenario();
    s.networks = [{ name: 'A' }, { name: 'B' }];
    s.nodes[0].interfaces = ['A'];
    s.nodes[1].interfaces = ['A'];
    s.nodes[2].interfaces = ['B'];
    delete s.nodes[3].interfaces; // on A and B: reaches everyone
    delete s.groups[0].resources[0].parameters;
    expect(netIssues(s)).toEqual([
      'nodes[2].interfaces: node "N3" has no route to node "N1": they share no network whose role is not "none", and they are not both on routed networks',
    ]);
    s.nodes[0].interfaces = ['B'];
    s.nodes[1].interfaces = ['B'];
    s.nodes[2].interfaces = ['B'];
    s.nodes.push({ name: 'N5', site: 'NYC' });
    s.networks[0].role = 'none';
    s.nodes[3].interfaces = ['A'];
    delete s.nodes[4].interfaces;
    expect(netIssues(s)).toEqual([
      'nodes[3].interfaces: node "N4" has no interface on a network whose role is not "none"',
    ]);
  });

  it('site missing', () => {
    const s = netScenario();
    delete s.nodes[3].site;
    expect(netIssues(s)).toEqual([
      'nodes[3]: node "N4" has no site, but node "N1" has one; give every node a site or none',
    ]);
  });

  it('sites differing only by case', () => {
    const s = netScenario();
    s.nodes[3].site = 'nyc';
    expect(netIssues(s)).toEqual([
      'nodes[3].site: node "N4" has site "nyc", which differs only in letter case from site "NYC" of node "N3"',
    ]);
  });

  it('site of the wrong type', () => {
    const s = netScenario();
    s.nodes[0].site = 3;
    expect(netIssues(s)).toEqual(['nodes[0].site: node "N1" "site" must be a non-empty string, got 3']);
  });
});

describe('group and resource fields (§1.5)', () => {
  it('unknown site in the cluster and group PreferredSite, with did-you-mean', () => {
    const s = netScenario();
    s.cluster.properties = { PreferredSite: 'NY' };
    s.groups[0].properties.PreferredSite = ['SEA', 'NY'];
    expect(netIssues(s)).toEqual([
      'cluster.properties.PreferredSite: the cluster property "PreferredSite" names unknown site "NY"; did you mean "NYC"?',
      'groups[0].properties.PreferredSite[1]: group "SQL" property "PreferredSite" names unknown site "NY"; did you mean "NYC"?',
    ]);
  });

  it('PreferredSite when no node has a site', () => {
    const s = netScenario();
    for (const n of s.nodes) delete n.site;
    s.cluster.properties = { PreferredSite: 'NYC' };
    delete s.groups[0].properties;
    expect(netIssues(s)).toEqual([
      'cluster.properties.PreferredSite: the cluster property "PreferredSite" names unknown site "NYC"; no node has a site',
    ]);
  });

  it('duplicate preferred site', () => {
    const s = netScenario();
    s.groups[0].properties.PreferredSite = ['SEA', 'SEA'];
    expect(netIssues(s)).toEqual(['groups[0].properties.PreferredSite[1]: group "SQL" lists site "SEA" twice']);
  });

  it('group PreferredSite of the wrong type', () => {
    const s = netScenario();
    s.groups[0].properties.PreferredSite = 'SEA';
    expect(netIssues(s)).toEqual([
      'groups[0].properties.PreferredSite: group "SQL" property "PreferredSite" must be an array of site names, got "SEA"',
    ]);
    s.groups[0].properties.PreferredSite = ['SEA', 5];
    expect(netIssues(s)).toEqual([
      'groups[0].properties.PreferredSite[1]: group "SQL" property "PreferredSite" item 1 must be a site name, got 5',
    ]);
  });

  it('parameters on another type', () => {
    const s = netScenario();
    s.groups[0].resources[1].parameters = { Network: 'Public' };
    expect(netIssues(s)).toEqual([
      'groups[0].resources[1].parameters: resource "SQLNET" has "parameters", which only an "IP Address" resource accepts',
    ]);
  });

  it('unknown parameter (with did-you-mean when close), parameter types', () => {
    const s = netScenario();
    s.groups[0].resources[0].parameters = { Network: 'Public', SubnetMask: '255.255.255.0', network: 'x', Address: 1 };
    expect(netIssues(s)).toEqual([
      'groups[0].resources[0].parameters.SubnetMask: resource "IP-SEA" has unknown parameter "SubnetMask"',
      'groups[0].resources[0].parameters.network: resource "IP-SEA" has unknown parameter "network"; did you mean "Network"?',
      'groups[0].resources[0].parameters.Address: resource "IP-SEA" parameter "Address" must be a string, got 1',
    ]);
    s.groups[0].resources[0].parameters = 'Public';
    expect(netIssues(s)).toEqual([
      'groups[0].resources[0].parameters: resource "IP-SEA" "parameters" must be an object like { "Network": "Public" }, got "Public"',
    ]);
  });

  it('unknown network in parameters.Network, with did-you-mean', () => {
    const s = netScenario();
    s.groups[0].resources[0].parameters.Network = 'Pub';
    expect(netIssues(s)).toEqual([
      'groups[0].resources[0].parameters.Network: resource "IP-SEA" names unknown network "Pub"; did you mean "Public"?',
    ]);
  });

  it('IP on a non-client network', () => {
    const s = netScenario();
    s.groups[0].resources[0].name = 'IP-HB';
    s.groups[0].resources[1].dependsOn = ['IP-HB'];
    s.groups[0].resources[0].parameters.Network = 'HB';
    expect(netIssues(s)).toEqual([
      'groups[0].resources[0].parameters.Network: resource "IP-HB" is an IP Address on network "HB", whose role is "cluster"; it needs a network whose role is "clusterAndClient"',
    ]);
  });
});
