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
  // Windows Server 2016 and later (a 2012 R2 cluster has no such property: PowerShell gives $null).
  'FunctionalLevel = $c.ClusterFunctionalLevel',
  'PreferredSite = [string]$c.PreferredSite',
  'CrossSiteDelay = $c.CrossSiteDelay',
  'CrossSiteThreshold = $c.CrossSiteThreshold',
  'LowerQuorumPriorityNodeId = $c.LowerQuorumPriorityNodeId',
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
  'PreferredSite = @(foreach ($s in $g.PreferredSite) { [string]$s })',
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
  // An IP Address's private Network and Address (networks.md §1.5); other types have none to read.
  "IpParameters = $(if ([string]$r.ResourceType.Name -eq 'IP Address') { [pscustomobject]@{ Network = [string]($r | Get-ClusterParameter -Name Network).Value; Address = [string]($r | Get-ClusterParameter -Name Address).Value } } else { $null })",
]);

/** Get-ClusterNetwork: name, role (ClusterNetworkRole: None 0, Cluster 1, Client 2, ClusterAndClient 3), subnet. */
const NETWORK = obj([
  'Name = [string]$x.Name',
  'Id = [string]$x.Id',
  'Role = [int]$x.Role',
  'RoleName = [string]$x.Role',
  'State = [int]$x.State',
  'StateName = [string]$x.State',
  'Address = [string]$x.Address',
  'AddressMask = [string]$x.AddressMask',
]);

/** Get-ClusterNetworkInterface: which node is on which network (Node is a name; Network an object). */
const INTERFACE = obj([
  'Name = [string]$i.Name',
  'Node = [string]$i.Node',
  'Network = [string]$i.Network.Name',
  'Address = [string]$i.Address',
  'State = [int]$i.State',
  'StateName = [string]$i.State',
]);

/** Get-ClusterFaultDomain (2016 and later): sites, racks, chassis and nodes, each with its parent. */
const FAULT_DOMAIN = obj(['Name = [string]$d.Name', 'Type = [string]$d.Type', 'ParentName = [string]$d.ParentName']);
const FAULT_DOMAINS =
  '$(if (Get-Command Get-ClusterFaultDomain -ErrorAction SilentlyContinue) { @(foreach ($d in Get-ClusterFaultDomain) { ' +
  FAULT_DOMAIN +
  ' }) } else { $null })';

const DUMP = obj([
  `Format = '${DUMP_FORMAT}'`,
  'PSVersion = [string]$PSVersionTable.PSVersion',
  `Cluster = ${CLUSTER}`,
  `Quorum = ${QUORUM}`,
  `Nodes = @(foreach ($n in Get-ClusterNode) { ${NODE} })`,
  `Groups = @(foreach ($g in Get-ClusterGroup) { ${GROUP} })`,
  `Resources = @(foreach ($r in Get-ClusterResource) { ${RESOURCE} })`,
  `Networks = @(foreach ($x in Get-ClusterNetwork) { ${NETWORK} })`,
  `NetworkInterfaces = @(foreach ($i in Get-ClusterNetworkInterface) { ${INTERFACE} })`,
  `FaultDomains = ${FAULT_DOMAINS}`,
]);

/**
 * Where the file goes: the user's Documents folder (else %TEMP%), never the current directory,
 * which in an elevated console is C:\Windows\System32. The full path is printed at the end.
 */
const OUT_PATH = [
  "$d = [Environment]::GetFolderPath('MyDocuments')",
  'if (-not $d) { $d = $env:TEMP }',
  `$f = Join-Path $d '${DUMP_FILE}'`,
];

/** The message PowerShell 7 (pwsh) users see: the module's objects arrive deserialized there (§1.1). */
export const PWSH_MESSAGE =
  'This is PowerShell 7 (pwsh). Run this in Windows PowerShell 5.1 (powershell.exe), where the FailoverClusters module loads natively.';

const STATEMENTS = [
  // A failed query must stop the dump, not leave a clean-looking partial file.
  "$ErrorActionPreference = 'Stop'",
  `if ($PSVersionTable.PSEdition -eq 'Core') { throw '${PWSH_MESSAGE}' }`,
  'Import-Module FailoverClusters',
  'Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue',
  '$c = Get-Cluster',
  '$q = Get-ClusterQuorum',
  `$dump = ${DUMP}`,
  ...OUT_PATH,
  '$dump | ConvertTo-Json -Depth 6 | Set-Content -LiteralPath $f -Encoding UTF8',
  "Write-Host ('Wrote ' + $f)",
];

/**
 * One line to paste into an elevated Windows PowerShell 5.1 (powershell.exe) on a cluster node. It
 * writes `failoverlab-dump.json` (UTF-8 with BOM) to the user's Documents folder (else %TEMP%) and
 * prints the full path; open or paste that file.
 */
export const DUMP_COMMAND: string = STATEMENTS.join('; ');

/** The same dump as a script file (failoverlab-dump.ps1). */
export const DUMP_SCRIPT: string = [
  '# failoverlab-dump.ps1: run ELEVATED on a cluster node, in Windows PowerShell 5.1:',
  '#   powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\failoverlab-dump.ps1',
  '# It writes failoverlab-dump.json to your Documents folder (else %TEMP%) and prints the path.',
  ...STATEMENTS,
  '',
].join('\n');
