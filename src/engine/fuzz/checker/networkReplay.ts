/**
 * The route-model replay of a network or site-mode trace (networks.md, read as a contract): the
 * script actions and node changes of the trace drive the checker's own RouteModel, and each
 * instant is checked against it:
 * - §4.9 every interface and network state at the end of each instant (also at instants where only
 *   a declaration falls due) equals what the declared routes among members imply;
 * - §4.3 a crashed member is detected Down exactly at the instant its routes give, unless a
 *   regroup or a QuorumLost takes it first; a Joining node that crashes goes Down at once;
 * - §4.4 while the cluster has quorum, no two running members stay unconnected past an instant
 *   (a regroup must have run), and a regroup's `lost` is exactly the unconnected pairs;
 * - §4.5 the regroup's survivors and witness field are the arbitration's (regroupChecks.ts);
 * - §4.8 a waiting node linked to every running member rejoins in that instant; a join completes
 *   Up only when linked to every running member (with quorum), and fails only when not;
 * - §4.10 no call and no state for an IP Address on a node without an interface on its network,
 *   and no IP Online on a running node whose interface on that network is cut.
 * It also counts which paths a case reached (coverage), so the fuzzer can show what it exercises.
 */
import type { NetScenario, Json } from './networkModel';
import { RouteModel } from './networkRoutes';
import { checkRegroup, initialVotes, traceVote, type RegroupCtx } from './networkRegroup';
import { checkQuorumAt, checkRegained, checkStop, type QuorumView } from './networkQuorum';
import { Tiers } from './networkTiers';

export type Add = (rule: string, t: number, index: number, expected: string, actual: string) => void;
interface Trace {
  events: Json[];
  until: number;
}

const MEMBER = new Set(['Up', 'Paused']);

