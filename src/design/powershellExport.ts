/**
 * Scenario → PowerShell script that builds the design on a real cluster with the FailoverClusters
 * module. Follows /work/shared/spec/powershell.md: the template of §1.10, the order of §3.5, the
 * quoting rules of §3.1 and the traps of §3.2–§3.7. Pure and deterministic: same scenario, same text.
 */
import { DWORD_MAX, initialOwner, type GroupSpec, type ResourceSpec, type Scenario } from '../engine';
import {
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_DYNAMIC_QUORUM,
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_NODE_WEIGHT,
  DEFAULT_RESOURCE_PROPERTIES,
} from './engineDeps';
import { emitResource, foreignTypes, VM_HELPER, vmPreconditions } from './psExportResources';
import { psCommentText, psLiteral } from './psQuote';
import { isExplicit, ownersList, ScriptBuilder } from './psScript';
import { initialOwnerInNetworkMode } from './owners';
import { emitNetworks, groupPreferredSiteLines, NETWORK_HELPERS, networkNotExported } from './psExportNetworks';

const RESOURCE_PROPERTY_ORDER = [
  'RestartAction',
  'RestartThreshold',
  'RestartPeriod',
  'RestartDelay',
  'RetryPeriodOnFailure',
  'PendingTimeout',
  'DeadlockTimeout',
  'LooksAlivePollInterval',
  'IsAlivePollInterval',
  'SeparateMonitor',
] as const;

const GROUP_NUMBER_PROPERTIES = ['FailoverThreshold', 'FailoverPeriod', 'AutoFailbackType', 'Priority'] as const;

const CLUSTER_PROPERTY_ORDER = [
  'SameSubnetDelay',
  'SameSubnetThreshold',
  'CrossSubnetDelay',
  'CrossSubnetThreshold',
] as const;

function changedResourceProperties(r: ResourceSpec): [string, string][] {
  const out: [string, string][] = [];
  for (const key of RESOURCE_PROPERTY_ORDER) {
    const value = r.properties[key];
    const def = DEFAULT_RESOURCE_PROPERTIES[key];
    const isDefault =
      value === def || ((key === 'LooksAlivePollInterval' || key === 'IsAlivePollInterval') && value === DWORD_MAX);
    if (isDefault && !isExplicit(r.explicit, key)) continue;
    out.push([key, key === 'SeparateMonitor' ? (value ? '$true' : '$false') : String(value)]);
  }
  return out;
}

function changedGroupProperties(g: GroupSpec): string[] {
  const lines: string[] = [];
  for (const key of GROUP_NUMBER_PROPERTIES) {
    const value = g.properties[key];
    if (value === DEFAULT_GROUP_PROPERTIES[key] && !isExplicit(g.explicit, key)) continue;
    lines.push(`$fl_g.${key} = ${value}`);
  }
  for (const key of ['FailbackWindowStart', 'FailbackWindowEnd'] as const) {
    const value = g.properties[key];
    if (value === DEFAULT_GROUP_PROPERTIES[key] && !isExplicit(g.explicit, key)) continue;
    // UInt32 in PowerShell: the scenario's -1 is written 4294967295 (§1.7, §3.7).
    lines.push(value === -1 ? `$fl_g.${key} = ${DWORD_MAX}   # scenario: -1 (no window)` : `$fl_g.${key} = ${value}`);
  }
  const classes = g.properties.AntiAffinityClassNames;
  if (classes.length > 0 || isExplicit(g.explicit, 'AntiAffinityClassNames')) {
    lines.push('$fl_aa = New-Object System.Collections.Specialized.StringCollection');
    for (const c of classes) lines.push(`[void]$fl_aa.Add(${psLiteral(c)})`);
    lines.push(`$fl_g.AntiAffinityClassNames = $fl_aa${classes.length === 0 ? '   # scenario: []' : ''}`);
  }
  lines.push(...groupPreferredSiteLines(g));
  return lines;
}

const HELPERS = [
  'function Find-Res([string]$Name)  { Get-ClusterResource | Where-Object { $_.Name -eq $Name } }',
  'function Find-Group([string]$Name){ Get-ClusterGroup    | Where-Object { $_.Name -eq $Name } }',
  'function Use-Res([string]$Name, [string]$Type, [string]$Group) {',
  '    $r = Find-Res $Name',
  '    if (-not $r) { return Add-ClusterResource -Name $Name -ResourceType $Type -Group $Group }',
  `    if ($r.ResourceType.Name -ne $Type) { throw "Resource '$Name' exists with type '$($r.ResourceType.Name)'" }`,
  '    if ($r.OwnerGroup.Name -ne $Group)  { $r | Move-ClusterResource -Group $Group | Out-Null; $r = Find-Res $Name }',
  '    $r',
  '}',
];

