/**
 * Step 3 of the exported script for one resource (powershell.md §3.2): create or adopt it, then set
 * the private properties it needs before it can come online, taken as mandatory script parameters
 * (the design holds none). Resources that cannot be created from the design (virtual machines) are
 * never created: the script checks that they exist first and says why.
 */
import type { GroupSpec, ResourceSpec, Scenario } from '../engine';
import { psCommentText, psLiteral } from './psQuote';
import type { ScriptBuilder } from './psScript';

/** Resource type names Windows ships (powershell.md §1.3), lower-cased: they need no existence check. */
export const WINDOWS_RESOURCE_TYPES = new Set(
  [
    'DFS Replicated Folder',
    'DHCP Service',
    'Distributed File System',
    'Distributed Transaction Coordinator',
    'File Server',
    'File Share Witness',
    'Generic Application',
    'Generic Script',
    'Generic Service',
    'IP Address',
    'IPv6 Address',
    'IPv6 Tunnel Address',
    'Microsoft iSNS',
    'MSMQ',
    'MSMQTriggers',
    'Network Name',
    'NFS Share',
    'Physical Disk',
    'Print Spooler',
    'Virtual Machine',
    'Virtual Machine Configuration',
    'Volume Shadow Copy Service Task',
    'WINS Service',
    'Distributed Network Name',
    'Cloud Witness',
  ].map((t) => t.toLowerCase()),
);

/**
 * Types whose resources need the virtual machine itself (its configuration file and VM ID), which a
 * design cannot hold: Hyper-V creates them when a VM is made highly available
 * (Add-ClusterVirtualMachineRole). An Add-ClusterResource of these types gives a resource that can
 * never come online.
 */
const VM_TYPES = new Set(['virtual machine', 'virtual machine configuration']);

export const isVmResource = (r: ResourceSpec) => VM_TYPES.has(r.type.toLowerCase());

/** Types set up by their product's own setup (SQL Server Setup) or not shipped with Windows: checked in step 0. */
export function foreignTypes(resources: readonly ResourceSpec[]): string[] {
  return [...new Set(resources.map((r) => r.type))].filter(
    (t) => !WINDOWS_RESOURCE_TYPES.has(t.toLowerCase()) || /^sql server( agent)?$/i.test(t),
  );
}

export const VM_HELPER = [
  'function Assert-VmRes([string]$Name, [string]$Type, [string]$Group) {',
  '    $r = Find-Res $Name',
  `    if (-not $r) { throw "$Type resource '$Name' is not on this cluster, and this script cannot create it: it needs the virtual machine itself. Make the VM highly available first (Add-ClusterVirtualMachineRole) in a role named '$Group', then run this script again." }`,
  `    if ($r.OwnerGroup.Name -ne $Group) { throw "$Type resource '$Name' is in role '$($r.OwnerGroup.Name)', not '$Group': rename the role or the design's group so that they match." }`,
  '}',
];

/** Step 0 lines for virtual machine resources, and the notes the export dialog shows. */
export function vmPreconditions(b: ScriptBuilder, s: Scenario): string[] {
  const lines: string[] = [];
  for (const g of s.groups) {
    for (const [ri, r] of g.resources.entries()) {
      if (!isVmResource(r)) continue;
      lines.push(`Assert-VmRes ${psLiteral(r.name)} ${psLiteral(r.type)} ${psLiteral(g.name)}`);
      b.notes.push(
        `groups[${g.index}].resources[${ri}] "${r.name}" (${r.type}) is not created by the script: it needs the VM itself, which a design does not hold. Make the VM highly available first (Add-ClusterVirtualMachineRole) in a role named "${g.name}"; the script checks this before it changes anything.`,
      );
    }
  }
  return lines;
}

