/**
 * Names are unique only within their kind (scenario-format §1: role `FS1` may hold the Network
 * Name `FS1`), so everything the UI keys by name keys by kind and name: `refKey`.
 */
import type { PolicyRule, TraceEvent, TimerKind } from '../engine';
import type { EntityKind, EntityRef } from './entityRef';

export const refKey = (kind: EntityKind, name: string) => `${kind}:${name}`;
export const keyOf = (r: EntityRef) => refKey(r.kind, r.name);

/** Parse a `refKey` back (null for anything else, e.g. an old filter value). */
export function parseRefKey(key: string): EntityRef | null {
  const i = key.indexOf(':');
  const kind = key.slice(0, i);
  if (kind !== 'node' && kind !== 'group' && kind !== 'resource') return null;
  return { kind, name: key.slice(i + 1) };
}

/** Whose the `policy` subject is (pinned per rule by the contract §3; `cluster` for quorum). */
export function policySubjectKind(rule: PolicyRule): EntityKind | null {
  switch (rule) {
    case 'RestartThresholdExceeded':
    case 'RetryPeriodOnFailure':
      return 'resource';
    case 'QuorumLost':
    case 'QuorumRegained':
      return null;
    default:
      return 'group';
  }
}

export function timerSubjectKind(kind: TimerKind): EntityKind {
  if (kind === 'nodeDetection' || kind === 'nodeJoin') return 'node';
  if (kind === 'failbackWindow') return 'group';
  return 'resource';
}

/** The entities an event concerns, the primary one first (log filter, row clicks, decisions). */
export function eventRefs(e: TraceEvent): EntityRef[] {
  const node = (name: string | null | undefined): EntityRef[] => (name ? [{ kind: 'node', name }] : []);
  switch (e.type) {
    case 'resource.state':
      return [{ kind: 'resource', name: e.resource }, { kind: 'group', name: e.group }, ...node(e.node)];
    case 'group.state':
      return [{ kind: 'group', name: e.group }];
    case 'group.owner':
      return [{ kind: 'group', name: e.group }, ...node(e.from), ...node(e.to)];
    case 'node.state':
      return node(e.node);
    case 'call':
      return [{ kind: 'resource', name: e.resource }, ...node(e.node)];
    case 'rhs.recycle':
      return [...e.resources.map((name): EntityRef => ({ kind: 'resource', name })), ...node(e.node)];
    case 'policy': {
      const kind = policySubjectKind(e.rule);
      return kind ? [{ kind, name: e.subject }] : [];
    }
    case 'quorum.vote':
      return e.voter === 'witness' ? [] : node(e.voter);
    case 'action':
    case 'action.rejected': {
      const a = e.action as Record<string, unknown>;
      const out: EntityRef[] = [];
      for (const kind of ['resource', 'group', 'node'] as const)
        if (typeof a[kind] === 'string') out.push({ kind, name: a[kind] });
      return out;
    }
    case 'regroup':
      return [...e.survivors, ...e.removed].flatMap((n) => node(n));
    case 'interface.state':
      return node(e.node);
    case 'network.state':
      return [];
  }
}
