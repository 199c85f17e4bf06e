/**
 * Contract checks of networks.md on a trace (read as JSON, scenario and trace only):
 * - §0 a plain scenario has no new event type and no `final.networks`;
 * - §4.9 interface/network state events only at the end of their instant, in network order with
 *   interfaces in ID order then the network, each a change from the last value (initial values:
 *   members Up, others Unavailable), and §3 `final.networks` equal to their replay;
 * - §4.5/§4.6 each regroup: survivors and removed partition the members in ID order, `lost` pairs
 *   well formed, the witness field possible, the winner's arithmetic against the votes traced so far,
 *   the removed members Down in ID order right after it (or QuorumLost when nobody wins);
 * - §4.3 the detection instant of a crash while every route is open: the smallest over the running
 *   members of the pair's timeout (sameSubnet, crossSubnet or crossSite).
 */
import type { Violation } from './checker';
import { NetScenario, type Json } from './networkModel';

const NEW_TYPES = new Set(['regroup', 'interface.state', 'network.state']);
const STATE_TYPES = new Set(['interface.state', 'network.state']);

export function checkNetworkTrace(scenarioJson: unknown, traceJson: unknown): Violation[] {
  const s = new NetScenario(scenarioJson as Json);
  const trace = traceJson as { events: Json[]; final: Json; until: number };
  const out: Violation[] = [];
  const add = (rule: string, t: number, index: number, expected: string, actual: string) => {
    if (out.length < 100) out.push({ rule, t, index, expected, actual });
  };
  if (s.plain) {
    trace.events.forEach((e, i) => {
      if (NEW_TYPES.has(e.type as string))
        add('networks §0 a plain scenario is unchanged', e.t as number, i, 'no network event', e.type as string);
    });
    if ('networks' in trace.final)
      add('networks §0 a plain scenario is unchanged', trace.until, -1, 'no final.networks', 'final.networks');
    return out;
  }
  // Site mode alone (no networks) changes only the detection instant (§5, §4.6 row).
  checkDetection(s, trace, add);
  if (!s.networkMode) return out;
  checkStates(s, trace, add);
  checkRegroups(s, trace, add);
  return out;
}

type Add = (rule: string, t: number, index: number, expected: string, actual: string) => void;

function checkStates(s: NetScenario, trace: { events: Json[]; final: Json; until: number }, add: Add): void {
  const R = 'networks §4.9 interface and network states';
  const script = (s.json.script ?? []) as Json[];
  const knownStart = !script.some((a) => a.at === 0);
  // Initial values (end of instant 0): members Up, the rest Unavailable (no route is down yet).
  const iface = new Map<string, string>();
  const net = new Map<string, string>();
  for (const n of s.networks) {
    const on = s.nodes.filter((x) => x.interfaces.includes(n.name));
    for (const x of on) iface.set(`${x.name}|${n.name}`, x.up ? 'Up' : 'Unavailable');
    net.set(n.name, on.some((x) => x.up) ? 'Up' : 'Unavailable');
  }
  const changed = new Set<string>();
  const rank = (e: Json): number => {
    const ni = s.networks.findIndex((n) => n.name === e.network);
    const within = e.type === 'network.state' ? s.nodes.length + 1 : (s.byName.get(e.node as string)?.id ?? 0);
    return ni * (s.nodes.length + 2) + within;
  };
  let prev: { t: number; state: boolean; rank: number } = { t: -1, state: false, rank: -1 };
  trace.events.forEach((e, i) => {
    const t = e.t as number;
    const isState = STATE_TYPES.has(e.type as string);
    if (t !== prev.t) prev = { t, state: false, rank: -1 };
    if (!isState) {
      if (prev.state) add(R, t, i, 'state events only after every other event of the instant', e.type as string);
      return;
    }
    if (t === 0) add(R, t, i, 'no state event at 0 (initial values)', e.type as string);
    const r = rank(e);
    if (r <= prev.rank)
      add(
        R,
        t,
        i,
        'networks in scenario order, interfaces in ID order, then the network',
        `${String(e.type)} out of order`,
      );
    prev = { t, state: true, rank: r };
    const key = e.type === 'interface.state' ? `${e.node as string}|${e.network as string}` : (e.network as string);
    const map = e.type === 'interface.state' ? iface : net;
    if (!map.has(key)) {
      add(R, t, i, 'an interface the scenario declares', key);
      return;
    }
    if (e.from === e.to) add(R, t, i, 'a change', `${e.from as string} → ${e.to as string}`);
    if ((knownStart || changed.has(key)) && map.get(key) !== e.from)
      add(R, t, i, `${key} from ${map.get(key)!}`, `from ${e.from as string}`);
    map.set(key, e.to as string);
    changed.add(key);
  });
  // §3 final.networks: every network in scenario order, interfaces in ID order, equal to the replay.
  const fin = trace.final.networks as Record<string, { state: string; interfaces: Record<string, string> }> | undefined;
  const RF = 'networks §3 final.networks = replay of the trace';
  if (!fin) {
    add(RF, trace.until, -1, 'final.networks', 'none');
    return;
  }
  const names = s.networks.map((n) => n.name);
  if (JSON.stringify(Object.keys(fin)) !== JSON.stringify(names))
    add(RF, trace.until, -1, `networks ${JSON.stringify(names)}`, JSON.stringify(Object.keys(fin)));
  for (const n of s.networks) {
    const f = fin[n.name];
    if (!f) continue;
    const on = s.nodes.filter((x) => x.interfaces.includes(n.name)).map((x) => x.name);
    if (JSON.stringify(Object.keys(f.interfaces)) !== JSON.stringify(on))
      add(RF, trace.until, -1, `${n.name} interfaces ${JSON.stringify(on)}`, JSON.stringify(Object.keys(f.interfaces)));
    if (!knownStart) continue;
    if (f.state !== net.get(n.name)) add(RF, trace.until, -1, `${n.name} ${net.get(n.name)!}`, f.state);
    for (const x of on)
      if (f.interfaces[x] !== iface.get(`${x}|${n.name}`))
        add(RF, trace.until, -1, `${x}@${n.name} ${iface.get(`${x}|${n.name}`)!}`, String(f.interfaces[x]));
  }
}

