/**
 * Every dump in __fixtures__/powershell (rebuilt from real clusters' public output, README there)
 * imports to a design the engine accepts with zero errors, with exactly the warnings listed here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../engine/index';
import { decodeDumpBytes, importClusterJson } from './powershellImport';

const dir = join(__dirname, '__fixtures__', 'powershell');
const coreSkipped = (i: number, name: string) =>
  `Groups[${i}]: "${name}" is one of the cluster's own groups: skipped (quorum is imported from Quorum)`;

/** Fixture → the warnings its import gives, in order. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  'case01-msdocs-fileserver.json': [
    coreSkipped(0, 'Available Storage'),
    coreSkipped(1, 'Cluster Group'),
    'Groups[2].PersistentState: group "cluster1FS12" is Online but its PersistentState is 0: imported as online, as it runs now (a cluster restart would leave it offline)',
  ],
  'case02-sqlfci.json': [coreSkipped(0, 'Cluster Group'), coreSkipped(1, 'Available Storage')],
  'case03-multisubnet-ag.json': [
    coreSkipped(0, 'Cluster'),
    coreSkipped(1, 'Available Storage'),
    'Resources[7].State: resource "sql1_10.253.52.51" is Offline while group "sql1" runs: the simulation brings every resource of an online group online',
  ],
  'case04-hyperv-antiaffinity.json': [
    coreSkipped(0, 'Cluster Group'),
    coreSkipped(1, 'Available Storage'),
    'Resources[1].OwnerGroup: resource "Cluster Disk 2" belongs to "Cluster Shared Volume", which the dump does not list: skipped',
  ],
  'case05-localized-de.json': [coreSkipped(0, 'Clustergruppe'), coreSkipped(1, 'Verfügbarer Speicher')],
  'case06-ws2012r2-quorum-disk.json': [coreSkipped(0, 'Cluster Group')],
  'case06-ws2012r2-quorum-fsw.json': [coreSkipped(0, 'Cluster Group')],
  'case06-ws2012r2-quorum-nomaj.json': [coreSkipped(0, 'Cluster Group')],
  'case07-node-states.json': [
    'Nodes[1].State: node "NODE2" is Paused; a scenario starts nodes Up or Down, so it is imported as Up (add a pauseNode action at 0 to start it paused)',
    coreSkipped(0, 'Cluster Group'),
    'Groups[1].OwnerNode: group "App" is owned by "NODE3", which is Down: no initial owner set, the simulation places the group on an Up node',
    'Groups[1].State: group "App" is Offline but its PersistentState is 1: imported as online, so the simulation starts it',
  ],
  'min01-role-and-netname-share-a-name.json': [],
  'min02-quorum-number-beats-name.json': [
    "Groups: no roles besides the cluster's own groups: the scenario has no groups",
  ],
  'min03-online-group-persistentstate-0.json': [
    'Groups[0].PersistentState: group "FileServer1" is Online but its PersistentState is 0: imported as online, as it runs now (a cluster restart would leave it offline)',
  ],
  'min04-bracket-in-name.json': [
    'Resources[0].Name: resource "Disk [A]" holds "]", which a dependency expression cannot write: dependencies on it are kept as a list (dependsOn: [...]), or dropped where they sit in an OR set',
  ],
};

type Raw = {
  cluster?: { quorum?: { witness?: string } };
  nodes: { name: string; state?: string }[];
  groups: {
    name: string;
    ownerNode?: string;
    persistentState?: string;
    properties?: Record<string, unknown>;
    resources: { name: string; type: string; dependsOn?: unknown }[];
  }[];
};

function load(file: string): { scenario: Raw; warnings: string[] } {
  const r = importClusterJson(decodeDumpBytes(readFileSync(join(dir, file))));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return { scenario: r.scenario as Raw, warnings: r.warnings };
}

describe('PowerShell fixtures from real clusters', () => {
  it('the list above covers every fixture', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(Object.keys(EXPECTED_WARNINGS).sort());
  });

  it.each(Object.entries(EXPECTED_WARNINGS))('%s imports to a design the engine accepts', (file, warnings) => {
    const { scenario, warnings: got } = load(file);
    expect(got).toEqual(warnings);
    const v = validateScenario(scenario);
    expect(v.ok ? [] : v.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
  });

  it('a role and the resource named like it import as they are (min01, case01, case02, case03, case05)', () => {
    const g = load('min01-role-and-netname-share-a-name.json').scenario.groups[0]!;
    expect(g.name).toBe('FileServer1');
    expect(g.resources).toEqual([
      { name: 'FileServer1', type: 'Network Name' },
      { name: 'File Server (\\\\FileServer1)', type: 'File Server', dependsOn: ['FileServer1'] },
    ]);
    for (const [file, name] of [
      ['case01-msdocs-fileserver.json', 'cluster1FS12'],
      ['case02-sqlfci.json', 'SQL Server (MSSQLSERVER)'],
      ['case03-multisubnet-ag.json', 'sql1'],
      ['case05-localized-de.json', 'Dateiserver Süd'],
    ] as const) {
      const groups = load(file).scenario.groups;
      expect(groups.map((x) => x.name)).toContain(name);
      expect(groups.find((x) => x.name === name)!.resources.map((r) => r.name)).toContain(name);
    }
  });

  it('an Online group with PersistentState 0 imports as online (min03, case01)', () => {
    expect(load('min03-online-group-persistentstate-0.json').scenario.groups[0]!.persistentState).toBeUndefined();
    expect(load('case01-msdocs-fileserver.json').scenario.groups[0]!.persistentState).toBeUndefined();
  });

  it('a name holding "]" imports, its dependency in the list form (min04)', () => {
    expect(load('min04-bracket-in-name.json').scenario.groups[0]!.resources).toEqual([
      { name: 'Disk [A]', type: 'Physical Disk' },
      { name: 'App', type: 'Generic Service', dependsOn: ['Disk [A]'] },
    ]);
  });

  it('OR dependencies of a real file server and a multi-subnet listener keep their OR sets', () => {
    const fs = load('case01-msdocs-fileserver.json').scenario.groups[0]!.resources;
    expect(fs.find((r) => r.name === 'cluster1FS12')!.dependsOn).toBe(
      '[IP Address 157.56.48.0] or [IP Address 2001:4898:9:2::] or [IP Address 2002:9d38:31ca:8::]',
    );
    expect(fs.find((r) => r.type === 'File Server')!.dependsOn).toEqual(['cluster1FS12', 'Cluster Disk 6']);
    const ag = load('case03-multisubnet-ag.json').scenario.groups[0]!.resources;
    expect(ag.find((r) => r.name === 'sql1_listener')!.dependsOn).toBe('[sql1_10.253.51.51] or [sql1_10.253.52.51]');
  });

  it('Down nodes stay Down, a Down owner is not kept, Hyper-V anti-affinity classes are kept', () => {
    const s = load('case07-node-states.json').scenario;
    expect(s.nodes).toEqual([{ name: 'NODE1' }, { name: 'NODE2' }, { name: 'NODE3', state: 'Down' }]);
    expect(s.groups[0]!.ownerNode).toBeUndefined();
    const hv = load('case04-hyperv-antiaffinity.json').scenario.groups;
    expect(hv.map((g) => [g.name, g.properties])).toEqual([
      ['DC01', { Priority: 3000, AntiAffinityClassNames: ['DC'] }],
      ['DC02', { Priority: 3000, AntiAffinityClassNames: ['DC'] }],
    ]);
  });
});

describe('quorum: QuorumTypeName wins over the number', () => {
  const witness = (file: string) => load(file).scenario.cluster?.quorum?.witness ?? 'none';

  it.each([
    ['case06-ws2012r2-quorum-nomaj.json', 'none'],
    ['case06-ws2012r2-quorum-disk.json', 'disk'],
    ['case06-ws2012r2-quorum-fsw.json', 'fileShare'],
    ['min02-quorum-number-beats-name.json', 'fileShare'],
    ['case01-msdocs-fileserver.json', 'disk'],
    ['case02-sqlfci.json', 'fileShare'],
    ['case03-multisubnet-ag.json', 'cloud'],
  ])('%s → %s', (file, expected) => {
    expect(witness(file)).toBe(expected);
  });

  const dump = (quorum: Record<string, unknown>) =>
    JSON.stringify({ Nodes: [{ Name: 'N1', Id: '1', State: 0 }], Groups: [], Resources: [], Quorum: quorum });
  const read = (quorum: Record<string, unknown>) => {
    const r = importClusterJson(dump(quorum));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const s = r.scenario as Raw;
    return {
      witness: s.cluster?.quorum?.witness ?? 'none',
      warnings: r.warnings.filter((w) => w.startsWith('Quorum')),
    };
  };

  it('each Windows Server 2012 name, whatever number comes with it', () => {
    for (const n of [0, 1, 2, 3, 99]) {
      expect(read({ QuorumType: n, QuorumTypeName: 'NodeMajority' }).witness).toBe('none');
      expect(read({ QuorumType: n, QuorumTypeName: 'NodeAndDiskMajority' }).witness).toBe('disk');
      expect(read({ QuorumType: n, QuorumTypeName: 'NodeAndFileShareMajority' }).witness).toBe('fileShare');
    }
    expect(read({ QuorumType: 1, QuorumTypeName: 'DiskOnly' })).toEqual({
      witness: 'disk',
      warnings: [
        'Quorum.QuorumTypeName: disk-only quorum is not modelled; imported as node majority with a disk witness',
      ],
    });
  });

  it('PowerShell 7 -EnumsAsStrings: the name in QuorumType itself', () => {
    expect(read({ QuorumType: 'NodeAndFileShareMajority' }).witness).toBe('fileShare');
    expect(read({ QuorumType: 'Majority', QuorumResourceType: 'Cloud Witness' }).witness).toBe('cloud');
  });

  it('the number only when there is no name: 1 Majority (witness from the resource), 2 DiskOnly', () => {
    expect(read({ QuorumType: 1, QuorumResourceType: 'Physical Disk' }).witness).toBe('disk');
    expect(read({ QuorumType: 1 }).witness).toBe('none');
    expect(read({ QuorumType: 2 }).witness).toBe('disk');
  });

  it('a name that disagrees with the witness resource wins, with a warning; an unknown name falls back to the resource', () => {
    expect(read({ QuorumTypeName: 'NodeAndDiskMajority', QuorumResourceType: 'File Share Witness' })).toEqual({
      witness: 'disk',
      warnings: [
        'Quorum.QuorumTypeName: "NodeAndDiskMajority" means a disk witness, but the quorum resource is of type "File Share Witness": imported as NodeAndDiskMajority (the type name wins)',
      ],
    });
    expect(read({ QuorumTypeName: 'Sideways', QuorumResourceType: 'Cloud Witness' })).toEqual({
      witness: 'cloud',
      warnings: ['Quorum.QuorumTypeName: unknown quorum type "Sideways": the witness is read from the quorum resource'],
    });
  });
});
