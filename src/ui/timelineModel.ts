/** Turns the trace into swimlane segments: state over time per group and per node, plus fault windows. */
import type { Scenario, TraceEvent } from '../engine';
import { refKey } from '../store/refs';

/** `open`: the state still held at the end of the known trace (drawn to `end`). */
export interface Segment {
  from: number;
  to: number;
  state: string;
  open?: boolean;
}
export interface Mark {
  t: number;
  label: string;
}
export interface Lane {
  kind: 'group' | 'node';
  name: string;
  segments: Segment[];
  marks: Mark[];
  faults: Segment[];
}

/** Build the lanes (the first `limit` of them: groups, then nodes) from the trace up to `end`. */
export function buildLanes(
  s: Scenario,
  events: readonly TraceEvent[],
  end: number,
  /** State now, keyed by `refKey(kind, name)`. */
  current: Record<string, string>,
  limit = Infinity,
): Lane[] {
  const b = new LaneBuilder(s, limit);
  b.feed(events, 0, end);
  return b.lanes(end, current);
}

/**
 * The lanes' fold over the trace, kept between calls: the trace only grows while playing, so each
 * new event is read once (a 100,000-event trace is not re-read every frame). Call `lanes` for the
 * drawing at any moment; segments still open run to `end`.
 */
export class LaneBuilder {
  private readonly laneMap = new Map<string, Lane>();
  private readonly open = new Map<string, { t: number; state: string }>();
  private readonly faultOpen = new Map<string, number>();
  private readonly groupOf: Map<string, string>;
  /** Events folded so far, and the last one (to tell a grown trace from a new one). */
  count = 0;
  last: TraceEvent | undefined;

  constructor(
    readonly scenario: Scenario,
    readonly limit = Infinity,
  ) {
    const add = (kind: Lane['kind'], name: string) => {
      // Keyed by kind and name (refKey): a node and a group may share a name (scenario-format §1).
      if (this.laneMap.size < limit)
        this.laneMap.set(refKey(kind, name), { kind, name, segments: [], marks: [], faults: [] });
    };
    scenario.groups.forEach((g) => add('group', g.name));
    scenario.nodes.forEach((n) => add('node', n.name));
    this.groupOf = new Map(
      scenario.groups.flatMap((g) => g.resources.map((r) => [r.name, refKey('group', g.name)] as const)),
    );
  }

  /** Does `events` extend what was folded (same prefix)? */
  continues(events: readonly TraceEvent[]): boolean {
    return events.length >= this.count && (this.count === 0 || events[this.count - 1] === this.last);
  }

  feed(events: readonly TraceEvent[], from: number, end = Infinity): void {
    const lanes = this.laneMap;
    const change = (name: string, t: number, fromState: string, to: string) => {
      const o = this.open.get(name) ?? { t: 0, state: fromState };
      if (t > o.t) lanes.get(name)?.segments.push({ from: o.t, to: t, state: o.state });
      this.open.set(name, { t, state: to });
    };
    const faultStart = (lane: string, key: string, t: number) => {
      const k = `${lane}\u0000${key}`;
      if (!this.faultOpen.has(k)) this.faultOpen.set(k, t);
    };
    const faultEnd = (lane: string, key: string, t: number) => {
      const k = `${lane}\u0000${key}`;
      const start = this.faultOpen.get(k);
      if (start === undefined) return;
      this.faultOpen.delete(k);
      lanes.get(lane)?.faults.push({ from: start, to: t, state: key });
    };
    let i = from;
    for (; i < events.length; i++) {
      const e = events[i]!;
      if (e.t > end) break;
      if (e.type === 'group.state') change(refKey('group', e.group), e.t, e.from, e.to);
      else if (e.type === 'node.state') {
        change(refKey('node', e.node), e.t, e.from, e.to);
        if (e.to === 'Up' || e.to === 'Joining') faultEnd(refKey('node', e.node), 'crash', e.t);
      } else if (e.type === 'group.owner')
        lanes
          .get(refKey('group', e.group))
          ?.marks.push({ t: e.t, label: `${e.from ?? '—'} → ${e.to ?? '—'} (${e.cause})` });
      else if (e.type === 'action') {
        const a = e.action;
        if (a.action === 'crashNode') faultStart(refKey('node', a.node), 'crash', e.t);
        if ('resource' in a) {
          const lane = this.groupOf.get(a.resource);
          if (!lane) continue;
          const key = `fault:${a.resource}`;
          if (a.action === 'heal') faultEnd(lane, key, e.t);
          else if (a.action === 'setHealth' || a.action === 'setOnline' || a.action === 'setOffline') {
            const bad =
              a.action === 'setHealth' ? [a.looksAlive, a.isAlive].some((v) => v && v !== 'ok') : a.result !== 'ok';
            if (bad) faultStart(lane, key, e.t);
          }
        }
      }
    }
    this.count = i;
    this.last = events[i - 1];
  }

  /** The drawing now: closed segments plus each lane's open state and open faults run to `end`. */
  lanes(end: number, current: Record<string, string> | ((laneKey: string) => string | undefined)): Lane[] {
    const out: Lane[] = [];
    const stateOf = typeof current === 'function' ? current : (k: string) => current[k];
    for (const [laneKey, lane] of this.laneMap) {
      const o = this.open.get(laneKey) ?? { t: 0, state: stateOf(laneKey) ?? '' };
      const segments =
        end > o.t ? [...lane.segments, { from: o.t, to: end, state: o.state, open: true }] : [...lane.segments];
      const faults = [...lane.faults];
      for (const [k, start] of this.faultOpen) {
        const [name, key] = k.split('\u0000') as [string, string]; // faultStart joins lane and key with one \u0000
        if (name === laneKey) faults.push({ from: start, to: end, state: key });
      }
      out.push({ ...lane, segments, marks: [...lane.marks], faults });
    }
    return out;
  }
}

/** Same drawing? (Lets the view keep the old lane object, so an unchanged lane skips render.) */
export function sameLane(a: Lane, b: Lane): boolean {
  const seg = (x: Segment[], y: Segment[]) =>
    x.length === y.length &&
    x.every((g, i) => g.from === y[i]!.from && g.to === y[i]!.to && g.state === y[i]!.state && g.open === y[i]!.open);
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    seg(a.segments, b.segments) &&
    seg(a.faults, b.faults) &&
    a.marks.length === b.marks.length &&
    a.marks.every((m, i) => m.t === b.marks[i]!.t && m.label === b.marks[i]!.label)
  );
}
