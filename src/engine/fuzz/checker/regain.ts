/**
 * §4.7 after QuorumRegained: groups return to their persistent state — on their last owner if it
 * is Up, else on the first candidate of the target walk from the top; with none, NoTargetNode, and
 * the group waits for a node that can host it.
 */
import type { Scenario } from '../../index';
import type { TraceModel } from './model';
import { q, type Report } from './types';
import { affine, canHost, candidates, nextInWalk } from './walkOrder';

/** Where each group must be once quorum returns, and the index of the QuorumRegained event. */
export type Regain = Map<string, { kind: 'stay' | 'move' | 'none'; target: string | null; i: number }>;

/** At QuorumRegained (event `i`): the outcome the contract gives each group. */
export function planRegain(m: TraceModel, scenario: Scenario, i: number): Regain {
  const regain: Regain = new Map();
  for (const g of scenario.groups) {
    if (m.groupPersistent.get(g.name) !== 'online' || g.properties.Priority === 0) continue;
    // A group no node of the scenario can host is never placed; not judged here.
    if (!scenario.nodes.some((n) => canHost(m, g.name, n.name))) continue;
    const last = m.owner.get(g.name) ?? null;
    if (last !== null && m.nodeState.get(last) === 'Up') regain.set(g.name, { kind: 'stay', target: last, i });
    else {
      const c = affine(m, g.name, candidates(m, g.name, null));
      const target = g.properties.AntiAffinityClassNames.length > 0 ? null : nextInWalk(m, g.name, null, c);
      regain.set(g.name, { kind: c.length ? 'move' : 'none', target, i });
    }
  }
  return regain;
}

interface Seen {
  /** Each group's owner change in the instant. */
  owner: Map<string, { to: string | null; cause: string; i: number }>;
  /** The failover decisions (policy rules) taken for a group in the instant. */
  decided: (group: string) => string[];
  /** `JSON.stringify([resource, node])` of every Online call of the instant. */
  calledOnline: Set<string>;
}

/** At the end of the QuorumRegained instant: judge each group; returns the groups left waiting. */
export function checkRegain(m: TraceModel, rep: Report, t: number, regain: Regain, seen: Seen): string[] {
  const waiting: string[] = [];
  const R7 = '§4.7 groups return after QuorumRegained';
  for (const [g, x] of regain) {
    const moved = seen.owner.get(g);
    const d = seen.decided(g);
    if (x.kind === 'stay') {
      if (moved)
        rep.add(
          R7,
          t,
          moved.i,
          `${q(g)} stays on its last owner ${q(x.target)}, which is Up`,
          `group.owner to ${q(moved.to)}`,
        );
      for (const r of m.group.get(g)!.resources)
        if (
          !r.dependsOn.length &&
          m.persistentOnline(r.name) &&
          (r.possibleOwners.length === 0 || r.possibleOwners.includes(x.target!)) &&
          !seen.calledOnline.has(JSON.stringify([r.name, x.target]))
        )
          rep.add(
            R7,
            t,
            x.i,
            `Online call on ${q(r.name)} on ${q(x.target)} (back to its persistent state)`,
            `${m.state.get(r.name)}, no call`,
          );
    } else if (x.kind === 'move') {
      if (!moved || moved.cause !== 'quorum')
        rep.add(
          R7,
          t,
          moved?.i ?? x.i,
          `group.owner ${q(g)} cause quorum (last owner not Up)`,
          moved ? `cause ${moved.cause}` : 'none',
        );
      else if (x.target !== null && moved.to !== x.target)
        rep.add(R7, t, moved.i, `${q(g)} to ${q(x.target)} (first candidate from the top)`, `to ${q(moved.to)}`);
    } else if (!d.includes('NoTargetNode'))
      rep.add(
        R7,
        t,
        x.i,
        `NoTargetNode for ${q(g)} (no Up node can host it)`,
        moved ? `group.owner to ${q(moved.to)}` : 'none',
      );
    if (x.kind === 'none') waiting.push(g);
  }
  return waiting;
}
