import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DUMP_COMMAND, DUMP_SCRIPT, decodeDumpBytes, importClusterJson } from './powershellImport';
import { syntaxProblems } from './psGrammar.testutil';
import { toScenario } from './testing';

const fixture = (name: string) => readFileSync(join(__dirname, '__fixtures__', name));
const ok = (text: string) => {
  const r = importClusterJson(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};
const errors = (text: string) => {
  const r = importClusterJson(text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
};

describe('importClusterJson: Windows PowerShell 5.1 dump (BOM, CRLF, two-space colons)', () => {
  const bytes = fixture('dump-sql-2node-ps51.json');

  it('maps nodes, the SQL role, dependencies, owners and changed properties (§2.8)', () => {
    const r = ok(decodeDumpBytes(bytes));
    expect(r.scenario).toEqual({
      format: 'failover-scenario@1',
      name: 'Imported from SQLCLU1',
      description: 'Imported from a PowerShell dump of cluster SQLCLU1 (PowerShell 5.1.20348.2849).',
      cluster: { quorum: { witness: 'fileShare' } },
      nodes: [{ name: 'NODE1' }, { name: 'NODE2' }],
      groups: [
        {
          name: 'SQL Server (MSSQLSERVER)',
          ownerNode: 'NODE1',
          preferredOwners: ['NODE1', 'NODE2'],
          properties: { FailoverThreshold: 2, AntiAffinityClassNames: ['SQL'] },
          resources: [
            { name: 'Cluster Disk 2', type: 'Physical Disk' },
            { name: 'SQL IP Address 1 (SQLFCI)', type: 'IP Address' },
            { name: 'SQL Network Name (SQLFCI)', type: 'Network Name', dependsOn: ['SQL IP Address 1 (SQLFCI)'] },
            { name: 'SQL Server', type: 'SQL Server', dependsOn: ['Cluster Disk 2', 'SQL Network Name (SQLFCI)'] },
          ],
        },
      ],
    });
    expect(r.warnings).toEqual([
      'Groups[0]: "Available Storage" is one of the cluster\'s own groups: skipped (quorum is imported from Quorum)',
      'Groups[1]: "Cluster Group" is one of the cluster\'s own groups: skipped (quorum is imported from Quorum)',
    ]);
  });

  it('reads the same file saved as UTF-16LE with BOM (5.1 Out-File), or pasted with a BOM', () => {
    const text = decodeDumpBytes(bytes);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(importClusterJson(decodeDumpBytes(utf16))).toEqual(importClusterJson(text));
    expect(importClusterJson(`\uFEFF${text}`)).toEqual(importClusterJson(text));
  });

  it('gives a scenario the engine accepts', () => {
    expect(() => toScenario(ok(decodeDumpBytes(bytes)).scenario)).not.toThrow();
  });
});

describe('importClusterJson: awkward ConvertTo-Json shapes', () => {
  const r = ok(decodeDumpBytes(fixture('dump-raw-shapes.json')));
  const s = r.scenario as {
    cluster: unknown;
    nodes: unknown[];
    groups: { resources: Record<string, unknown>[] }[];
  } & Record<string, unknown>;

  it('unwraps {"value":[…],"Count":n}, reads single items not in arrays, sorts nodes by Id, enums as numbers or names', () => {
    expect(s.nodes).toEqual([
      { name: 'APP1' },
      { name: 'APP2', state: 'Down', properties: { NodeWeight: 0 } },
      { name: 'APP3' },
    ]);
    expect(r.warnings).toContain(
      'Nodes[0].State: node "APP3" is Paused; a scenario starts nodes Up or Down, so it is imported as Up (add a pauseNode action at 0 to start it paused)',
    );
    expect(s.groups).toHaveLength(1);
  });

  it('reads numbers written as strings, the 4294967295 sentinels, booleans, and cut-off nested objects', () => {
    expect(s.cluster).toEqual({
      properties: { SameSubnetThreshold: 20 },
      quorum: { witness: 'disk', DynamicQuorum: 0 },
    });
    const g = s.groups[0] as Record<string, unknown>;
    expect(g.name).toBe("Web & API 'prod'");
    expect(g.ownerNode).toBe('APP1');
    expect(g.preferredOwners).toEqual(['APP1']);
    expect(g.properties).toEqual({
      FailoverThreshold: 2,
      AutoFailbackType: 1,
      Priority: 3000,
      AntiAffinityClassNames: ['WEB'],
    });
    expect(s.groups[0]!.resources).toEqual([
      { name: 'Web Disk', type: 'Physical Disk' },
      {
        name: 'Web IP 1',
        type: 'IP Address',
        possibleOwners: ['APP1', 'APP3'],
        properties: { RestartAction: 1, SeparateMonitor: 1 },
      },
      {
        name: 'Web IP 2',
        type: 'IP Address',
        possibleOwners: ['APP1'],
        properties: { RestartAction: 0, PendingTimeout: 240000 },
      },
      { name: 'Web Name (WEB01)', type: 'Network Name', dependsOn: '[Web IP 1] or [Web IP 2]' },
      {
        name: 'IIS',
        type: 'Generic Service',
        properties: { RestartThreshold: 3, IsAlivePollInterval: 30000 },
        dependsOn: ['Web Name (WEB01)', 'Web Disk'],
      },
    ]);
  });

  it('maps [guid] terms back to names and reports (drops) a cross-group dependency', () => {
    expect(r.warnings).toContain(
      'Resources[4].DependencyExpression: "IIS" depends on "Cluster Disk 9" in group "Cluster Group": a dependency may not cross groups, dropped (fix on the cluster with Move-ClusterResource)',
    );
    expect(r.warnings).toContain('Resources[4].PossibleOwners: unknown node "OLDNODE" dropped');
  });

  it('gives a scenario the engine accepts', () => {
    expect(() => toScenario(r.scenario)).not.toThrow();
  });
});

describe('importClusterJson: bad input gives precise errors, never throws', () => {
  const base = () =>
    JSON.parse(decodeDumpBytes(fixture('dump-sql-2node-ps51.json'))) as Record<string, unknown> & {
      Groups: Record<string, unknown>[];
      Resources: Record<string, unknown>[];
      Nodes: Record<string, unknown>[];
    };

  it('empty input and invalid JSON (with line and column)', () => {
    expect(errors('  ')).toEqual([{ path: '$', message: 'the input is empty' }]);
    const e = errors('{\n  "Nodes": [,]\n}');
    expect(e[0]!.path).toBe('$');
    expect(e[0]!.message).toMatch(/^not valid JSON: line 2, column 13/);
  });

  it('raw single-cmdlet output is recognised and explained', () => {
    expect(
      errors(
        JSON.stringify([
          { Name: 'SQL', GroupType: 9999, FailoverThreshold: 1 },
          { Name: 'B', GroupType: 9999 },
        ]),
      )[0]!.message,
    ).toMatch(/^this is a list of groups \(raw Get-ClusterGroup output\), not a Failover Lab cluster dump/);
    expect(errors(JSON.stringify({ Name: 'r', ResourceType: { Name: 'IP Address' } }))[0]!.message).toMatch(
      /raw Get-ClusterResource output/,
    );
    expect(errors('42')[0]!.message).toMatch(/this is a number/);
  });

  it('a value that is not a number names its place', () => {
    const d = base();
    d.Groups[2]!.FailoverThreshold = 'two';
    expect(errors(JSON.stringify(d))).toEqual([
      { path: 'Groups[2].FailoverThreshold', message: '"two" is not a number' },
    ]);
  });

  it('an unreadable dependency expression names the resource and the column', () => {
    const d = base();
    d.Resources[6]!.DependencyExpression = '[Cluster Disk 2] and [SQL Network Name (SQLFCI)';
    const e = errors(JSON.stringify(d))[0]!;
    expect(e.path).toBe('Resources[6].DependencyExpression');
    expect(e.message).toMatch(/column 22 has no closing "\]"/);
  });

  it('missing names and types', () => {
    const d = base();
    delete d.Groups[2]!.Name;
    d.Resources[4]!.ResourceType = null;
    delete d.Nodes[1]!.Name;
    expect(errors(JSON.stringify(d)).map((e) => e.path)).toEqual(['Nodes[1].Name', 'Groups[2].Name']);
    const d2 = base();
    d2.Resources[4]!.ResourceType = null;
    expect(errors(JSON.stringify(d2))).toEqual([
      { path: 'Resources[4].ResourceType', message: 'resource "SQL IP Address 1 (SQLFCI)" has no type' },
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (t) => typeof importClusterJson(t).ok === 'boolean'));
    fc.assert(fc.property(fc.json(), (t) => typeof importClusterJson(t).ok === 'boolean'));
    const dumpish = fc.record({
      Nodes: fc.jsonValue(),
      Groups: fc.jsonValue(),
      Resources: fc.jsonValue(),
      Cluster: fc.jsonValue(),
      Quorum: fc.jsonValue(),
    });
    fc.assert(fc.property(dumpish, (d) => typeof importClusterJson(JSON.stringify(d)).ok === 'boolean'));
    const mutated = fc.record({
      g: fc.nat(2),
      r: fc.nat(6),
      key: fc.constantFrom(
        'OwnerNode',
        'PreferredOwners',
        'PossibleOwners',
        'DependencyExpression',
        'State',
        'ResourceType',
        'OwnerGroup',
        'Priority',
      ),
      v: fc.jsonValue(),
    });
    fc.assert(
      fc.property(mutated, ({ g, r, key, v }) => {
        const d = base();
        d.Groups[g]![key] = v;
        d.Resources[r]![key] = v;
        return typeof importClusterJson(JSON.stringify(d)).ok === 'boolean';
      }),
    );
  });
});

describe('DUMP_COMMAND', () => {
  it('is one line that parses as PowerShell and dumps everything the importer reads (§2.1)', async () => {
    expect(DUMP_COMMAND).not.toMatch(/[\r\n]/);
    expect(await syntaxProblems(DUMP_COMMAND)).toEqual([]);
    expect(await syntaxProblems(DUMP_SCRIPT)).toEqual([]);
    for (const s of [
      "Format = 'failoverlab-wsfc-dump@1'",
      'Remove-TypeData -TypeName System.Array',
      'Get-ClusterNode',
      'Get-ClusterGroup',
      'Get-ClusterResource',
      '($r | Get-ClusterResourceDependency).DependencyExpression',
      '($g | Get-ClusterOwnerNode).OwnerNodes',
      '($r | Get-ClusterOwnerNode).OwnerNodes',
      'Get-ClusterQuorum',
      'ConvertTo-Json -Depth 6',
      '-Encoding UTF8',
      "$PSVersionTable.PSEdition -eq 'Core'",
    ])
      expect(DUMP_COMMAND).toContain(s);
  });

  it("stops at the first failed query ($ErrorActionPreference = 'Stop' before anything else)", () => {
    expect(DUMP_COMMAND.startsWith("$ErrorActionPreference = 'Stop'; ")).toBe(true);
    expect(DUMP_SCRIPT.split('\n').find((l) => !l.startsWith('#'))).toBe("$ErrorActionPreference = 'Stop'");
  });

  it('writes to a folder it names (Documents, else %TEMP%), never the current directory (System32 when elevated), and prints it', () => {
    expect(DUMP_COMMAND).toContain(
      "$d = [Environment]::GetFolderPath('MyDocuments'); if (-not $d) { $d = $env:TEMP }; $f = Join-Path $d 'failoverlab-dump.json'",
    );
    expect(DUMP_COMMAND).toContain('Set-Content -LiteralPath $f -Encoding UTF8');
    expect(DUMP_COMMAND).toContain("Write-Host ('Wrote ' + $f)");
    expect(DUMP_COMMAND).not.toMatch(/\.\\|Resolve-Path/);
  });

  it('on PowerShell 7 says to run it in Windows PowerShell 5.1', () => {
    expect(DUMP_COMMAND).toContain(
      "if ($PSVersionTable.PSEdition -eq 'Core') { throw 'This is PowerShell 7 (pwsh). Run this in Windows PowerShell 5.1 (powershell.exe), where the FailoverClusters module loads natively.' }",
    );
  });
});

describe('importClusterJson: names holding "]" (WSFC writes them verbatim)', () => {
  const dump = (resources: { Name: string; DependencyExpression?: string }[]) =>
    JSON.stringify({
      Nodes: [{ Name: 'N1', Id: '1', State: 0 }],
      Groups: [{ Name: 'G', IsCoreGroup: false }],
      Resources: resources.map((r) => ({ OwnerGroup: 'G', ResourceType: 'IP Address', ...r })),
    });

  it('an OR set cannot hold such a name: that term is dropped with a warning, the rest is kept', () => {
    const r = ok(
      dump([
        { Name: 'IP]1' },
        { Name: 'IP2' },
        { Name: 'IP3' },
        { Name: 'Name', DependencyExpression: '([IP]1] or [IP2]) and [IP3]' },
        { Name: 'Other', DependencyExpression: '[IP]1] or [IP2] or [IP3]' },
      ]),
    );
    const resources = (r.scenario as { groups: { resources: Record<string, unknown>[] }[] }).groups[0]!.resources;
    expect(resources[3]!.dependsOn).toEqual(['IP2', 'IP3']);
    expect(resources[4]!.dependsOn).toBe('[IP2] or [IP3]');
    expect(r.warnings).toContain(
      'Resources[3].DependencyExpression: "Name" depends on "IP]1" in an OR set, and an expression cannot write a name holding "]": that term is dropped',
    );
    expect(() => toScenario(r.scenario)).not.toThrow();
  });

  it('an unknown name with "]" still gives a precise error, never a crash', () => {
    expect(errors(dump([{ Name: 'A', DependencyExpression: '[x]y]' }]))).toEqual([
      {
        path: 'Resources[0].DependencyExpression',
        message: 'cannot read "[x]y]": unexpected "y" at column 4: expected a [name], "and", "or" or a parenthesis',
      },
    ]);
  });
});
