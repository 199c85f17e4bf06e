import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario } from '../engine';
import { exportPowerShell, exportPowerShellWithNotes } from './powershellExport';
import { syntaxProblems } from './psGrammar.testutil';
import { toScenario } from './testing';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const twoSites = (): Raw =>
  JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'two-sites-multi-subnet.scenario.json'), 'utf8')) as Raw;
const script = (raw: Raw) => exportPowerShell(toScenario(raw));

describe('PowerShell export of networks and sites', () => {
  it('writes nothing about networks for a plain scenario', () => {
    const s = script({ format: 'failover-scenario@1', nodes: [{ name: 'N1' }], groups: [] });
    expect(s).not.toMatch(/ClusterNetwork|FaultDomain|PreferredSite|1b\./);
  });

  it('finds each network by subnet or by a parameter, renames it and sets its role by number', () => {
    const s = script(twoSites());
    expect(s).toContain("$fl_n = @(Get-ClusterNetwork | Where-Object { $_.Address -eq '10.1.0.0' })");
    expect(s).toContain(
      "if ($fl_n.Name -ne 'NYC-LAN') { $fl_n.Name = 'NYC-LAN' }\n$fl_n.Role = 3   # ClusterAndClient",
    );
    expect(s).toContain('[Parameter(Mandatory)][string]$OHeartbeatNetwork');
    expect(s).toContain(
      "if ($fl_n.Name -ne 'O''Heartbeat') { $fl_n.Name = 'O''Heartbeat' }\n$fl_n.Role = 1   # Cluster",
    );
    expect(s).toContain('$fl_n.Role = 0   # None');
  });

  it('checks the interfaces the design expects instead of creating them', () => {
    const s = script(twoSites());
    expect(s).toContain("if ($fl_if -notcontains ('SEA1' + [char]0 + 'SEA-LAN')) { Write-Warning");
    expect(s).not.toContain("('SEA1' + [char]0 + 'iSCSI')");
  });

  it('creates sites as fault domains, places the nodes, sets the cluster and group PreferredSite', () => {
    const s = script(twoSites());
    expect(s).toContain("New-ClusterFaultDomain -Name 'NYC' -Type Site | Out-Null");
    expect(s).toContain("Set-ClusterFaultDomain -Name 'SEA2' -Parent 'SEA'");
    expect(s).toContain("$fl_cluster.PreferredSite = 'NYC'");
    expect(s).toContain('$fl_cluster.CrossSiteDelay = 2000');
    expect(s).toContain("[void]$fl_ps.Add('NYC')\n[void]$fl_ps.Add('SEA')\n$fl_g.PreferredSite = $fl_ps");
    // Sites exist before the cluster PreferredSite names one.
    expect(s.indexOf('New-ClusterFaultDomain -Name')).toBeLessThan(s.indexOf('$fl_cluster.PreferredSite'));
  });

  it('looks the LowerQuorumPriorityNodeId node up by name (the design ID is a position)', () => {
    expect(script(twoSites())).toContain(
      "$fl_cluster.LowerQuorumPriorityNodeId = [uint32](Get-ClusterNode | Where-Object { $_.Name -eq 'SEA2' }).Id",
    );
  });

  it("writes an IP Address's Network and Address as given, asking only for what the design lacks", () => {
    const s = script(twoSites());
    expect(s).toContain(
      "Set-ClusterParameter -Multiple @{ Address = '10.1.0.50'; SubnetMask = $IpNycSubnetMask; Network = 'NYC-LAN'; EnableDhcp = 0 }",
    );
    expect(s).not.toContain('$IpNycAddress');
    expect(s).not.toContain('$IpNycNetwork');
    expect(s).toContain('$IpSeaAddress');
  });

  it('checks the functional level (throw when sites need it), and never sets it', () => {
    const s = script(twoSites());
    expect(s).toContain('if ((Get-Cluster).ClusterFunctionalLevel -lt 9) { throw');
    expect(s).not.toMatch(/^Update-ClusterFunctionalLevel/m);
    const noSites = script({
      format: 'failover-scenario@1',
      cluster: { functionalLevel: '2019' },
      nodes: [{ name: 'N1' }],
      groups: [],
    });
    expect(noSites).toContain('if ((Get-Cluster).ClusterFunctionalLevel -lt 10) { Write-Warning');
  });

  it('lists what is not exportable, in the script and in the notes the app shows', () => {
    const { script: s, notes } = exportPowerShellWithNotes(toScenario(twoSites()));
    for (const text of [
      "each node's interfaces: they are physical",
      'the functional level 2016',
      'partitions and network or interface failures in the script: they exist only in the simulation',
    ]) {
      expect(s).toContain(text);
      expect(notes.some((n) => n.includes(text))).toBe(true);
    }
  });

  it('places the group on its preferred site first (networks.md §4.11 tiers, §4.10 can-run)', () => {
    const raw = twoSites();
    raw.groups[0].properties.PreferredSite = ['SEA', 'NYC'];
    expect(script(raw)).toContain("Move-ClusterGroup -Name 'SQL' -Node 'SEA1'");
  });

  it('parses with the PowerShell grammar whatever the network and site names', async () => {
    const raw = twoSites();
    raw.networks[3].name = 'a`$b"c\u2019d';
    raw.nodes[0].interfaces[2] = 'a`$b"c\u2019d';
    raw.nodes[1].interfaces[2] = 'a`$b"c\u2019d';
    expect(await syntaxProblems(script(raw))).toEqual([]);
  });
});

describe('the exported initial owner agrees with the engine (networks.md §4.10–§4.11)', () => {
  const variants: [string, (raw: Raw) => void][] = [
    ['group prefers NYC then SEA', () => {}],
    ['group prefers SEA then NYC', (raw) => (raw.groups[0].properties.PreferredSite = ['SEA', 'NYC'])],
    ['no group preference, cluster prefers NYC', (raw) => delete raw.groups[0].properties],
    [
      'no preference at all, preferred owners SEA2 then NYC2',
      (raw) => {
        delete raw.groups[0].properties;
        raw.groups[0].preferredOwners = ['SEA2', 'NYC2'];
      },
    ],
    ['NYC1 Down', (raw) => (raw.nodes[0].state = 'Down')],
  ];
  it.each(variants)('%s', (_name, change) => {
    const raw = twoSites();
    change(raw);
    const s = toScenario(raw);
    const owner = runScenario(s, 1).final.groups.SQL!.owner;
    expect(owner).not.toBeNull();
    expect(exportPowerShell(s)).toContain(`Move-ClusterGroup -Name 'SQL' -Node '${owner}'`);
  });
});
