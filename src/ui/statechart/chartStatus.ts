/**
 * Where the selected entity's machine stands, read from the store's view and trace: its current
 * state and the last transition it took (source → target), as plain strings for cheap selectors.
 */
import type { AppState, EntityRef } from '../../store/types';

/** The machine state the entity is in now. */
export function currentState(s: AppState, e: EntityRef): string | null {
  if (e.kind === 'resource') return s.index.resource(e.name)?.state ?? null;
  if (e.kind === 'node') {
    const n = s.index.nodes[e.name];
    // A crashed, undetected node still shows Up or Paused; its machine is in Crashed.
    return n ? (n.crashedUndetected ? 'Crashed' : n.state) : null;
  }
  const g = s.index.groups[e.name];
  return g ? (g.activity.startsWith('moving') ? 'moving' : 'stable') : null;
}

/** "source→target" of the last transition the trace shows for the entity, or null. */
export function lastTransition(s: AppState, e: EntityRef): string | null {
  const events = s.events;
  if (e.kind === 'node' && s.index.nodes[e.name]?.crashedUndetected) {
    return `${s.index.nodes[e.name]!.state}→Crashed`;
  }
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (e.kind === 'resource' && ev.type === 'resource.state' && ev.resource === e.name) return `${ev.from}→${ev.to}`;
    if (e.kind === 'node' && ev.type === 'node.state' && ev.node === e.name) return `${ev.from}→${ev.to}`;
    if (e.kind === 'group') {
      // A group's move starts with its resources going offline and ends with the owner change.
      if (ev.type === 'group.owner' && ev.group === e.name) return 'moving→stable';
    }
  }
  if (e.kind === 'group' && currentState(s, e) === 'moving') return 'stable→moving';
  return null;
}
