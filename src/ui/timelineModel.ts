/** Turns the trace into swimlane segments: state over time per group and per node, plus fault windows. */
import type { Scenario } from '../engine/model/scenario';
import type { TraceEvent } from '../engine/model/trace';
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
  const lanes = new Map<string, Lane>();
  const open = new Map<string, { t: number; state: string }>();
  const faultOpen = new Map<string, number>();
  // Keyed by kind and name (refKey): a node and a group may share a name (scenario-format §1).
  const add = (kind: Lane['kind'], name: string) => {
    if (lanes.size < limit) lanes.set(refKey(kind, name), { kind, name, segments: [], marks: [], faults: [] });
  };
  s.groups.forEach((g) => add('group', g.name));
  s.nodes.forEach((n) => add('node', n.name));
  const groupOf = new Map(s.groups.flatMap((g) => g.resources.map((r) => [r.name, refKey('group', g.name)] as const)));

  const change = (name: string, t: number, from: string, to: string) => {
    const o = open.get(name) ?? { t: 0, state: from };
    if (t > o.t) lanes.get(name)?.segments.push({ from: o.t, to: t, state: o.state });
    open.set(name, { t, state: to });
  };
  const faultStart = (lane: string, key: string, t: number) => {
    const k = `${lane}\u0000${key}`;
    if (!faultOpen.has(k)) faultOpen.set(k, t);
  };
  const faultEnd = (lane: string, key: string, t: number) => {
    const k = `${lane}\u0000${key}`;
    const start = faultOpen.get(k);
    if (start === undefined) return;
    faultOpen.delete(k);
    lanes.get(lane)?.faults.push({ from: start, to: t, state: key });
  };

  for (const e of events) {
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
        const lane = groupOf.get(a.resource);
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
  for (const [key, lane] of lanes) {
    const o = open.get(key) ?? { t: 0, state: current[key] ?? '' };
    if (end > o.t) lane.segments.push({ from: o.t, to: end, state: o.state, open: true });
  }
  for (const [k, start] of faultOpen) {
    const [lane, key] = k.split('\u0000');
    lanes.get(lane)?.faults.push({ from: start, to: end, state: key });
  }
  return [...lanes.values()];
}

/** Same drawing? (Lets the view keep the old lane object, so an unchanged lane skips render.) */
export function sameLane(a: Lane, b: Lane): boolean {
  const seg = (x: Segment[], y: Segment[]) =>
    x.length === y.length &&
    x.every((g, i) => g.from === y[i].from && g.to === y[i].to && g.state === y[i].state && g.open === y[i].open);
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    seg(a.segments, b.segments) &&
    seg(a.faults, b.faults) &&
    a.marks.length === b.marks.length &&
    a.marks.every((m, i) => m.t === b.marks[i].t && m.label === b.marks[i].label)
  );
}
