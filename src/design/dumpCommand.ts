/**
 * The PowerShell that dumps a real cluster as JSON for `importClusterJson`: the flattened,
 * version-proof dump of powershell.md §2.1 (format `failoverlab-wsfc-dump@1`). Built from one list
 * of statements so the one-liner and the script file cannot drift apart.
 */

export const DUMP_FORMAT = 'failoverlab-wsfc-dump@1';
export const DUMP_FILE = 'failoverlab-dump.json';

const obj = (entries: string[]) => `[pscustomobject]@{ ${entries.join('; ')} }`;

const CLUSTER = obj([
  'Name = [string]$c.Name',
  'SameSubnetDelay = $c.SameSubnetDelay',
  'SameSubnetThreshold = $c.SameSubnetThreshold',
  'CrossSubnetDelay = $c.CrossSubnetDelay',
  'CrossSubnetThreshold = $c.CrossSubnetThreshold',
  'DynamicQuorum = $c.DynamicQuorum',
  'WitnessDynamicWeight = $c.WitnessDynamicWeight',
  'ClusterEnforcedAntiAffinity = $c.ClusterEnforcedAntiAffinity',
]);

const QUORUM = obj([
  'QuorumType = [int]$q.QuorumType',
  'QuorumTypeName = [string]$q.QuorumType',
  'QuorumResource = $(if ($q.QuorumResource) { [string]$q.QuorumResource.Name } else { $null })',
  'QuorumResourceType = $(if ($q.QuorumResource) { [string]$q.QuorumResource.ResourceType.Name } else { $null })',
]);

const NODE = obj([
  'Name = [string]$n.Name',
  'Id = [string]$n.Id',
  'State = [int]$n.State',
  'StateName = [string]$n.State',
  'NodeWeight = $n.NodeWeight',
  'DynamicWeight = $n.DynamicWeight',
]);

const GROUP = obj([
  'Name = [string]$g.Name',
  'Id = [string]$g.Id',
  'Description = [string]$g.Description',
  'IsCoreGroup = [bool]$g.IsCoreGroup',
  'GroupType = [int]$g.GroupType',
  'GroupTypeName = [string]$g.GroupType',
  'OwnerNode = [string]$g.OwnerNode.Name',
  'State = [int]$g.State',
  'StateName = [string]$g.State',
  'PersistentState = $g.PersistentState',
  'FailoverThreshold = $g.FailoverThreshold',
  'FailoverPeriod = $g.FailoverPeriod',
  'AutoFailbackType = $g.AutoFailbackType',
  'FailbackWindowStart = $g.FailbackWindowStart',
  'FailbackWindowEnd = $g.FailbackWindowEnd',
  'Priority = $g.Priority',
  'DefaultOwner = $g.DefaultOwner',
  'ColdStartSetting = $g.ColdStartSetting',
  'AntiAffinityClassNames = @(foreach ($s in $g.AntiAffinityClassNames) { [string]$s })',
  'PreferredOwners = @(foreach ($o in ($g | Get-ClusterOwnerNode).OwnerNodes) { [string]$o.Name })',
]);

const RESOURCE = obj([
  'Name = [string]$r.Name',
  'Id = [string]$r.Id',
  'Description = [string]$r.Description',
  'OwnerGroup = [string]$r.OwnerGroup.Name',
  'OwnerNode = [string]$r.OwnerNode.Name',
  'ResourceType = [string]$r.ResourceType.Name',
  'IsCoreResource = [bool]$r.IsCoreResource',
  'State = [int]$r.State',
  'StateName = [string]$r.State',
  'PersistentState = $r.PersistentState',
  'RestartAction = $r.RestartAction',
  'RestartThreshold = $r.RestartThreshold',
  'RestartPeriod = $r.RestartPeriod',
  'RestartDelay = $r.RestartDelay',
  'RetryPeriodOnFailure = $r.RetryPeriodOnFailure',
  'PendingTimeout = $r.PendingTimeout',
  'DeadlockTimeout = $r.DeadlockTimeout',
  'LooksAlivePollInterval = $r.LooksAlivePollInterval',
  'IsAlivePollInterval = $r.IsAlivePollInterval',
  'SeparateMonitor = [bool]$r.SeparateMonitor',
  'EmbeddedFailureAction = $r.EmbeddedFailureAction',
  'DependencyExpression = [string]($r | Get-ClusterResourceDependency).DependencyExpression',
  'PossibleOwners = @(foreach ($o in ($r | Get-ClusterOwnerNode).OwnerNodes) { [string]$o.Name })',
]);

const DUMP = obj([
  `Format = '${DUMP_FORMAT}'`,
  'PSVersion = [string]$PSVersionTable.PSVersion',
  `Cluster = ${CLUSTER}`,
  `Quorum = ${QUORUM}`,
  `Nodes = @(foreach ($n in Get-ClusterNode) { ${NODE} })`,
  `Groups = @(foreach ($g in Get-ClusterGroup) { ${GROUP} })`,
  `Resources = @(foreach ($r in Get-ClusterResource) { ${RESOURCE} })`,
]);

const STATEMENTS = [
  "if ($PSVersionTable.PSEdition -eq 'Core') { throw 'Run with powershell.exe (Windows PowerShell), not pwsh.' }",
  'Import-Module FailoverClusters',
  'Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue',
  '$c = Get-Cluster',
  '$q = Get-ClusterQuorum',
  `$dump = ${DUMP}`,
  `$dump | ConvertTo-Json -Depth 6 | Set-Content -Path .\\${DUMP_FILE} -Encoding UTF8`,
  `Write-Host ('Wrote ' + (Resolve-Path .\\${DUMP_FILE}).Path)`,
];

/**
 * One line to paste into an elevated Windows PowerShell (powershell.exe) on a cluster node. It writes
 * `failoverlab-dump.json` (UTF-8 with BOM) in the current directory; open or paste that file.
 */
export const DUMP_COMMAND: string = STATEMENTS.join('; ');

/** The same dump as a script file (failoverlab-dump.ps1). */
export const DUMP_SCRIPT: string = [
  '# failoverlab-dump.ps1: run ELEVATED on a cluster node:',
  '#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\failoverlab-dump.ps1',
  ...STATEMENTS,
  '',
].join('\n');
