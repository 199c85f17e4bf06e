/** The derived group state (contract §3), emitted once at the end of each instant when it changed. */
import type { Engine } from './engine';
import type { GroupRt } from './runtime';
import { deriveGroupState } from '../policies/groupState';

const q = (s: string) => `"${s}"`;

/** group.state, evaluated once at the end of each instant, when it differs from the last one emitted. */
export function endOfInstantGroupStates(e: Engine): void {
  // Only a group one of whose resources changed state can change its derived state; they are
  // evaluated in scenario order, as if every group were.
  if (e.dirtyGroups.size === 0) return;
  const dirty =
    e.dirtyGroups.size === e.groups.length ? e.groups : [...e.dirtyGroups].sort((a, b) => a.index - b.index);
  e.dirtyGroups.clear();
  for (const g of dirty) {
    const all = g.resources.map((r) => e.resState(r));
    const top = g.topLevel.map((r) => e.resState(r));
    const to = deriveGroupState(all, top);
    if (to === g.lastState) continue;
    const from = g.lastState;
    g.lastState = to;
    e.emit({ type: 'group.state', group: g.spec.name, from, to, reason: groupStateReason(e, g, to) });
  }
}

function groupStateReason(e: Engine, g: GroupRt, to: string): string {
  const names = (pred: (s: string) => boolean) =>
    g.resources.filter((r) => pred(e.resState(r))).map((r) => q(r.spec.name));
  switch (to) {
    case 'Failed':
      return `resource ${names((s) => s === 'Failed').join(', ')} is Failed`;
    case 'Pending':
      return `resource ${names((s) => s.endsWith('Pending')).join(', ')} is pending`;
    case 'PartialOnline':
      return `only some top-level resources are Online`;
    case 'Online':
      return g.resources.length ? 'every top-level resource is Online' : 'empty group';
    default:
      return 'no top-level resource is Online';
  }
}