/** Step 1: cluster-wide settings, quorum, votes. Returns false if nothing was emitted. */
function emitCluster(b: ScriptBuilder, s: Scenario): void {
  const lines: string[] = [];
  const c = s.cluster;
  const changed = CLUSTER_PROPERTY_ORDER.filter(
    (k) => c.properties[k] !== DEFAULT_CLUSTER_PROPERTIES[k] || isExplicit(c.explicit, k),
  );
  const dyn = c.quorum.DynamicQuorum !== DEFAULT_DYNAMIC_QUORUM || isExplicit(c.explicit, 'DynamicQuorum');
  if (changed.length > 0 || dyn) {
    lines.push('$fl_cluster = Get-Cluster');
    for (const k of changed) lines.push(`$fl_cluster.${k} = ${c.properties[k]}`);
    if (dyn) lines.push(`$fl_cluster.DynamicQuorum = ${c.quorum.DynamicQuorum}`);
  }
  const witness = c.quorum.witness;
  if (witness !== 'none' || isExplicit(c.explicit, 'witness')) {
    // The Windows Server 2012 parameter names: 2016 and later keep them as aliases of -NoWitness,
    // -DiskWitness and -FileShareWitness (powershell.md §1.8), so one script runs on both.
    if (witness === 'none') lines.push('Set-ClusterQuorum -NodeMajority | Out-Null');
    else if (witness === 'disk') {
      const v = b.param('Witness', 'Disk', "clustered disk for the disk witness, e.g. 'Cluster Disk 7'");
      lines.push(`Set-ClusterQuorum -NodeAndDiskMajority $${v} | Out-Null`);
    } else if (witness === 'fileShare') {
      const v = b.param('Witness', 'Share', "file share for the witness, e.g. '\\\\fileserver\\fsw'");
      lines.push(`Set-ClusterQuorum -NodeAndFileShareMajority $${v} | Out-Null`);
    } else {
      const v = b.param('Cloud Witness', 'AccountName', 'Azure storage account name for the cloud witness');
      // A cloud witness exists from Windows Server 2016 on; older modules have no -CloudWitness.
      lines.push(
        "if (-not (Get-Command Set-ClusterQuorum).Parameters.ContainsKey('CloudWitness')) { throw 'A cloud witness needs Windows Server 2016 or later: this cluster has no Set-ClusterQuorum -CloudWitness. Choose a disk or file share witness in the design.' }",
      );
      lines.push('# The storage key is asked for at run time and never stored in this script.');
      lines.push(
        `Set-ClusterQuorum -CloudWitness -AccountName $${v} -AccessKey (Read-Host -Prompt 'Storage account access key') | Out-Null`,
      );
    }
  }
  for (const n of s.nodes) {
    if (n.properties.NodeWeight !== DEFAULT_NODE_WEIGHT || isExplicit(n.explicit, 'NodeWeight')) {
      lines.push(
        `(Get-ClusterNode | Where-Object { $_.Name -eq ${psLiteral(n.name)} }).NodeWeight = ${n.properties.NodeWeight}`,
      );
    }
  }
  for (const n of s.nodes) {
    if (n.state === 'Down') {
      lines.push(
        `# Node "${psCommentText(n.name)}" starts Down in the design: an initial state has no cmdlet (Stop-ClusterNode is the orderly way).`,
      );
    }
  }
  b.line('# 1. Cluster-wide settings, quorum, votes');
  if (lines.length === 0) b.line('#    (nothing to change: the design keeps the defaults)');
  lines.forEach((l) => b.line(l));
}

/** Groups in start order: Priority descending (3000 first), ties in scenario order (contract §4.5). */
function startOrder(groups: readonly GroupSpec[]): GroupSpec[] {
  return [...groups].sort((a, b) => b.properties.Priority - a.properties.Priority || a.index - b.index);
}

export interface PowerShellExport {
  /** The script text (LF line endings; see powerShellFileText for the file). */
  script: string;
  /** What the user must know before running it, each naming its place in the design. */
  notes: string[];
}

export function exportPowerShell(scenario: Scenario): string {
  return exportPowerShellWithNotes(scenario).script;
}

