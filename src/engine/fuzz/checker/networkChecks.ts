/**
 * Contract checks of networks.md on a trace (read as JSON, scenario and trace only):
 * - §0 a plain scenario has no new event type and no `final.networks`;
 * - §4.9 interface/network state events only at the end of their instant, in network order with
 *   interfaces in ID order then the network, each a change from the last value (initial values:
 *   members Up, others Unavailable), and §3 `final.networks` equal to their replay;
 * - the route-model replay (networkReplay.ts): §4.9 states from the declared routes, §4.3 detection
 *   instants, §4.4 regroups and their `lost`, §4.5 arbitration (networkRegroup.ts), §4.8 rejoin and
 *   join completion, §4.10 IP Address resources; and what paths the case reached (coverage).
 */
import type { Violation } from './types';
import { NetScenario, type Json } from './networkModel';
import { replayNetwork } from './networkReplay';

const NEW_TYPES = new Set(['regroup', 'interface.state', 'network.state']);
const STATE_TYPES = new Set(['interface.state', 'network.state']);

export function checkNetworkTrace(
  scenarioJson: unknown,
  traceJson: unknown,
  cover: Set<string> = new Set(),
): Violation[] {
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
  // Site mode alone (no networks) changes only the detection instant (§5, §4.6 row): the replay
  // checks it with the implicit network; everything else it checks needs networks.
  try {
    replayNetwork(s, trace, add, cover);
  } catch (err) {
    add('checker', -1, -1, 'a trace the network checker can read', `checker error: ${(err as Error).message}`);
  }
  if (!s.networkMode) return out;
  checkStates(s, trace, add);
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
