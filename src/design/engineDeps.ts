/**
 * The one place src/design reaches into engine modules that are being written concurrently
 * (property defaults, dependency-expression formatting, validation). Everything in src/design
 * imports these from here, so wiring the real modules in is a change to this file only.
 */
import type { ClusterProperties, DependencyExpr, GroupProperties, ResourceProperties } from '../engine/model/scenario';
import { DWORD_MAX } from '../engine/model/scenario';

// TEMPORARY until src/engine/model/resourceTypes.ts lands: the contract's defaults (scenario-format.md §1).
export const DEFAULT_RESOURCE_PROPERTIES: Readonly<ResourceProperties> = Object.freeze({
  RestartAction: 2,
  RestartThreshold: 1,
  RestartPeriod: 900000,
  RestartDelay: 500,
  RetryPeriodOnFailure: 3600000,
  PendingTimeout: 180000,
  DeadlockTimeout: 300000,
  LooksAlivePollInterval: 5000,
  IsAlivePollInterval: 60000,
  SeparateMonitor: 0,
});

export const DEFAULT_GROUP_PROPERTIES: Readonly<GroupProperties> = Object.freeze({
  FailoverThreshold: DWORD_MAX,
  FailoverPeriod: 6,
  AutoFailbackType: 0,
  FailbackWindowStart: -1,
  FailbackWindowEnd: -1,
  Priority: 2000,
  AntiAffinityClassNames: [] as string[],
});

export const DEFAULT_CLUSTER_PROPERTIES: Readonly<ClusterProperties> = Object.freeze({
  SameSubnetDelay: 1000,
  SameSubnetThreshold: 10,
  CrossSubnetDelay: 1000,
  CrossSubnetThreshold: 20,
});

export const DEFAULT_DYNAMIC_QUORUM = 1;
export const DEFAULT_NODE_WEIGHT = 1;

// TEMPORARY until src/engine/policies/dependencyExpr.ts lands.
/** `[A] and ([B] or [C])`; a lone OR set is written bare: `[A] or [B]`. */
export function formatDependencyExpr(expr: DependencyExpr): string {
  if (expr.length === 1) return expr[0].map((n) => `[${n}]`).join(' or ');
  return expr.map((set) => (set.length === 1 ? `[${set[0]}]` : `(${set.map((n) => `[${n}]`).join(' or ')})`)).join(' and ');
}
