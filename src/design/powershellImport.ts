/**
 * A real cluster's JSON dump (DUMP_COMMAND, powershell.md §2.1) → raw scenario JSON for
 * validateScenario, following the mapping of §2.8 and the value quirks of §2.3–§2.6. Accepts the
 * shapes ConvertTo-Json really writes (numbers for enums, single items not in arrays, objects cut
 * to names by -Depth, numbers as strings, the 4294967295 sentinel, BOM). Never throws: bad input
 * gives errors that name the place (`Groups[2].FailoverThreshold`); what is imported differently
 * from the cluster gives a warning that names the place and the reason.
 */
import { SCENARIO_FORMAT } from '../engine';
import { DUMP_FORMAT } from './dumpCommand';
import { readCluster, readNodes } from './importCluster';
import { resolveDependencies } from './importDependencies';
import { Reader, type ImportIssue } from './importReader';
import { readGroups, readResources } from './importRoles';
import { applyNetworks } from './importNetworks';
import { asName, isObject, jsonSyntaxError, lineColumn, prop, unwrap, type Json, type JsonObject } from './psJson';

export { DUMP_COMMAND, DUMP_SCRIPT } from './dumpCommand';
export { decodeDumpBytes } from './psJson';
export type { ImportIssue } from './importReader';

export type ImportResult = { ok: true; scenario: unknown; warnings: string[] } | { ok: false; errors: ImportIssue[] };

function parseJson(text: string): { ok: true; value: Json } | { ok: false; issue: ImportIssue } {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return { ok: false, issue: { path: '$', message: 'the input is empty' } };
  try {
    return { ok: true, value: JSON.parse(clean) as Json };
  } catch (e) {
    const found = jsonSyntaxError(clean);
    const message = found ? `${lineColumn(clean, found.offset)}: ${found.reason}` : (e as Error).message;
    return { ok: false, issue: { path: '$', message: `not valid JSON: ${message}` } };
  }
}

function describeShape(v: Json): string {
  const first = Array.isArray(v) ? v.find(isObject) : v;
  if (isObject(first)) {
    if ('ResourceType' in first || 'OwnerGroup' in first) return 'a list of resources (raw Get-ClusterResource output)';
    if ('GroupType' in first || 'FailoverThreshold' in first) return 'a list of groups (raw Get-ClusterGroup output)';
    if ('NodeWeight' in first || 'NodeName' in first) return 'a list of nodes (raw Get-ClusterNode output)';
    if ('QuorumResource' in first || 'QuorumType' in first) return 'quorum settings (raw Get-ClusterQuorum output)';
  }
  return Array.isArray(v)
    ? 'an array'
    : typeof v === 'object' && v !== null
      ? 'an object without Nodes and Groups'
      : `a ${typeof v}`;
}

export function importClusterJson(text: string): ImportResult {
  if (typeof text !== 'string')
    return { ok: false, errors: [{ path: '$', message: 'expected the text of a JSON file' }] };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.issue] };
  const root = unwrap(parsed.value);
  if (!isObject(root) || prop(root, 'Nodes') === undefined || prop(root, 'Groups') === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: '$',
          message: `this is ${describeShape(parsed.value)}, not a Failover Lab cluster dump: run the dump command shown in the app (it collects nodes, groups, resources, dependencies, owners, networks and sites in one file)`,
        },
      ],
    };
  }
  const rd = new Reader();
  const format = prop(root, 'Format');
  if (format !== undefined && format !== DUMP_FORMAT)
    rd.warn(
      'Format',
      `"${typeof format === 'string' ? format : JSON.stringify(format)}" is not "${DUMP_FORMAT}"; reading it anyway`,
    );

  const nodes = readNodes(rd, root);
  const cluster = readCluster(rd, root);
  const { groups, groupsByName, skippedGroups } = readGroups(rd, root, nodes);
  resolveDependencies(rd, root, readResources(rd, root, nodes, groupsByName, skippedGroups));

  if (rd.errors.length > 0) return { ok: false, errors: rd.errors };
  if (nodes.length === 0) return { ok: false, errors: [{ path: 'Nodes', message: 'the dump lists no nodes' }] };
  if (groups.length === 0) rd.warn('Groups', "no roles besides the cluster's own groups: the scenario has no groups");

  const clusterJson = isObject(prop(root, 'Cluster')) ? (prop(root, 'Cluster') as JsonObject) : {};
  const clusterName = asName(clusterJson) ?? 'cluster';
  const psVersion = prop(root, 'PSVersion');
  const scenario: Record<string, unknown> = {
    format: SCENARIO_FORMAT,
    name: `Imported from ${clusterName}`,
    description: `Imported from a PowerShell dump of cluster ${clusterName}${typeof psVersion === 'string' ? ` (PowerShell ${psVersion})` : ''}.`,
  };
  if (cluster) scenario.cluster = cluster;
  applyNetworks(
    rd,
    root,
    scenario,
    nodes,
    groups.map((g) => g.json),
  );
  scenario.nodes = nodes.map((n) => n.json);
  scenario.groups = groups.map((g) => g.json);
  return { ok: true, scenario, warnings: rd.warnings };
}