export function exportPowerShellWithNotes(scenario: Scenario): PowerShellExport {
  const b = new ScriptBuilder(scenario);
  const groups = scenario.groups;
  const allResources = groups.flatMap((g) => g.resources.map((r) => ({ g, r })));

  emitCluster(b, scenario);
  emitNetworks(b, scenario);

  b.line();
  b.line('# 2. Groups (roles)');
  if (groups.length === 0) b.line('#    (the design has no groups)');
  for (const g of groups) {
    b.line(`if (-not (Find-Group ${psLiteral(g.name)})) { Add-ClusterGroup -Name ${psLiteral(g.name)} | Out-Null }`);
  }

  b.line();
  b.line('# 3. Every resource, with its private properties, before any dependency');
  if (allResources.length === 0) b.line('#    (the design has no resources)');
  for (const { g, r } of allResources) emitResource(b, g, r);

  const withProps = allResources
    .map(({ r }) => ({ r, props: changedResourceProperties(r) }))
    .filter((x) => x.props.length > 0);
  if (withProps.length > 0) {
    b.line();
    b.line('# 4. Resource common properties');
    for (const { r, props } of withProps) {
      b.line(`$fl_r = Find-Res ${b.arg(b.ref(r.name))}`);
      for (const [k, v] of props) b.line(`$fl_r.${k} = ${v}`);
    }
  }

  const dependents = allResources.filter(({ r }) => r.dependsOn.length > 0);
  if (dependents.length > 0) {
    b.line();
    b.line('# 5. Dependencies (Set-ClusterResourceDependency replaces the whole list: safe to re-run)');
    for (const { r } of dependents) {
      const expr = b.dependencyExpression(r.dependsOn);
      b.line(b.resourceCmd(b.ref(r.name), 'Set-ClusterResourceDependency', 'Resource', `-Dependency ${expr}`));
    }
  }

  const possible = allResources.filter(({ r }) => r.possibleOwners.length > 0);
  const preferred = groups.filter((g) => g.preferredOwners.length > 0);
  if (possible.length + preferred.length > 0) {
    b.line();
    b.line('# 6. Owners: possible owners of resources, then preferred owners of groups (in order)');
    for (const { r } of possible) {
      b.line(
        b.resourceCmd(b.ref(r.name), 'Set-ClusterOwnerNode', 'Resource', `-Owners ${ownersList(r.possibleOwners)}`),
      );
    }
    for (const g of preferred) {
      b.line(b.groupCmd(g.name, 'Set-ClusterOwnerNode', 'Group', `-Owners ${ownersList(g.preferredOwners)}`));
    }
  }

  const groupProps = groups.map((g) => ({ g, lines: changedGroupProperties(g) })).filter((x) => x.lines.length > 0);
  if (groupProps.length > 0) {
    b.line();
    b.line('# 7. Group common properties');
    for (const { g, lines } of groupProps) {
      b.line(`$fl_g = Find-Group ${psLiteral(g.name)}`);
      lines.forEach((l) => b.line(l));
    }
  }

  if (groups.length > 0) {
    b.line();
    b.line('# 8. Initial owner and persistent state, in start order (Priority 3000 first)');
    for (const g of startOrder(groups)) {
      const owner = scenario.networks ? initialOwnerInNetworkMode(scenario, g) : initialOwner(scenario.nodes, g);
      if (owner) b.line(b.groupCmd(g.name, 'Move-ClusterGroup', 'Name', `-Node ${psLiteral(owner)} | Out-Null`));
      else
        b.line(
          `# "${psCommentText(g.name)}": no Up node can host every resource, so there is no initial owner to move it to.`,
        );
      if (g.persistentState === 'offline') b.line(b.groupCmd(g.name, 'Stop-ClusterGroup', 'Name', '| Out-Null'));
      else if (g.properties.Priority === 0) {
        b.line(
          `# "${psCommentText(g.name)}" has Priority 0: the cluster never starts it on its own; started here because its persistent state is online.`,
        );
        b.line(b.groupCmd(g.name, 'Start-ClusterGroup', 'Name', '| Out-Null'));
      } else b.line(b.groupCmd(g.name, 'Start-ClusterGroup', 'Name', '| Out-Null'));
    }
  }

  const notes = notExported(scenario);
  if (notes.length > 0) {
    b.line();
    b.line('# Not exported: these parts of the design have no PowerShell counterpart (powershell.md §1.9, §3.7).');
    notes.forEach((n) => b.line(`#   ${n}`));
  }

  const script = assemble(
    scenario,
    b,
    allResources.map(({ r }) => r),
  );
  return { script, notes: [...b.notes, ...notes.map((n) => n.replace(/^- /, 'Not exported: '))] };
}

