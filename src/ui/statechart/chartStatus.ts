/**
 * Where the selected entity's machine stands, read from the store's view and trace: its active
 * states (the engine's view lists each machine's active leaves as dot paths) and the last
 * transition it took (source → target), as plain strings for cheap selectors.
 */
import type { AppState, EntityRef } from '../../store/types';

/** The machine's active leaf states, joined with ", " ("Online.health.watching, Online.wish.stay"). */
export function currentState(s: AppState, e: EntityRef): string | null {
  const entry =
    e.kind === 'resource'
      ? s.index.resource(e.name)
      : e.kind === 'node'
        ? s.index.nodes[e.name]
        : s.index.groups[e.name];
  return entry ? entry.machine.join(', ') : null;
}

/** Is the group moving now? (its placement is `moving`, whatever the kind of move) */
const moving = (s: AppState, name: string) =>
  s.index.groups[name]?.machine.some((l) => l.startsWith('placement.moving')) ?? false;

/** "source→target" of the last transition the trace shows for the entity, or null. */
export function lastTransition(s: AppState, e: EntityRef): string | null {
  const events = s.events;
  if (e.kind === 'node' && s.index.nodes[e.name]?.crashedUndetected) {
    return `${s.index.nodes[e.name]!.state}→Crashed`;
  }
  if (e.kind === 'group' && moving(s, e.name)) return 'placement.placed→placement.moving';
  for (let i = events.length - 1; i >= 0; i--) {
    const ev = events[i]!;
    if (e.kind === 'resource' && ev.type === 'resource.state' && ev.resource === e.name) return `${ev.from}→${ev.to}`;
    if (e.kind === 'node' && ev.type === 'node.state' && ev.node === e.name) return `${ev.from}→${ev.to}`;
    // A group's move starts with its resources going offline and ends with the owner change.
    if (e.kind === 'group' && ev.type === 'group.owner' && ev.group === e.name)
      return 'placement.moving→placement.placed';
  }
  return null;
}
