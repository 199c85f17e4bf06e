/**
 * Lookups by name over the current view, so that each canvas node finds its own state in O(1).
 * The engine's frame keeps the objects (and the lists) that did not change, so the maps are
 * rebuilt only when their list changed, and timer objects are shared with the previous index when
 * unchanged: shallow-equal selectors over them do not re-render every frame. Resources are looked
 * up through the frame, which builds only those asked for (16,000 at WSFC's maximum).
 */
import type { FrameView, GroupView, NodeView, ResourceView, TimerView } from '../engine';
import { refKey, timerSubjectKind } from './refs';

export interface ViewIndex {
  nodes: Record<string, NodeView>;
  groups: Record<string, GroupView>;
  resource(name: string): ResourceView | undefined;
  /** Keyed by `refKey(kind, name)`: a group's timers are not its same-named resource's. */
  timersBySubject: Record<string, TimerView[]>;
  /** The lists the maps were built from (to know when to rebuild them). */
  from: { nodes: readonly NodeView[]; groups: readonly GroupView[]; timers: readonly TimerView[] };
}

const timerKey = (t: TimerView) => `${t.kind}\u0000${t.subject}\u0000${t.armedAt}\u0000${t.deadline}\u0000${t.label}`;

const byName = <T extends { name: string }>(xs: readonly T[]) => {
  const out = Object.create(null) as Record<string, T>;
  for (const x of xs) out[x.name] = x;
  return out;
};

export function buildViewIndex(view: FrameView, prev?: ViewIndex): ViewIndex {
  const nodes = prev && prev.from.nodes === view.nodes ? prev.nodes : byName(view.nodes);
  const groups = prev && prev.from.groups === view.groups ? prev.groups : byName(view.groups);
  let timersBySubject: Record<string, TimerView[]>;
  if (prev && prev.from.timers === view.timers) timersBySubject = prev.timersBySubject;
  else {
    const old = new Map<string, TimerView>();
    if (prev) for (const list of Object.values(prev.timersBySubject)) for (const t of list) old.set(timerKey(t), t);
    timersBySubject = Object.create(null) as Record<string, TimerView[]>;
    for (const t of view.timers) {
      const shared = old.get(timerKey(t)) ?? t;
      (timersBySubject[refKey(timerSubjectKind(t.kind), t.subject)] ??= []).push(shared);
    }
  }
  return {
    nodes,
    groups,
    resource: (name) => view.resource(name),
    timersBySubject,
    from: { nodes: view.nodes, groups: view.groups, timers: view.timers },
  };
}