function notExported(s: Scenario): string[] {
  const notes: string[] = networkNotExported(s);
  const timed = s.groups.flatMap((g) => g.resources).filter((r) => r.explicit.some((e) => e.startsWith('behavior.')));
  if (timed.length > 0) {
    notes.push(
      `- simulated Online/Offline timings (behavior) of ${timed.length} resource(s): they describe the simulated resource DLL`,
    );
  }
  const joins = s.nodes.filter((n) => n.explicit.some((e) => e.startsWith('behavior.')));
  if (joins.length > 0) notes.push(`- simulated join times of ${joins.length} node(s)`);
  if (s.script.length > 0) {
    const actions = [...new Set(s.script.map((e) => e.action))].join(', ');
    notes.push(
      `- the scenario script (${s.script.length} action(s): ${actions}); see powershell.md §1.9 for the cmdlets that exist`,
    );
  }
  return notes;
}

/** Every piece of user text the script can contain. */
function userText(s: Scenario): string[] {
  return [
    s.name,
    ...s.nodes.flatMap((n) => [n.name, n.site ?? '']),
    ...(s.networks ?? []).map((n) => n.name),
    ...s.groups.flatMap((g) => g.resources.flatMap((r) => [r.parameters?.Network ?? '', r.parameters?.Address ?? ''])),
    ...s.groups.flatMap((g) => [
      g.name,
      ...g.properties.AntiAffinityClassNames,
      ...g.resources.flatMap((r) => [r.name, r.type]),
    ]),
  ];
}

function assemble(s: Scenario, b: ScriptBuilder, resources: ResourceSpec[]): string {
  const out: string[] = [];
  out.push('#Requires -Version 3.0');
  out.push('#Requires -Modules FailoverClusters');
  out.push(`# Generated by Failover Lab from scenario "${psCommentText(s.name)}".`);
  out.push('# Run elevated on a node of the target cluster, with powershell.exe (Windows PowerShell, not pwsh).');
  out.push('# Safe to re-run: every step either checks first or overwrites.');
  const bomNoteAt = out.length;
  if (b.params.length > 0) {
    out.push('param(');
    const decls = b.params.map(
      (p, i) => `    [Parameter(Mandatory)]${p.type}$${p.variable}${i < b.params.length - 1 ? ',' : ''}`,
    );
    const width = Math.max(...decls.map((d) => d.length));
    decls.forEach((d, i) => out.push(`${d.padEnd(width)}  # ${psCommentText(b.params[i]!.comment)}`));
    out.push(')');
  }
  out.push("$ErrorActionPreference = 'Stop'");
  out.push('Import-Module FailoverClusters');
  out.push('');
  out.push(...HELPERS);
  if (s.networks) out.push(...NETWORK_HELPERS);
  const vmChecks = vmPreconditions(b, s);
  if (vmChecks.length > 0) out.push(...VM_HELPER);
  const foreign = foreignTypes(resources);
  if (foreign.length > 0) {
    out.push('');
    out.push(
      '# 0. Resource types Windows does not ship (SQL Server Setup registers the SQL ones): stop before changing anything',
    );
    out.push(`foreach ($fl_t in @(${foreign.map(psLiteral).join(', ')})) {`);
    out.push(
      `    if (-not (Get-ClusterResourceType | Where-Object { $_.Name -eq $fl_t })) { throw "Resource type '$fl_t' is not registered on this cluster." }`,
    );
    out.push('}');
  }
  if (vmChecks.length > 0) {
    out.push('');
    out.push(
      '# 0. Virtual machine resources are never created here: they need the VM itself, which the design does not hold.',
    );
    out.push(
      '#    Make each VM highly available first (Add-ClusterVirtualMachineRole); stop before changing anything if one is missing.',
    );
    out.push(...vmChecks);
  }
  out.push('');
  out.push(...b.body);
  if (userText(s).some((t) => /[^\u0020-\u007E\t\r\n]/.test(t))) {
    out.splice(
      bomNoteAt,
      0,
      '# Names contain non-ASCII characters: save this file as UTF-8 with BOM (powerShellFileText does).',
    );
  }
  return `${out.join('\n')}\n`;
}

/**
 * The script as a file's text: prefixed with a BOM when it holds non-ASCII characters, because
 * Windows PowerShell reads a BOM-less file in the ANSI code page (powershell.md §1.1), and with
 * CRLF line endings.
 */
export function powerShellFileText(script: string): string {
  const crlf = script.replace(/\r?\n/g, '\r\n');
  return /[^\u0020-\u007E\t\r\n]/.test(crlf) ? `\uFEFF${crlf}` : crlf;
}