/** Step 3 for one resource: create or adopt it, then set the private properties it needs (§3.2). */
export function emitResource(b: ScriptBuilder, group: GroupSpec, r: ResourceSpec): void {
  const type = r.type.toLowerCase();
  const g = psLiteral(group.name);
  const label = psCommentText(r.name);
  if (type === 'physical disk') {
    const v = b.param(r.name, '', `existing clustered disk that plays "${label}", e.g. 'Cluster Disk 2'`, 'Disk');
    b.setRef(r.name, { kind: 'param', variable: v });
    b.line(`$fl_r = Find-Res $${v}   # "${label}"`);
    b.line(`if (-not $fl_r) { throw "There is no clustered disk named '$${v}' (Get-ClusterResource lists them)." }`);
    b.line(`if ($fl_r.OwnerGroup.Name -ne ${g}) { $fl_r | Move-ClusterResource -Group ${g} | Out-Null }`);
    return;
  }
  if (VM_TYPES.has(type)) {
    b.line(
      `# "${label}" (${psCommentText(r.type)}): adopted as it is (checked in step 0); the script never creates it.`,
    );
    return;
  }
  b.line(`$fl_r = Use-Res ${psLiteral(r.name)} ${psLiteral(r.type)} ${g}`);
  if (type === 'ip address') {
    // The design's Network and Address (networks.md §1.5) are written as they are; what it lacks is asked for.
    const given = r.parameters ?? {};
    const a =
      given.Address !== undefined ? psLiteral(given.Address) : `$${b.param(r.name, 'Address', `"${label}" Address`)}`;
    const m = b.param(r.name, 'SubnetMask', `"${label}" SubnetMask`);
    const n =
      given.Network !== undefined
        ? psLiteral(given.Network)
        : `$${b.param(r.name, 'Network', `"${label}" Network: a name from Get-ClusterNetwork`)}`;
    b.line(
      `$fl_r | Set-ClusterParameter -Multiple @{ Address = ${a}; SubnetMask = $${m}; Network = ${n}; EnableDhcp = 0 }`,
    );
  } else if (type === 'ipv6 address') {
    // An IPv6 Address resource has no SubnetMask: its prefix length and network set the subnet.
    const a = b.param(r.name, 'Address', `"${label}" IPv6 Address`);
    const p = b.param(
      r.name,
      'PrefixLength',
      `"${label}" PrefixLength, e.g. 64`,
      undefined,
      '[ValidateRange(1, 128)][int]',
    );
    const n = b.param(r.name, 'Network', `"${label}" Network: a name from Get-ClusterNetwork`);
    b.line(
      `$fl_r | Set-ClusterParameter -Multiple @{ Address = $${a}; PrefixLength = [uint32]$${p}; Network = $${n} }`,
    );
  } else if (type === 'network name') {
    const h = b.param(r.name, 'HostName', `"${label}" Name/DnsName (host name published on the network)`);
    b.line(`$fl_r | Set-ClusterParameter -Multiple @{ Name = $${h}; DnsName = $${h} }`);
    b.line(
      '# In a domain the cluster name object must be allowed to create this computer object (AD permissions); the script cannot grant that.',
    );
  } else if (type === 'distributed network name') {
    const h = b.param(r.name, 'DnsName', `"${label}" DnsName`);
    b.line(`$fl_r | Set-ClusterParameter -Name DnsName -Value $${h}`);
  } else if (type === 'generic service') {
    const s = b.param(r.name, 'ServiceName', `"${label}" ServiceName: the Windows service to cluster`);
    b.line(`$fl_r | Set-ClusterParameter -Name ServiceName -Value $${s}`);
  } else if (type === 'generic application') {
    const c = b.param(r.name, 'CommandLine', `"${label}" CommandLine`);
    const d = b.param(r.name, 'CurrentDirectory', `"${label}" CurrentDirectory`);
    b.line(`$fl_r | Set-ClusterParameter -Multiple @{ CommandLine = $${c}; CurrentDirectory = $${d} }`);
  } else if (!WINDOWS_RESOURCE_TYPES.has(type) || type === 'sql server' || type === 'sql server agent') {
    b.line(
      "# Type registered by its product's setup (checked above); set any private properties it needs with Set-ClusterParameter.",
    );
  }
}
