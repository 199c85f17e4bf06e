/**
 * Lookups by name over the current view, rebuilt when the view changes, so that each canvas node
 * finds its own state in O(1). Timer objects are shared with the previous index when unchanged, so
 * shallow-equal selectors over them do not re-render every frame.
 */
import type { ClusterView, GroupView, NodeView, ResourceView, TimerView } from '../engine';
import { refKey, timerSubjectKind } from './refs';

export interface ViewIndex {
  nodes: Record<string, NodeView>;
  groups: Record<string, GroupView>;
  resources: Record<string, ResourceView>;
  /** Keyed by `refKey(kind, name)`: a group's timers are not its same-named resource's. */
  timersBySubject: Record<string, TimerView[]>;
}

const timerKey = (t: TimerView) => `${t.kind}\u0000${t.subject}\u0000${t.armedAt}\u0000${t.deadline}\u0000${t.label}`;

export function buildViewIndex(view: ClusterView, prev?: ViewIndex): ViewIndex {
  const byName = <T extends { name: string }>(xs: T[]) => {
    const out = Object.create(null) as Record<string, T>;
    for (const x of xs) out[x.name] = x;
    return out;
  };
  const old = new Map<string, TimerView>();
  if (prev) for (const list of Object.values(prev.timersBySubject)) for (const t of list) old.set(timerKey(t), t);
  const timersBySubject = Object.create(null) as Record<string, TimerView[]>;
  for (const t of view.timers) {
    const shared = old.get(timerKey(t)) ?? t;
    (timersBySubject[refKey(timerSubjectKind(t.kind), t.subject)] ??= []).push(shared);
  }
  return { nodes: byName(view.nodes), groups: byName(view.groups), resources: byName(view.resources), timersBySubject };
}