/** Votes as traced: the initial assignment of SF §4.7 at t = 0, then every quorum.vote. */
function initialVotes(s: NetScenario): Map<string, number> {
  const v = new Map<string, number>();
  for (const n of s.nodes) v.set(n.name, n.up && n.weight === 1 ? 1 : 0);
  const count = [...v.values()].reduce((a, b) => a + b, 0);
  const w = s.witness !== 'none' && (!s.dynamic || count % 2 === 0) ? 1 : 0;
  v.set('witness', w);
  return v;
}

function checkRegroups(s: NetScenario, trace: { events: Json[] }, add: Add): void {
  const R = 'networks §4.5 regroup arithmetic';
  const votes = initialVotes(s);
  const state = new Map(s.nodes.map((n) => [n.name, n.up ? 'Up' : 'Down']));
  let witnessUp = true;
  const ev = trace.events;
  ev.forEach((e, i) => {
    const t = e.t as number;
    if (e.type === 'quorum.vote') {
      // SF §3: every change of a vote is traced, so each one starts where the last one left it.
      if (votes.get(e.voter as string) !== e.from)
        add(
          'networks SF §3 quorum.vote continuity',
          t,
          i,
          `${e.voter as string} from ${votes.get(e.voter as string)}`,
          `from ${e.from as number}`,
        );
      votes.set(e.voter as string, e.to as number);
    }
    if (e.type === 'node.state') state.set(e.node as string, e.to as string);
    if (e.type === 'action') {
      const a = e.action as Json;
      if (a.action === 'failWitness') witnessUp = false;
      if (a.action === 'restoreWitness') witnessUp = true;
    }
    if (e.type !== 'regroup') return;
    const survivors = e.survivors as string[];
    const removed = e.removed as string[];
    const id = (n: string) => s.byName.get(n)?.id ?? Infinity;
    const sorted = (xs: string[]) => xs.every((x, k) => k === 0 || id(xs[k - 1]!) < id(x));
    const members = s.nodes.filter((n) => ['Up', 'Paused'].includes(state.get(n.name)!)).map((n) => n.name);
    const all = [...survivors, ...removed].sort((a, b) => id(a) - id(b));
    if (!sorted(survivors) || !sorted(removed)) add(R, t, i, 'survivors and removed in ID order', 'unsorted');
    if (JSON.stringify(all) !== JSON.stringify(members))
      add(R, t, i, `survivors + removed = the members ${JSON.stringify(members)}`, JSON.stringify(all));
    for (const [k, pair] of (e.lost as [string, string][]).entries()) {
      const prevPair = (e.lost as [string, string][])[k - 1];
      const order =
        prevPair && (id(prevPair[0]) > id(pair[0]) || (prevPair[0] === pair[0] && id(prevPair[1]) >= id(pair[1])));
      if (id(pair[0]) >= id(pair[1]) || !members.includes(pair[0]) || !members.includes(pair[1]) || order)
        add(R, t, i, 'lost: pairs of members [a, b], a before b by ID, sorted', JSON.stringify(pair));
    }
    const nodeVotes = s.nodes.reduce((n, x) => n + (votes.get(x.name) ?? 0), 0);
    const wVote = votes.get('witness') ?? 0;
    const total = nodeVotes + (s.dynamic ? wVote : s.witness !== 'none' ? 1 : 0);
    const awardable = (s.dynamic ? wVote === 1 : s.witness !== 'none') && witnessUp;
    const w = e.witness as string;
    if (!awardable && w !== 'none') add(R, t, i, 'witness "none" (it counts in no total or is down)', w);
    if (awardable && w === 'none') add(R, t, i, 'witness awarded or "unreached"', w);
    const won = survivors.reduce((n, x) => n + (votes.get(x) ?? 0), 0) + (w === 'survivors' ? 1 : 0);
    if (survivors.length > 0 && !(2 * won > total)) add(R, t, i, `2 × survivors' votes > total ${total}`, `2 × ${won}`);
    if (survivors.length === 0 && w === 'survivors') add(R, t, i, 'no award without survivors', w);
    // §4.6: the outcome follows at once.
    const after = ev.slice(i + 1).filter((x) => x.t === t);
    if (survivors.length > 0) {
      const downs = after
        .slice(0, removed.length)
        .map((x) => (x.type === 'node.state' && x.to === 'Down' ? x.node : '?'));
      if (JSON.stringify(downs) !== JSON.stringify(removed))
        add(
          'networks §4.6 regroup outcome',
          t,
          i,
          `node.state Down for ${JSON.stringify(removed)} right after`,
          JSON.stringify(downs),
        );
    } else if (!after.some((x) => x.type === 'policy' && x.rule === 'QuorumLost'))
      add('networks §4.6 regroup outcome', t, i, 'QuorumLost (no core wins)', 'none');
  });
}

