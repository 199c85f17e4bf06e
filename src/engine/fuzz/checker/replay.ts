/**
 * Continuity and `final`: every state event starts from the state the trace left, the derived
 * group state is emitted once per instant when it changes (§3), and `final` equals a replay of the
 * trace (states, owners, failover counts, quorum).
 */
import type { GroupState } from '../../index';
import type { RuleFactory } from './walk';
import { q } from './types';

const HOUR = 3_600_000;

export const replayRule: RuleFactory = (m, rep, { scenario, trace }) => {
  const emitted = new Map<string, GroupState>(scenario.groups.map((g) => [g.name, 'Offline']));
  const failoverStarts = new Map<string, number[]>();
  return {
    before(e, i) {
      const C = '§3 continuity';
      if (e.type === 'resource.state' && m.state.get(e.resource) !== e.from)
        rep.add(C, e.t, i, `${q(e.resource)} from ${m.state.get(e.resource)}`, `from ${e.from}`);
      if (e.type === 'resource.state' && e.from === e.to)
        rep.add(C, e.t, i, 'a state change', `${q(e.resource)} ${e.from} → ${e.to}`);
      if (e.type === 'node.state' && m.nodeState.get(e.node) !== e.from)
        rep.add(C, e.t, i, `${q(e.node)} from ${m.nodeState.get(e.node)}`, `from ${e.from}`);
      if (e.type === 'group.owner' && m.owner.get(e.group) !== e.from)
        rep.add(C, e.t, i, `${q(e.group)} from owner ${q(m.owner.get(e.group))}`, `from ${q(e.from)}`);
      if (e.type === 'group.owner' && e.from === e.to)
        rep.add(C, e.t, i, 'an owner change', `${q(e.from)} → ${q(e.to)}`);
      if (e.type === 'policy' && e.rule === 'FailoverStarted')
        failoverStarts.set(e.subject, [...(failoverStarts.get(e.subject) ?? []), e.t]);
    },
    endInstant(t, evs) {
      const R = '§3 group.state derivation';
      const seen = new Map<string, number>();
      for (const { e, i } of evs) {
        if (e.type !== 'group.state') continue;
        if (seen.has(e.group)) rep.add(R, t, i, `one group.state for ${q(e.group)} per instant`, 'a second one');
        seen.set(e.group, i);
        if (e.from !== emitted.get(e.group))
          rep.add(R, t, i, `${q(e.group)} from ${emitted.get(e.group)} (last emitted)`, `from ${e.from}`);
      }
      for (const g of scenario.groups) {
        const want = m.derivedGroupState(g.name);
        const idx = seen.get(g.name);
        const ev = idx === undefined ? undefined : evs.find((x) => x.i === idx)!.e;
        const got = ev && ev.type === 'group.state' ? ev.to : undefined;
        if (want !== emitted.get(g.name)) {
          if (got !== want)
            rep.add(
              R,
              t,
              idx ?? -1,
              `group.state ${q(g.name)} → ${want} (derived from its resources)`,
              got ? `→ ${got}` : 'none',
            );
        } else if (got !== undefined) {
          rep.add(R, t, idx!, `no group.state for ${q(g.name)} (still ${want})`, `→ ${got}`);
        }
        emitted.set(g.name, want);
      }
    },
    end(until) {
      const R = '§3 final = replay of the trace';
      const f = trace.final;
      if (f.quorum !== m.quorum) rep.add(R, until, -1, `final.quorum ${m.quorum}`, String(f.quorum));
      for (const n of scenario.nodes) {
        const got = f.nodes[n.name]?.state;
        if (got !== undefined && got !== m.nodeState.get(n.name))
          rep.add(R, until, -1, `node ${q(n.name)} ${m.nodeState.get(n.name)}`, got);
      }
      for (const g of scenario.groups) {
        const fg = Object.prototype.hasOwnProperty.call(f.groups, g.name) ? f.groups[g.name] : undefined;
        if (!fg) continue;
        if (fg.state !== m.derivedGroupState(g.name))
          rep.add(R, until, -1, `group ${q(g.name)} ${m.derivedGroupState(g.name)}`, fg.state);
        const owner = m.owner.get(g.name) ?? null;
        const ownerState = owner === null ? 'Down' : m.nodeState.get(owner);
        const live = ownerState === 'Down' ? null : owner;
        // A Joining owner (rejoined while quorum was lost) is neither clearly live nor gone: either reading.
        if (fg.owner !== live && !(ownerState === 'Joining' && (fg.owner === null || fg.owner === owner)))
          rep.add(R, until, -1, `group ${q(g.name)} owner ${q(live)}`, q(fg.owner));
        const hours = g.properties.FailoverPeriod * HOUR;
        const count = (failoverStarts.get(g.name) ?? []).filter((s) => until - s < hours).length;
        if (fg.failoverCount !== count)
          rep.add(
            R,
            until,
            -1,
            `group ${q(g.name)} failoverCount ${count} (FailoverStarted in the last FailoverPeriod)`,
            String(fg.failoverCount),
          );
        for (const r of g.resources) {
          const fr = Object.prototype.hasOwnProperty.call(f.resources, r.name) ? f.resources[r.name] : undefined;
          if (!fr) continue;
          if (fr.state !== m.state.get(r.name))
            rep.add(R, until, -1, `resource ${q(r.name)} ${m.state.get(r.name)}`, fr.state);
          if (fr.node !== fg.owner)
            rep.add(R, until, -1, `resource ${q(r.name)} on its group's owner ${q(fg.owner)}`, q(fr.node));
        }
      }
    },
  };
};
