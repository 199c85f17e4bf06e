/**
 * §4.5, §4.6 and §4.8 for groups: a failover decision (FailoverStarted, FailoverThresholdExceeded or
 * NoTargetNode) exactly once for each cause, the sliding FailoverThreshold window, the target walk,
 * persistent-offline groups re-homed without a failover, where each kind of move may land, and the
 * failback rank.
 */
import { affine, canHost, candidates, nextInWalk } from './walkOrder';
import type { RuleFactory } from './walk';
import { q } from './types';
import { checkRegain, planRegain, type Regain } from './regain';

const HOUR = 3_600_000;
const DWORD = 4294967295;

interface Expect {
  /** The exact node the contract picks, or null when any candidate will do (seeded random, anti-affinity races). */
  target: string | null;
  cause: string;
  at: number;
  why: string;
}

export const failoverRule: RuleFactory = (m, rep, { scenario }) => {
  const R = '§4.5 failover';
  const starts = new Map<string, number[]>();
  const waiting = new Set<string>();
  const expected = new Map<string, Expect>();
  const drainedFrom = new Map<string, string>();
  let nodeChangeAt = -1;
  let lastNodeChange = -1;
  let triggers = new Map<string, string>();
  let decisions = new Map<string, { rule: string; i: number; waited?: boolean }[]>();
  /** Index of this instant's last node state change, and of each group's NoTargetNode in this instant. */
  let nodeChangeIndex = -1;
  let noTargetAt = new Map<string, number>();
  /** Groups that failed over after a node loss and then failed again on arrival, in one instant: two causes, two decisions. */
  let twoCauses = new Set<string>();
  /** Persistent state of each group when its owner was lost: script actions of the instant come after (§2). */
  let persistentAtLoss = new Map<string, string | undefined>();
  /** Resources Failed at or after their group's FailoverThresholdExceeded in this instant (§4.5). */
  let failedAfterFte = new Set<string>();
  let ownerAtStart = new Map<string, string | null>();
  /** Quorum lost by this instant's node loss (right after the lost nodes' Down, §4.7), not by a later action. */
  let quorumLostNow = false;
  let prevLossDown = false;
  let movedNow = new Set<string>();
  let actionNow = false;
  /** Failovers started whose group has not arrived yet (the offline step may take time). */
  const ongoing = new Set<string>();
  /** §4.7: where each group must be once quorum returns. */
  let regain: Regain = new Map();
  let calledOnline = new Set<string>();
  let ownerEvents = new Map<string, { to: string | null; cause: string; i: number }>();

  const threshold = (g: string) => {
    const ft = m.group.get(g)!.properties.FailoverThreshold;
    return ft === DWORD ? scenario.nodes.length - 1 : ft;
  };
  const recent = (g: string, t: number) =>
    (starts.get(g) ?? []).filter((s) => t - s < m.group.get(g)!.properties.FailoverPeriod * HOUR).length;
  const hasClasses = (g: string) => m.group.get(g)!.properties.AntiAffinityClassNames.length > 0;

  function expectTarget(g: string, from: string | null, cause: string, t: number, random: boolean): void {
    const c = affine(m, g, candidates(m, g, from));
    const exact = random || hasClasses(g) ? null : nextInWalk(m, g, from, c);
    expected.set(g, {
      target: exact,
      cause,
      at: t,
      why: `${cause} of ${q(g)} from ${q(from)} at ${t}: candidates ${c.map(q).join(', ') || 'none'}`,
    });
  }

  return {
    startInstant(t) {
      triggers = new Map();
      decisions = new Map();
      nodeChangeIndex = -1;
      noTargetAt = new Map();
      twoCauses = new Set();
      persistentAtLoss = new Map();
      failedAfterFte = new Set();
      ownerAtStart = new Map(m.owner);
      quorumLostNow = false;
      prevLossDown = false;
      movedNow = new Set();
      actionNow = false;
      regain = new Map();
      calledOnline = new Set();
      ownerEvents = new Map();
      void t;
    },
    before(e, i) {
      if (
        e.type === 'resource.state' &&
        e.to === 'Failed' &&
        (decisions.get(e.group) ?? []).some((x) => x.rule === 'FailoverThresholdExceeded')
      )
        failedAfterFte.add(e.resource);
      if (e.type === 'policy' && e.rule === 'QuorumLost') quorumLostNow ||= prevLossDown;
      prevLossDown = e.type === 'node.state' && e.to === 'Down' && m.crashedAt.has(e.node);
      if (e.type === 'call' && e.call === 'Online') calledOnline.add(JSON.stringify([e.resource, e.node]));
      if (e.type === 'policy' && e.rule === 'QuorumRegained') regain = planRegain(m, scenario, i);
      if (e.type === 'node.state') {
        lastNodeChange = e.t;
        nodeChangeIndex = i;
      }
      // Without quorum the cluster service is stopped (§4.7): a node going Down then (a joining
      // node crashing) triggers no failover; the groups wait for QuorumRegained.
      if (e.type === 'node.state' && e.to === 'Down' && m.crashedAt.has(e.node) && !quorumLostNow && m.quorum) {
        nodeChangeAt = e.t;
        for (const g of scenario.groups)
          // A group already moving keeps its move (target and cause, §4.8): its resources there
          // become Offline at detection, and no failover decision is taken for it.
          if (m.owner.get(g.name) === e.node && !m.moving.has(g.name)) {
            triggers.set(g.name, `owner ${q(e.node)} went Down`);
            persistentAtLoss.set(g.name, m.groupPersistent.get(g.name));
          }
      }
      if (e.type === 'policy' && e.rule === 'RestartThresholdExceeded') {
        const spec = m.res.get(e.subject);
        // A group already moving keeps its move (§4.8): no second failover decision for it.
        if (spec && spec.properties.RestartAction === 2 && !m.moving.has(spec.group)) {
          if (
            (triggers.get(spec.group) ?? '').includes('went Down') &&
            (decisions.get(spec.group) ?? []).some((x) => x.rule === 'FailoverStarted')
          )
            twoCauses.add(spec.group);
          triggers.set(spec.group, `${q(e.subject)} exceeded its RestartThreshold`);
        }
      }
      if (
        e.type === 'policy' &&
        (e.rule === 'FailoverStarted' || e.rule === 'FailoverThresholdExceeded' || e.rule === 'NoTargetNode')
      ) {
        const g = e.subject;
        if (!m.group.has(g)) return;
        // A group that got NoTargetNode earlier in this instant and then saw a node change (a node
        // joining at once, a resume): the failover it waits for starts then (§4.8), a decision of its own.
        const nt = noTargetAt.get(g);
        const waited = nt !== undefined && nodeChangeIndex > nt;
        decisions.set(g, [...(decisions.get(g) ?? []), { rule: e.rule, i, waited }]);
        if (e.rule === 'NoTargetNode') noTargetAt.set(g, i);
        if (e.rule === 'FailoverStarted' && m.moving.has(g))
          rep.add('§4.8 a group already moving keeps its move', e.t, i, `${q(g)} keeps its move`, 'FailoverStarted');
        if (waited && e.rule !== 'NoTargetNode' && candidates(m, g, m.owner.get(g) ?? null).length === 0)
          rep.add(
            '§4.8 a group waiting for a target',
            e.t,
            i,
            `${q(g)} keeps waiting (no Up node can host it yet)`,
            e.rule,
          );
        if (e.rule === 'FailoverThresholdExceeded')
          for (const r of m.group.get(g)!.resources) if (m.state.get(r.name) === 'Failed') failedAfterFte.add(r.name);
        const from = m.owner.get(g) ?? null;
        const c = candidates(m, g, from);
        const n = recent(g, e.t);
        if (e.rule === 'FailoverStarted') {
          const offlineLoss = m.groupPersistent.get(g) === 'offline' && (triggers.get(g) ?? '').includes('went Down');
          if (n >= threshold(g) && !offlineLoss)
            rep.add(
              '§4.5 FailoverThreshold',
              e.t,
              i,
              `FailoverThresholdExceeded for ${q(g)} (${n} failovers started in the last ${m.group.get(g)!.properties.FailoverPeriod} h, threshold ${threshold(g)})`,
              'FailoverStarted',
            );
          if (c.length === 0)
            rep.add(
              R,
              e.t,
              i,
              `NoTargetNode for ${q(g)} (no Up node other than ${q(from)} can host it)`,
              'FailoverStarted',
            );
          starts.set(g, [...(starts.get(g) ?? []), e.t]);
          waiting.delete(g);
          ongoing.add(g);
          const nodeDown = (triggers.get(g) ?? '').includes('went Down');
          expectTarget(g, from, 'failover', e.t, nodeDown && m.group.get(g)!.preferredOwners.length === 0);
        }
        if (e.rule === 'FailoverThresholdExceeded' && n < threshold(g))
          rep.add(
            '§4.5 FailoverThreshold',
            e.t,
            i,
            `a failover of ${q(g)} (${n} started in the window, threshold ${threshold(g)})`,
            'FailoverThresholdExceeded',
          );
        if (e.rule === 'NoTargetNode') {
          if (c.length > 0) rep.add(R, e.t, i, `a target for ${q(g)} among ${c.map(q).join(', ')}`, 'NoTargetNode');
          waiting.add(g);
        }
      }
      if (e.type === 'action') {
        actionNow = true;
        const a = e.action;
        if (a.action === 'moveGroup') {
          if (a.node !== undefined)
            expected.set(a.group, {
              target: a.node,
              cause: 'move',
              at: e.t,
              why: `moveGroup ${q(a.group)} to ${q(a.node)} at ${e.t}`,
            });
          else expectTarget(a.group, m.owner.get(a.group) ?? null, 'move', e.t, false);
          // The first candidate "from the top" skips the current owner.
          const x = expected.get(a.group)!;
          if (a.node === undefined && !hasClasses(a.group)) {
            const c = affine(m, a.group, candidates(m, a.group, m.owner.get(a.group) ?? null));
            x.target = nextInWalk(m, a.group, null, c);
          }
        }
      }
      if (e.type === 'group.owner') {
        const g = e.group;
        movedNow.add(g);
        ownerEvents.set(g, { to: e.to, cause: e.cause, i });
        if (e.cause === 'failover') {
          // §4.8: a failover lands only after its FailoverStarted (or a refusal / a persistent-offline re-home).
          const d = (decisions.get(g) ?? []).map((x) => x.rule);
          const ok =
            ongoing.has(g) ||
            // A group that never had an owner (no node could take it at t=0) is placed by no rule the
            // contract writes out; only a group that was refused a target must start its failover.
            (e.from === null && !waiting.has(g)) ||
            d.includes('FailoverThresholdExceeded') ||
            (e.to === null && (d.includes('NoTargetNode') || triggers.has(g))) ||
            (m.groupPersistent.get(g) === 'offline' && (triggers.has(g) || waiting.has(g)));
          if (!ok)
            rep.add(
              '§4.8 a group waiting for a target',
              e.t,
              i,
              `FailoverStarted for ${q(g)} before it fails over`,
              `group.owner to ${q(e.to)} with no failover started`,
            );
        }
        ongoing.delete(g);
        if (e.to !== null && (m.nodeState.get(e.to) !== 'Up' || !canHost(m, g, e.to)))
          rep.add(
            '§4.5 targets',
            e.t,
            i,
            `${q(g)} moves only to an Up node that can host it`,
            `${e.cause} to ${q(e.to)} (${m.nodeState.get(e.to)}${canHost(m, g, e.to) ? '' : ', not a possible owner'})`,
          );
        const x = expected.get(g);
        const settled =
          lastNodeChange <= (x?.at ?? -1) || (x !== undefined && lastNodeChange === x.at && nodeChangeAt === x.at);
        const race = scenario.groups.some(
          (h) => h.name !== g && (movedNow.has(h.name) || decisions.has(h.name)) && hasClasses(h.name),
        );
        if (x && x.cause === e.cause && x.target !== null && settled && !race && e.to !== x.target)
          rep.add('§4.5 target walk', e.t, i, `${q(g)} to ${q(x.target)} (${x.why})`, `to ${q(e.to)}`);
        if (e.cause === 'failback') {
          const pref = m.group.get(g)!.preferredOwners;
          const rank = (n: string | null) => (n !== null && pref.includes(n) ? pref.indexOf(n) : Infinity);
          const immediate = drainedFrom.get(g) === e.to;
          if (!immediate && !(rank(e.to) < rank(e.from)))
            rep.add(
              '§4.6 failback rank',
              e.t,
              i,
              `a failback of ${q(g)} only to a preferred owner ranked above ${q(e.from)} (${pref.map(q).join(', ')})`,
              `to ${q(e.to)}`,
            );
        }
        if (e.cause === 'drain' && e.from !== null) drainedFrom.set(g, e.from);
        else if (e.cause !== 'failback') drainedFrom.delete(g);
        if (e.cause === 'failover' && m.groupPersistent.get(g) === 'offline' && triggers.has(g) && !decisions.has(g)) {
          // §4.8: a persistent-offline group losing its node goes to the first candidate of the failover walk.
          const c = affine(m, g, candidates(m, g, e.from));
          const want = hasClasses(g) ? null : nextInWalk(m, g, e.from, c);
          if (want !== null && e.to !== want)
            rep.add(
              '§4.8 persistent-offline group on node loss',
              e.t,
              i,
              `${q(g)} to ${q(want)} (first candidate of the failover walk)`,
              `to ${q(e.to)}`,
            );
        }
        expected.delete(g);
      }
    },
    endInstant(t) {
      for (const g of checkRegain(m, rep, t, regain, {
        owner: ownerEvents,
        decided: (g) => (decisions.get(g) ?? []).map((y) => y.rule),
        calledOnline,
      }))
        waiting.add(g);
      // §4.8: when a candidate appears for a group waiting for a target, its failover starts then.
      for (const g of [...waiting]) {
        if (!m.quorum || m.groupPersistent.get(g) !== 'online' || regain.has(g)) continue;
        const c = candidates(m, g, m.owner.get(g) ?? null);
        const d = (decisions.get(g) ?? []).map((x) => x.rule);
        if (
          c.length &&
          !d.includes('FailoverStarted') &&
          !d.includes('FailoverThresholdExceeded') &&
          !d.includes('NoTargetNode')
        )
          rep.add(
            '§4.8 a group waiting for a target',
            t,
            -1,
            `FailoverStarted (or FailoverThresholdExceeded) for ${q(g)}: ${c.map(q).join(', ')} can host it now`,
            'none',
          );
        if (c.length) waiting.delete(g);
      }
      for (const g of scenario.groups.map((x) => x.name)) {
        const all = decisions.get(g) ?? [];
        const d = all.filter((x) => !x.waited);
        const waitedFte = all.some((x) => x.waited && x.rule === 'FailoverThresholdExceeded');
        // A node loss that loses quorum stops the cluster instead (§4.7): no failover.
        const why = quorumLostNow && triggers.get(g)?.includes('went Down') ? undefined : triggers.get(g);
        const persistentOnline = (persistentAtLoss.get(g) ?? m.groupPersistent.get(g)) === 'online';
        if (why !== undefined && why.includes('went Down') && !persistentOnline) {
          const bad = d.filter((x) => x.rule !== 'NoTargetNode');
          if (bad.length)
            rep.add(
              '§4.8 persistent-offline group on node loss',
              t,
              bad[0]!.i,
              `no FailoverStarted or threshold check for ${q(g)} (persistent state offline; not counted)`,
              d.map((x) => x.rule).join(', '),
            );
          continue;
        }
        // After a node loss refused by FailoverThreshold the group still needs an owner: NoTargetNode may follow.
        const refusedNoTarget =
          d.length === 2 && d[0]!.rule === 'FailoverThresholdExceeded' && d[1]!.rule === 'NoTargetNode';
        // A node-loss failover whose group fails again on arrival (onlineMs 0) decides twice: once per cause.
        const expected = twoCauses.has(g) ? 2 : 1;
        if (why !== undefined && d.length !== expected && !(refusedNoTarget && why.includes('went Down')))
          rep.add(
            R,
            t,
            d[1]?.i ?? -1,
            `one failover decision for ${q(g)} (${why}): FailoverStarted, FailoverThresholdExceeded or NoTargetNode`,
            d.length ? d.map((x) => x.rule).join(', ') : 'none',
          );
        if (why === undefined && d.length > 0) {
          const owner = ownerAtStart.get(g) ?? null;
          const waited =
            waiting.has(g) || (d.some((x) => x.rule === 'FailoverStarted') && (lastNodeChange === t || actionNow));
          if (!waited && !(owner === null && lastNodeChange === t))
            rep.add(
              R,
              t,
              d[0]!.i,
              `no failover decision for ${q(g)} (no owner loss, no RestartAction 2 resource over its threshold, not waiting for a target)`,
              d.map((x) => x.rule).join(', '),
            );
        }
        if (d.length > 1 && why === undefined)
          rep.add(
            R,
            t,
            d[1]!.i,
            `at most one failover decision for ${q(g)} per instant`,
            d.map((x) => x.rule).join(', '),
          );
        // After a node loss refused by FailoverThreshold the resources are set Failed at that instant
        // (a script action of the same instant, applied after, may change them again: §2).
        if (waitedFte || (why?.includes('went Down') && d.length === 1 && d[0]!.rule === 'FailoverThresholdExceeded'))
          for (const r of m.group.get(g)!.resources)
            if (!failedAfterFte.has(r.name))
              rep.add(
                '§4.5 FailoverThreshold after a node loss',
                t,
                d[0]!.i,
                `${q(r.name)} Failed`,
                m.state.get(r.name)!,
              );
      }
    },
  };
};
