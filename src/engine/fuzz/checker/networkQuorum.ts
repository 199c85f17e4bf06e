/**
 * Quorum checks of the network replay, from networks.md §4.7, §4.8, §4.11, §4.12 and SF §4.7:
 * - R, the membership's witness availability, from the checker's own route model;
 * - the votes at the end of every instant with quorum: V and the witness vote are what SF §4.7's
 *   recomputation gives for the members, reading R for "the witness is up", with §4.11's
 *   vote-removal order (LowerQuorumPriorityNodeId, the highest ID outside the PreferredSite, the
 *   highest ID); without dynamic quorum V never changes and the witness votes while R holds;
 * - forming (§4.8): without quorum, no instant ends with a winning core among the Up nodes, and a
 *   QuorumRegained sends exactly the Up nodes outside the winning core Down, in ID order;
 * - `stopNode` accepted or refused as §2's table and §4.12's quorum test say.
 */
import type { Json, NetScenario } from './networkModel';
import type { RouteModel } from './networkRoutes';
import type { RegroupCtx } from './networkRegroup';
import { arbitrateFromContract } from './networkArbitration';

export interface QuorumView {
  s: NetScenario;
  m: RouteModel;
  ctx: RegroupCtx;
  nodeState: string[];
  crashed: ReadonlyMap<number, number>;
  stopping: ReadonlySet<number>;
  /** The node votes at t = 0 (V never changes without dynamic quorum). */
  initial: ReadonlyMap<string, number>;
}

const isMember = (st: string) => st === 'Up' || st === 'Paused';

/** §4.7 R: with no partition and no cut interface, the witness is up; else some member reaches it. */
export function witnessR(v: QuorumView): boolean {
  const { s, m } = v;
  if (s.witness === 'none' || !v.ctx.witnessUp) return false;
  const anyCut = s.nodes.some((x) => x.interfaces.some((n) => m.cut(x.id - 1, n)));
  if (m.sides === null && !anyCut) return true;
  return s.nodes.some((x) => isMember(v.nodeState[x.id - 1]!) && m.reaches(x.id - 1));
}

/** §4.11: who gives up a vote when |V| is even and the witness cannot vote. */
function loser(s: NetScenario, ids: number[]): number {
  const props = ((s.json.cluster as Json | undefined)?.properties ?? {}) as Json;
  const lower = typeof props.LowerQuorumPriorityNodeId === 'number' ? props.LowerQuorumPriorityNodeId : 0;
  if (ids.includes(lower)) return lower;
  const pref = props.PreferredSite;
  if (s.siteMode && typeof pref === 'string') {
    const out = ids.filter((id) => s.nodes[id - 1]!.site !== pref);
    if (out.length) return Math.max(...out);
  }
  return Math.max(...ids);
}

/** The votes SF §4.7 gives the current members, or null while they cannot be told from the trace. */
export function expectedVotes(v: QuorumView): Map<string, number> {
  const { s } = v;
  const R = witnessR(v);
  const want = new Map<string, number>();
  let w = s.witness !== 'none' && R ? 1 : 0;
  if (!s.dynamic) for (const n of s.nodes) want.set(n.name, v.initial.get(n.name) ?? 0);
  else {
    const M = s.nodes.filter((n) => n.weight === 1 && isMember(v.nodeState[n.id - 1]!)).map((n) => n.id);
    let V = M;
    if (M.length % 2 === 1) w = 0;
    else if (M.length > 0 && w === 0) {
      const out = loser(s, M);
      V = M.filter((id) => id !== out);
    }
    for (const n of s.nodes) want.set(n.name, V.includes(n.id) ? 1 : 0);
  }
  if (s.witness !== 'none') want.set('witness', w);
  return want;
}

/** The forming arbitration (§4.8) over the nodes in state Up. */
function forming(v: QuorumView) {
  const { s, m, ctx } = v;
  const up = s.nodes.filter((n) => v.nodeState[n.id - 1] === 'Up').map((n) => n.id);
  const crashed = (id: number) => v.crashed.has(id - 1);
  const configured = s.witness !== 'none';
  const res = arbitrateFromContract({
    nodes: up,
    linked: (a, b) => crashed(a) || crashed(b) || m.linked(a - 1, b - 1),
    vote: (id) => s.nodes[id - 1]!.weight,
    total: s.nodes.reduce((n, x) => n + x.weight, 0) + (configured ? 1 : 0),
    awardable: configured && ctx.witnessUp,
    reaches: (id) => configured && ctx.witnessUp && m.reaches(id - 1),
    outside: (id) => {
      const pref = ((s.json.cluster as Json | undefined)?.properties as Json | undefined)?.PreferredSite;
      return s.siteMode && typeof pref === 'string' && s.nodes[id - 1]!.site !== pref;
    },
  });
  return { up, core: res.winner === null ? null : res.cores[res.winner]! };
}

