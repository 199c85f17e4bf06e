/**
 * Every generated script must parse with the PowerShell grammar (tree-sitter-powershell, loaded
 * from the wasm the npm package ships, through web-tree-sitter) with no ERROR or MISSING node.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateScenario } from './engineDeps';
import { decodeDumpBytes, importClusterJson } from './powershellImport';
import { exportPowerShell } from './powershellExport';
import { GOLDEN_CASES } from './__fixtures__/goldenCases';
import { syntaxProblems } from './psGrammar.testutil';
import { toScenario } from './testing';

describe('generated PowerShell parses with tree-sitter-powershell', () => {
  it('the checker itself flags broken PowerShell', async () => {
    expect(await syntaxProblems("Add-ClusterGroup -Name 'unterminated\n")).not.toEqual([]);
    expect(await syntaxProblems('if ($x) { Start-ClusterGroup -Name a\n')).not.toEqual([]);
    expect(await syntaxProblems("Add-ClusterGroup -Name 'O'Brien'\n")).not.toEqual([]);
    expect(await syntaxProblems("Add-ClusterGroup -Name 'it''s fine'\n")).toEqual([]);
  });

  it.each(GOLDEN_CASES)('script for %s has no ERROR/MISSING node', async (scenarioPath) => {
    const script = exportPowerShell(toScenario(JSON.parse(readFileSync(scenarioPath, 'utf8'))));
    expect(await syntaxProblems(script)).toEqual([]);
  });
});

describe('generated PowerShell parses whatever the names and settings', () => {
  it('witness kinds, an empty design and imported clusters', async () => {
    for (const witness of ['none', 'disk', 'fileShare', 'cloud']) {
      const s = toScenario({
        format: 'failover-scenario@1',
        cluster: { quorum: { witness } },
        nodes: [{ name: 'N1' }],
        groups: [],
      });
      expect(await syntaxProblems(exportPowerShell(s))).toEqual([]);
    }
    for (const f of ['dump-sql-2node-ps51.json', 'dump-raw-shapes.json']) {
      const r = importClusterJson(decodeDumpBytes(readFileSync(join(__dirname, '__fixtures__', f))));
      if (!r.ok) throw new Error('import failed');
      expect(await syntaxProblems(exportPowerShell(toScenario(r.scenario)))).toEqual([]);
    }
  });

  it('every real-cluster fixture, imported and exported again', async () => {
    const dir = join(__dirname, '__fixtures__', 'powershell');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(13);
    for (const f of files) {
      const r = importClusterJson(decodeDumpBytes(readFileSync(join(dir, f))));
      if (!r.ok) throw new Error(`${f}: import failed`);
      expect({ f, problems: await syntaxProblems(exportPowerShell(toScenario(r.scenario))) }).toEqual({
        f,
        problems: [],
      });
    }
  });

  it('arbitrary user text in every name', async () => {
    const text = fc.string({
      unit: fc.constantFrom(...`ab Z09'’‘‚‛"\`$@(){}[];#<>|&,.-–—é日\u00a0\n\r`),
      minLength: 1,
      maxLength: 12,
    });
    const samples = fc.sample(fc.tuple(text, text, text, text, text, text), { numRuns: 60, seed: 4 });
    let checked = 0;
    for (const [sn, gn, r1, r2, node, cls] of samples) {
      const raw = {
        format: 'failover-scenario@1',
        name: sn,
        nodes: [{ name: `N-${node}` }, { name: 'N2' }],
        groups: [
          {
            name: `G ${gn}`,
            preferredOwners: [`N-${node}`],
            properties: { AntiAffinityClassNames: [cls] },
            resources: [
              { name: `A ${r1}`, type: 'IP Address' },
              { name: `B ${r2}`, type: 'Generic Service', dependsOn: [`A ${r1}`], possibleOwners: [`N-${node}`, 'N2'] },
              { name: `C ${r1}`, type: 'IPv6 Address' },
              { name: `V ${r2}`, type: 'Virtual Machine', dependsOn: [`B ${r2}`] },
            ],
          },
        ],
      };
      const v = validateScenario(raw);
      if (!v.ok) continue;
      checked += 1;
      const script = exportPowerShell(v.scenario);
      const problems = await syntaxProblems(script);
      expect({ names: [sn, gn, r1, r2, node, cls], problems }).toEqual({
        names: [sn, gn, r1, r2, node, cls],
        problems: [],
      });
    }
    expect(checked).toBeGreaterThan(30);
  });
});