/** §4.3 while every route is open: detection at t + the smallest pair timeout to a running member. */
function checkDetection(s: NetScenario, trace: { events: Json[]; until: number }, add: Add): void {
  const R = 'networks §4.3 crash detection instant';
  const state = new Map(s.nodes.map((n) => [n.name, n.up ? 'Up' : 'Down']));
  const crashed = new Set<string>();
  let routesTouched = false;
  const ev = trace.events;
  ev.forEach((e, i) => {
    if (e.type === 'node.state') state.set(e.node as string, e.to as string);
    if (e.type === 'node.state' && e.to === 'Down') crashed.delete(e.node as string);
    if (e.type !== 'action') return;
    const a = e.action as Json;
    if (['partition', 'failNetwork', 'failInterface', 'stopNode'].includes(a.action as string)) routesTouched = true;
    if (a.action !== 'crashNode') return;
    const x = s.byName.get(a.node as string)!;
    if (!['Up', 'Paused'].includes(state.get(x.name)!) || crashed.has(x.name) || routesTouched) {
      crashed.add(x.name);
      return;
    }
    const t = e.t as number;
    const peers = s.nodes.filter(
      (y) => y !== x && ['Up', 'Paused'].includes(state.get(y.name)!) && !crashed.has(y.name),
    );
    crashed.add(x.name);
    const due = peers.length ? t + Math.min(...peers.map((y) => s.pairTimeout(x, y))) : t + s.timeout.sameSubnet;
    if (due > trace.until) return;
    // The first event that settles x: its Down, a regroup, a QuorumLost, or a later network action.
    const j = ev.findIndex(
      (y, k) =>
        k > i &&
        ((y.type === 'node.state' && y.node === x.name) ||
          y.type === 'regroup' ||
          (y.type === 'policy' && y.rule === 'QuorumLost') ||
          (y.type === 'action' &&
            ['partition', 'failNetwork', 'failInterface', 'stopNode'].includes((y.action as Json).action as string))),
    );
    const y = j >= 0 ? ev[j]! : null;
    if (y && y.type === 'node.state' && y.to === 'Down' && y.t === due) return;
    if (y && y.type !== 'node.state' && (y.t as number) <= due) return; // something else took over first
    add(
      R,
      t,
      i,
      `node ${JSON.stringify(x.name)} detected Down at ${due}`,
      y ? `${y.type as string} at ${y.t as number}` : 'never',
    );
  });
}