/** End of an instant: the vote invariant with quorum, the forming invariant without. */
export function checkQuorumAt(v: QuorumView, t: number, once: (key: string, bad: boolean, r: () => void) => void) {
  const { ctx } = v;
  if (ctx.quorum) {
    const want = expectedVotes(v);
    for (const [voter, n] of want)
      once(`vote ${voter}`, (ctx.votes.get(voter) ?? 0) !== n, () =>
        ctx.add(
          'networks §4.7 votes after every change (even rule with R, §4.11 order)',
          t,
          -1,
          `vote of ${voter} ${n}`,
          String(ctx.votes.get(voter) ?? 0),
        ),
      );
  } else if (v.s.networkMode) {
    const { core } = forming(v);
    once('forming', core !== null, () =>
      ctx.add(
        'networks §4.8 forming',
        t,
        -1,
        `QuorumRegained: the connected nodes ${JSON.stringify(core!.map((id) => v.s.nodes[id - 1]!.name))} hold a majority`,
        'no quorum',
      ),
    );
  }
}

/** At a QuorumRegained in network mode: the Up nodes outside the winning core go Down right after. */
export function checkRegained(v: QuorumView, e: Json, i: number, ev: Json[]): void {
  if (!v.s.networkMode) return;
  const { up, core } = forming(v);
  const t = e.t as number;
  if (core === null) {
    v.ctx.add('networks §4.8 forming', t, i, 'no QuorumRegained (no core wins among the Up nodes)', 'QuorumRegained');
    return;
  }
  const outside = up.filter((id) => !core.includes(id)).map((id) => v.s.nodes[id - 1]!.name);
  const downs = ev
    .slice(i + 1, i + 1 + outside.length)
    .map((x) => (x.t === t && x.type === 'node.state' && x.to === 'Down' ? x.node : '?'));
  if (JSON.stringify(downs) !== JSON.stringify(outside))
    v.ctx.add('networks §4.8 forming', t, i, `Down right after: ${JSON.stringify(outside)}`, JSON.stringify(downs));
}

/** §2 refusals of `stopNode`, in table order, and §4.12's quorum test. */
export function checkStop(v: QuorumView, e: Json, i: number): void {
  const { s, ctx } = v;
  const x = s.byName.get((e.action as Json).node as string)!.id - 1;
  const st = v.nodeState[x]!;
  let refused: string | null = null;
  if (v.crashed.has(x)) refused = 'it crashed';
  else if (!isMember(st)) refused = `it is ${st}`;
  else if (v.stopping.has(x)) refused = 'it is already stopping';
  else if (!ctx.quorum) refused = 'the cluster has no quorum';
  else {
    const R = witnessR(v);
    const configured = s.witness !== 'none';
    const others = s.nodes.filter((_n, k) => k !== x && isMember(v.nodeState[k]!));
    let keeps: boolean;
    if (s.dynamic) keeps = others.some((n) => n.weight === 1) || (R && configured);
    else {
      const V = s.nodes.filter((n) => (ctx.votes.get(n.name) ?? 0) === 1);
      const inV = others.filter((n) => V.includes(n)).length;
      keeps = 2 * (inV + (configured && R ? 1 : 0)) > V.length + (configured ? 1 : 0);
    }
    if (!keeps) refused = 'the quorum test fails';
  }
  const accepted = e.type === 'action';
  if (accepted !== (refused === null))
    ctx.add(
      'networks §2/§4.12 stopNode refusals',
      e.t as number,
      i,
      refused === null ? 'stopNode accepted' : `stopNode refused: ${refused}`,
      accepted ? 'accepted' : 'refused',
    );
  if (refused === 'the quorum test fails') ctx.cover.add('stopNode refused: quorum test');
}