export function replayNetwork(s: NetScenario, trace: Trace, add: Add, cover: Set<string>): void {
  const m = new RouteModel(s);
  const idx = (name: unknown) => s.byName.get(name as string)!.id - 1;
  const nodeState: string[] = s.nodes.map((n) => (n.up ? 'Up' : 'Down'));
  const member = (x: number) => MEMBER.has(nodeState[x]!);
  const runningMembers = () => s.nodes.map((n) => n.id - 1).filter((x) => m.running[x] && member(x));
  const linkedToAll = (x: number) => runningMembers().every((y) => y === x || m.linked(x, y));
  const crashed = new Map<number, number>(); // crashed member → detection instant (§4.3)
  const stopping = new Set<number>();
  const ipNet = new Map<string, string>();
  for (const g of (s.json.groups ?? []) as Json[])
    for (const r of (g.resources ?? []) as Json[]) {
      const p = r.parameters as Json | undefined;
      if (r.type === 'IP Address' && typeof p?.Network === 'string') ipNet.set(r.name as string, p.Network);
    }
  const groupIps = new Map<string, string[]>();
  for (const g of (s.json.groups ?? []) as Json[])
    groupIps.set(
      g.name as string,
      ((g.resources ?? []) as Json[]).map((r) => ipNet.get(r.name as string)).filter((n) => n !== undefined),
    );
  const resState = new Map<string, { state: string; node: string; group: string }>();
  /** Each group's owner as the trace shows it (group.owner, or where its resources change state). */
  const owners = new Map<string, string>();
  const traced = { iface: new Map<string, string>(), net: new Map<string, string>() };
  const reported = new Set<string>();
  const ctx: RegroupCtx = {
    s,
    m,
    add,
    cover,
    votes: initialVotes(s),
    witnessUp: true,
    quorum: s.nodes.some((n) => n.up && n.weight === 1) || s.witness !== 'none',
    runningMembers,
    memberNames: () => s.nodes.filter((_, x) => member(x)).map((n) => n.name),
  };
  const qv: QuorumView = { s, m, ctx, nodeState, crashed, stopping, initial: new Map(ctx.votes) };
  const at = { regroup: -1, lost: -1, regained: -1 };
  const tiers = new Tiers(s);
  const failoverStarted = new Map<string, number>();
  const joiningCrash = new Set<number>();
  let started = -1;

  /** Report a lasting fault once until it clears. */
  const once = (key: string, bad: boolean, report: () => void) => {
    if (!bad) reported.delete(key);
    else if (!reported.has(key)) {
      reported.add(key);
      report();
    }
  };

  function endInstant(t: number): void {
    if (s.networkMode) {
      const want = m.states(t, member);
      if (t === 0) {
        want.iface.forEach((v, k) => traced.iface.set(k, v));
        want.net.forEach((v, k) => traced.net.set(k, v));
      }
      for (const [k, v] of want.iface) {
        if (v !== 'Up') cover.add(`interface ${v}`);
        once(`if ${k}`, traced.iface.get(k) !== v, () =>
          add('networks §4.9 states from the declared routes', t, -1, `interface ${k} ${v}`, traced.iface.get(k)!),
        );
      }
      for (const [k, v] of want.net) {
        if (v !== 'Up') cover.add(`network ${v}`);
        once(`net ${k}`, traced.net.get(k) !== v, () =>
          add('networks §4.9 states from the declared routes', t, -1, `network ${k} ${v}`, traced.net.get(k)!),
        );
      }
    }
    checkQuorumAt(qv, t, once);
    for (const x of joiningCrash)
      add(
        'networks §4.3 a Joining node that crashes',
        t,
        -1,
        `${s.nodes[x]!.name} Joining → Down at once`,
        nodeState[x]!,
      );
    joiningCrash.clear();
    const rm = runningMembers();
    for (const a of rm)
      for (const b of rm) {
        if (a >= b) continue;
        const bad = ctx.quorum && !m.connected(a, b, t);
        once(`split ${a}|${b}`, bad, () =>
          add(
            'networks §4.4 a regroup when a pair of members loses every route',
            t,
            -1,
            `a regroup: every route between ${s.nodes[a]!.name} and ${s.nodes[b]!.name} is declared down`,
            'none',
          ),
        );
      }
    for (const [x, due] of crashed)
      once(`detect ${x}`, due <= t, () =>
        add('networks §4.3 crash detection instant', t, -1, `node ${s.nodes[x]!.name} detected Down at ${due}`, 'not'),
      );
    if (ctx.quorum && at.regained !== t)
      for (let x = 0; x < s.nodes.length; x++) {
        const waiting = m.running[x] === true && nodeState[x] === 'Down';
        once(`rejoin ${x}`, waiting && linkedToAll(x), () =>
          add(
            'networks §4.8 rejoin',
            t,
            -1,
            `waiting node ${s.nodes[x]!.name}, linked to every running member, Down → Joining`,
            'still Down',
          ),
        );
      }
    // §4.10: an IP not allowed on its group's owner "stays Offline: …, never Failed".
    for (const [r, { state, group }] of resState) {
      const net = ipNet.get(r);
      const owner = owners.get(group);
      if (net === undefined || owner === undefined || !s.byName.has(owner)) continue;
      once(`ip-owner ${r}`, state !== 'Offline' && !s.byName.get(owner)!.interfaces.includes(net), () =>
        add(
          'networks §4.10 not allowed = not called',
          t,
          -1,
          `${r} Offline while its group is on ${owner} (no interface on ${net})`,
          state,
        ),
      );
    }
    for (const [r, { state, node }] of resState) {
      const net = ipNet.get(r);
      if (net === undefined || state !== 'Online') continue;
      const x = idx(node);
      once(`ip ${r}`, m.running[x] === true && m.cut(x, net), () =>
        add('networks §4.10 IP on a cut interface', t, -1, `${r} Failed on ${node} (${net} is cut)`, 'Online'),
      );
    }
  }

  function action(a: Json, t: number): void {
    const x = a.node === undefined ? -1 : idx(a.node);
    switch (a.action) {
      case 'partition': {
        const sides = a.sides as string[][];
        m.sides = s.nodes.map(() => 0);
        sides.forEach((side, k) => side.forEach((n) => (m.sides![idx(n)] = k)));
        m.witnessSides = Array.isArray(a.witness) ? new Set(a.witness as number[]) : null;
        cover.add(sides.length === 2 && sides[0]!.length === sides[1]!.length ? 'partition: even split' : 'partition');
        break;
      }
      case 'healPartition':
        m.sides = null;
        m.witnessSides = null;
        break;
      case 'failNetwork':
      case 'restoreNetwork':
        if (a.action === 'failNetwork') m.cutNet.add(a.network as string);
        else m.cutNet.delete(a.network as string);
        break;
      case 'failInterface':
      case 'restoreInterface':
        if (a.action === 'failInterface') m.cutIf.add(`${x}|${a.network as string}`);
        else m.cutIf.delete(`${x}|${a.network as string}`);
        break;
      case 'crashNode':
        if (!m.running[x]) break;
        if (member(x)) {
          const due = m.detectionInstant(x, t, runningMembers());
          crashed.set(x, due);
          stopping.delete(x);
          // SF §4.6's instant is t + SameSubnet; a different one shows the route rule at work.
          cover.add(due === t + s.timeout.sameSubnet ? 'detection' : 'detection: route rule (not SF instant)');
          m.stop(x, t, true);
        } else {
          // §4.3: "a Joining one goes Joining → Down at once, a waiting one becomes off with no event".
          if (nodeState[x] === 'Joining') joiningCrash.add(x);
          m.stop(x, t, false);
        }
        break;
      case 'startNode':
        m.running[x] = true;
        started = x;
        break;
      case 'stopNode':
        stopping.add(x);
        cover.add('stopNode accepted');
        break;
      case 'failWitness':
      case 'restoreWitness':
        ctx.witnessUp = a.action === 'restoreWitness';
        break;
    }
    m.sync(t);
  }

  function nodeChange(e: Json, i: number, t: number): void {
    const x = idx(e.node);
    const from = e.from as string;
    const to = e.to as string;
    const name = s.nodes[x]!.name;
    if (to === 'Down' && crashed.has(x)) {
      const due = crashed.get(x)!;
      if (t !== due && at.regroup !== t && at.lost !== t && at.regained !== t)
        add('networks §4.3 crash detection instant', t, i, `node ${name} detected Down at ${due}`, `Down at ${t}`);
      crashed.delete(x);
      // §4.9: the routes it had at the crash keep their declared state until it is detected or removed.
      m.forget(x);
    } else if (to === 'Down' && from === 'Joining' && m.running[x] && at.lost !== t) {
      if (!ctx.quorum || linkedToAll(x))
        add('networks §4.8 join completion', t, i, `${name} Joining → Up (linked to every running member)`, 'Down');
      cover.add('join failed: not linked');
    } else if (to === 'Down' && stopping.has(x)) {
      stopping.delete(x);
      m.stop(x, t, false);
      cover.add(at.regroup === t ? 'stopping node removed by a regroup' : 'stop departure');
    } else if (to === 'Joining' && from === 'Down' && started !== x) {
      if (!ctx.quorum || !linkedToAll(x))
        add('networks §4.8 rejoin', t, i, `${name} rejoins only when linked to every running member`, 'Joining');
      cover.add('rejoin');
    } else if (to === 'Up' && from === 'Joining' && ctx.quorum && !linkedToAll(x))
      add('networks §4.8 join completion', t, i, `${name} Joining → Down (not linked to every running member)`, 'Up');
    nodeState[x] = to;
    if (to === 'Down') joiningCrash.delete(x);
  }

  function ipEvent(e: Json, i: number, t: number): void {
    const r = e.resource as string;
    const net = ipNet.get(r);
    if (net === undefined || !s.byName.has(e.node as string)) return;
    const x = idx(e.node);
    if (!s.nodes[x]!.interfaces.includes(net))
      add(
        'networks §4.10 not allowed = not called',
        t,
        i,
        `no ${e.type as string} for ${r} on ${e.node as string}`,
        'one',
      );
    if (e.type === 'resource.state' && e.to === 'Online' && m.running[x] && m.cut(x, net))
      add(
        'networks §4.10 IP on a cut interface',
        t,
        i,
        `${r} not Online on ${e.node as string} (${net} is cut)`,
        'Online',
      );
    if (e.type === 'resource.state' && e.to === 'Failed') cover.add(m.cut(x, net) ? 'IP failed: cut' : 'IP failed');
  }

  /** Coverage: a group active on a node that lacks one of its IPs' networks (§4.10: that IP is never called). */
  function ownerCoverage(e: Json): void {
    const x = s.byName.get(e.node as string);
    if (x && (groupIps.get(e.group as string) ?? []).some((n) => !x.interfaces.includes(n)))
      cover.add('IP not allowed on the owner: left Offline');
  }

  let cur = 0;
  const dueBetween = (from: number, to: number): number | null => {
    let d = m.nextDeadline(from, to);
    for (const due of crashed.values()) if (due > from && due < to && (d === null || due < d)) d = due;
    return d;
  };
  const advance = (to: number) => {
    endInstant(cur);
    for (let d = dueBetween(cur, to); d !== null; d = dueBetween(d, to)) endInstant(d);
    cur = to;
  };
  trace.events.forEach((e, i) => {
    const t = e.t as number;
    if (t !== cur) advance(t);
    switch (e.type) {
      case 'action':
      case 'action.rejected':
        if ((e.action as Json).action === 'stopNode') checkStop(qv, e, i);
        if (e.type === 'action') action(e.action as Json, t);
        break;
      case 'node.state':
        nodeChange(e, i, t);
        break;
      case 'policy':
        if (e.rule === 'FailoverStarted') failoverStarted.set(e.subject as string, t);
        if (e.rule === 'QuorumLost') {
          ctx.quorum = false;
          at.lost = t;
          stopping.clear();
          s.nodes.forEach((_, x) => m.running[x] && m.stop(x, t, false));
        }
        if (e.rule === 'QuorumRegained') {
          checkRegained(qv, e, i, trace.events);
          ctx.quorum = true;
          at.regained = t;
          if (s.networkMode) cover.add('forming: QuorumRegained');
        }
        break;
      case 'regroup':
        at.regroup = t;
        checkRegroup(ctx, e, i, trace.events);
        break;
      case 'quorum.vote':
        traceVote(ctx, e, i);
        break;
      case 'resource.state':
        resState.set(e.resource as string, { state: e.to as string, node: e.node as string, group: e.group as string });
        owners.set(e.group as string, e.node as string);
        ipEvent(e, i, t);
        ownerCoverage(e);
        break;
      case 'call':
        ipEvent(e, i, t);
        break;
      case 'group.owner':
        // A node-loss failover: started now, its owner already Down (no offline step, SF §4.5).
        if (
          e.cause === 'failover' &&
          failoverStarted.get(e.group as string) === t &&
          s.byName.has(e.from as string) &&
          nodeState[idx(e.from)] === 'Down'
        )
          if (tiers.check(e, i, nodeState, stopping, add)) cover.add('site mode: node-loss failover target');
        if (typeof e.to === 'string') owners.set(e.group as string, e.to);
        else owners.delete(e.group as string);
        break;
      case 'interface.state':
        traced.iface.set(`${e.node as string}|${e.network as string}`, e.to as string);
        break;
      case 'network.state':
        traced.net.set(e.network as string, e.to as string);
        break;
    }
    if (e.type !== 'action') started = -1;
  });
  advance(trace.until + 1);
}
