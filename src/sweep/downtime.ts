/**
 * A group's downtime (sweep-format.md §2): the total length of the times t in [AT, until) where
 * state(G, t), the `to` of G's last `group.state` event with time ≤ t (Offline when none), is not
 * Online. Computed from the trace only, so the sweep and a plain `simulate` agree by construction.
 */
import type { GroupState, TraceEvent } from '../engine';
import type { GroupExtra } from './types';

/** Per-group accumulator, fed the `group.state` events after the fork point in trace order. */
export class DowntimeMeter {
  private readonly track = new Map<
    string,
    { state: GroupState; since: number; down: number; outageStart: number; longest: number; upAt: number }
  >();

  /** `initial`: each group's state at `at` (before anything later than `at`). */
  constructor(
    private readonly at: number,
    initial: ReadonlyMap<string, GroupState>,
    groups: readonly string[],
  ) {
    for (const g of groups) {
      const state = initial.get(g) ?? 'Offline';
      this.track.set(g, { state, since: at, down: 0, outageStart: at, longest: 0, upAt: at });
    }
  }

  /** A `group.state` event at time t ≥ at, in trace order. */
  change(group: string, t: number, to: GroupState): void {
    const g = this.track.get(group);
    if (g === undefined) return;
    const wasUp = g.state === 'Online';
    if (!wasUp) g.down += t - g.since;
    if (wasUp && to !== 'Online') g.outageStart = t;
    if (!wasUp && to === 'Online') {
      g.longest = Math.max(g.longest, t - g.outageStart);
      g.upAt = t;
    }
    g.state = to;
    g.since = t;
  }

  feed(events: readonly TraceEvent[], fromIndex: number): void {
    for (let i = fromIndex; i < events.length; i++) {
      const e = events[i]!;
      if (e.type === 'group.state') this.change(e.group, e.t, e.to);
    }
  }

  /** downMs per group at `until`, plus the extras the checks use. */
  finish(until: number): Map<string, { downMs: number; extra: GroupExtra }> {
    const out = new Map<string, { downMs: number; extra: GroupExtra }>();
    for (const [name, g] of this.track) {
      const up = g.state === 'Online';
      const downMs = g.down + (up ? 0 : Math.max(0, until - g.since));
      const longest = up ? g.longest : Math.max(g.longest, until - g.outageStart);
      out.set(name, {
        downMs,
        extra: { recoveredAfterMs: up ? g.upAt - this.at : until - this.at, longestOutageMs: longest },
      });
    }
    return out;
  }
}

/** Each group's state at `at`: the last `group.state` with time ≤ at (Offline when none). */
export function statesAt(
  events: readonly TraceEvent[],
  at: number,
  groups: readonly string[],
): Map<string, GroupState> {
  const s = new Map<string, GroupState>(groups.map((g) => [g, 'Offline']));
  for (const e of events) {
    if (e.t > at) break;
    if (e.type === 'group.state') s.set(e.group, e.to);
  }
  return s;
}
