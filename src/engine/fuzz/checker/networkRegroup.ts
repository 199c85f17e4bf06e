/**
 * Regroup checks of the network replay (networks.md §4.4–§4.6), against the checker's route model
 * and its own arbitration (networkArbitration.ts): `lost` is exactly the running members' pairs
 * that are not connected; survivors and the witness field are what §4.5 decides from the links,
 * the traced votes, the total and the witness reach; the arithmetic holds; the outcome follows at
 * once (§4.6). Also the traced votes themselves (SF §3: every change of a vote, so each starts
 * where the last one left it).
 */
import type { Json, NetScenario } from './networkModel';
import type { RouteModel } from './networkRoutes';
import { arbitrateFromContract } from './networkArbitration';

type Add = (rule: string, t: number, index: number, expected: string, actual: string) => void;

export interface RegroupCtx {
  s: NetScenario;
  m: RouteModel;
  add: Add;
  cover: Set<string>;
  /** Votes as traced (initial SF §4.7 assignment, then every quorum.vote). */
  votes: Map<string, number>;
  witnessUp: boolean;
  quorum: boolean;
  runningMembers: () => number[];
  memberNames: () => string[];
}

/** Votes at t = 0: SF §4.7's initial assignment (members with NodeWeight 1, the even rule's witness). */
export function initialVotes(s: NetScenario): Map<string, number> {
  const v = new Map<string, number>();
  for (const n of s.nodes) v.set(n.name, n.up && n.weight === 1 ? 1 : 0);
  const count = [...v.values()].reduce((a, b) => a + b, 0);
  const w = s.witness !== 'none' && (!s.dynamic || count % 2 === 0) ? 1 : 0;
  v.set('witness', w);
  return v;
}

export function traceVote(ctx: RegroupCtx, e: Json, i: number): void {
  const voter = e.voter as string;
  if (ctx.votes.get(voter) !== e.from)
    ctx.add(
      'networks SF §3 quorum.vote continuity',
      e.t as number,
      i,
      `${voter} from ${ctx.votes.get(voter)}`,
      `from ${e.from as number}`,
    );
  ctx.votes.set(voter, e.to as number);
}

export function checkRegroup(ctx: RegroupCtx, e: Json, i: number, ev: Json[]): void {
  const { s, m, add, votes } = ctx;
  const R = 'networks §4.5 regroup arithmetic';
  const t = e.t as number;
  const survivors = e.survivors as string[];
  const removed = e.removed as string[];
  const id = (n: string) => s.byName.get(n)?.id ?? Infinity;
  const sorted = (xs: string[]) => xs.every((x, k) => k === 0 || id(xs[k - 1]!) < id(x));
  const members = ctx.memberNames();
  const all = [...survivors, ...removed].sort((a, b) => id(a) - id(b));
  if (!ctx.quorum) add('networks §4.4 membership step', t, i, 'a regroup only while the cluster has quorum', 'regroup');
  if (!sorted(survivors) || !sorted(removed)) add(R, t, i, 'survivors and removed in ID order', 'unsorted');
  if (JSON.stringify(all) !== JSON.stringify(members))
    add(R, t, i, `survivors + removed = the members ${JSON.stringify(members)}`, JSON.stringify(all));
  // §3 lost: the pairs of running members not connected when the regroup started (§4.4 step 1 applied).
  const running = ctx.runningMembers();
  const want: string[][] = [];
  for (const a of running)
    for (const b of running) if (a < b && !m.connected(a, b, t)) want.push([s.nodes[a]!.name, s.nodes[b]!.name]);
  if (JSON.stringify(e.lost) !== JSON.stringify(want))
    add(
      'networks §4.4 regroup: lost pairs from the declared routes',
      t,
      i,
      `lost ${JSON.stringify(want)}`,
      JSON.stringify(e.lost),
    );
  const nodeVotes = s.nodes.reduce((n, x) => n + (votes.get(x.name) ?? 0), 0);
  const wVote = votes.get('witness') ?? 0;
  const total = nodeVotes + (s.dynamic ? wVote : s.witness !== 'none' ? 1 : 0);
  const awardable = (s.dynamic ? wVote === 1 : s.witness !== 'none') && ctx.witnessUp;
  const w = e.witness as string;
  if (!awardable && w !== 'none') add(R, t, i, 'witness "none" (it counts in no total or is down)', w);
  if (awardable && w === 'none') add(R, t, i, 'witness awarded or "unreached"', w);
  const won = survivors.reduce((n, x) => n + (votes.get(x) ?? 0), 0) + (w === 'survivors' ? 1 : 0);
  if (survivors.length > 0 && !(2 * won > total)) add(R, t, i, `2 × survivors' votes > total ${total}`, `2 × ${won}`);
  if (survivors.length === 0 && w === 'survivors') add(R, t, i, 'no award without survivors', w);
  // §4.5 the whole arbitration, from the links at this instant.
  const pref = ((s.json.cluster as Json | undefined)?.properties as Json | undefined)?.PreferredSite;
  const res = arbitrateFromContract({
    nodes: running.map((x) => x + 1),
    linked: (a, b) => m.linked(a - 1, b - 1),
    vote: (n) => votes.get(s.nodes[n - 1]!.name) ?? 0,
    total,
    awardable,
    reaches: (n) => s.witness !== 'none' && ctx.witnessUp && m.reaches(n - 1),
    outside: (n) => s.siteMode && typeof pref === 'string' && s.nodes[n - 1]!.site !== pref,
  });
  const wantSurvivors = res.winner === null ? [] : res.cores[res.winner]!.map((n) => s.nodes[n - 1]!.name);
  const wantWitness = !awardable
    ? 'none'
    : res.award === null
      ? 'unreached'
      : res.award === res.winner
        ? 'survivors'
        : 'removed';
  if (JSON.stringify(wantSurvivors) !== JSON.stringify(survivors) || wantWitness !== w)
    add(
      'networks §4.5 arbitration',
      t,
      i,
      `survivors ${JSON.stringify(wantSurvivors)} witness "${wantWitness}"`,
      `survivors ${JSON.stringify(survivors)} witness "${w}"`,
    );
  coverRegroup(ctx, res, total, w);
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
}

function coverRegroup(
  ctx: RegroupCtx,
  res: ReturnType<typeof arbitrateFromContract>,
  total: number,
  witness: string,
): void {
  const c = ctx.cover;
  c.add(res.winner !== null ? 'regroup' : 'regroup: no core wins');
  if (res.pruned) c.add('regroup: core pruned (tie-break by links, vote, site, ID)');
  const v = res.cores.map((k) => k.reduce((n, id) => n + (ctx.votes.get(ctx.s.nodes[id - 1]!.name) ?? 0), 0));
  const top = Math.max(...v);
  if (v.filter((x) => x === top).length > 1) c.add('regroup: two cores with equal votes');
  if (res.winner !== null && res.award === res.winner && 2 * v[res.winner]! <= total)
    c.add('regroup: the witness vote decides');
  if (witness === 'unreached') c.add('regroup: witness unreached');
  if (witness === 'removed') c.add('regroup: witness on the losing side');
}
