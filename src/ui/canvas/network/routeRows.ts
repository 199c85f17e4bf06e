/**
 * The Routes list (./RoutePanel): one row per pair of running nodes with the pair's heartbeat state
 * in words (networks.md §4.2): connected; heartbeats lost, with when the pair will be declared down;
 * or declared down, with when. The view says when a pending declaration is due; once declared, the
 * instant is the regroup that found the pair lost (§4.4: a regroup runs when a declaration makes two
 * members unconnected, and lists the pair in `lost`).
 */
import type { FrameView, TraceEvent } from '../../../engine';
import { formatClock, formatCountdown } from '../../../store/format';
import { KIND_WORDS, ROUTE_WORDS, routeLook, type RouteLook } from './netModel';

export interface RouteRow {
  a: string;
  b: string;
  look: RouteLook;
  kind: string;
  /** The state in full ("declared down at t=0:40.000"). */
  words: string;
  /** What the row shows after the pair's name: the same, short enough for one line beside the diagram. */
  short: string;
  /** The accessible name: "N1–N3: declared down at t=0:40.000". */
  name: string;
}

/** The latest regroup (at or before now) that lists a–b as lost, by the pair's key "a\0b". */
export function lostAt(events: readonly TraceEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) if (e.type === 'regroup') for (const [a, b] of e.lost) out.set(`${a}\u0000${b}`, e.t);
  return out;
}

export function routeRows(view: FrameView, lost: Map<string, number>): RouteRow[] {
  return (view.network?.links ?? []).map((l) => {
    const look = routeLook(l);
    const at = look === 'lost' ? l.declareDownAt : look === 'down' ? (lost.get(`${l.a}\u0000${l.b}`) ?? null) : null;
    let words: string = ROUTE_WORDS[look];
    let short: string = look === 'lost' ? 'heartbeats lost' : look === 'down' ? 'down' : words;
    if (look === 'lost' && at !== null) {
      const left = formatCountdown(at - view.t);
      words = `heartbeats lost: declared down at t=${formatClock(at)} (in ${left})`;
      short = `lost: down in ${left}`;
    } else if (look === 'down' && at !== null) {
      words = `declared down at t=${formatClock(at)}`;
      short = `down at t=${formatClock(at)}`;
    }
    const kind = KIND_WORDS[l.kind] ?? l.kind;
    return { a: l.a, b: l.b, look, kind, words, short, name: `${l.a}–${l.b}: ${words} (${kind} route)` };
  });
}
