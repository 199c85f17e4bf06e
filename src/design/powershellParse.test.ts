/**
 * Every generated script must parse with the PowerShell grammar (tree-sitter-powershell, loaded
 * from the wasm the npm package ships, through web-tree-sitter) with no ERROR or MISSING node.
 */
import { readFileSync } from 'node:fs';
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
