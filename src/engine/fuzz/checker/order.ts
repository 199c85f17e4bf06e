/**
 * §4.1 and §4.4 ordering: an Online call only once the resource's providers are Online
 * (providers-first), an Offline call only once every dependent that needs it is down
 * (dependents-first), no Online or OnlinePending resource left without its providers at the end of
 * an instant (the takedown), a takedown only of resources that lost a provider, and a dependent
 * started the instant its last provider comes Online.
 */
import { depsMet } from './model';
import type { RuleFactory } from './walk';
import { q } from './types';

export const orderRule: RuleFactory = (m, rep) => {
  /** Groups whose placement is in flux: a failover or move under way, or an action touched them. */
  const unsettled = new Set<string>();
  let cameOnline: { r: string; i: number }[] = [];
  let downNow = new Set<string>();
  let quorumLostNow = false;
  const touched = new Set<string>();
  /** Groups that arrived on a node this instant: their root resources must get an Online call there. */
  let arrived = new Map<string, { node: string; i: number }>();
  let refused = new Set<string>();
  let calledOnline = new Set<string>();

  return {
    startInstant() {
      arrived = new Map();
      refused = new Set();
      calledOnline = new Set();
      cameOnline = [];
      downNow = new Set();
      quorumLostNow = false;
    },
    before(e, i) {
      if (e.type === 'call' && e.call === 'Online' && !m.providersMet(e.resource))
        rep.add(
          '§4.1 providers-first',
          e.t,
          i,
          `Online call on ${q(e.resource)} only once its providers are Online (${m.res
            .get(e.resource)!
            .dependsOn.map((s) => s.join(' or '))
            .join(' and ')})`,
          'providers not Online',
        );
      if (e.type === 'call' && e.call === 'Offline') {
        const blocking = (m.dependents.get(e.resource) ?? []).filter((d) => {
          const s = m.state.get(d);
          if (s === 'Offline' || s === 'Failed') return false;
          return !depsMet(m.res.get(d)!.dependsOn, (p) => p !== e.resource && m.state.get(p) === 'Online');
        });
        if (blocking.length)
          rep.add(
            '§4.1 dependents-first',
            e.t,
            i,
            `Offline call on ${q(e.resource)} only after ${blocking.map(q).join(', ')} went down`,
            blocking.map((d) => `${q(d)} ${m.state.get(d)}`).join(', '),
          );
      }
      if (e.type === 'resource.state' && e.from === 'Online' && e.to === 'Offline') {
        // Directly or through the chain: a provider that is itself losing its own provider counts as lost.
        const chainMet = (r: string): boolean =>
          depsMet(m.res.get(r)!.dependsOn, (p) => m.state.get(p) === 'Online' && chainMet(p));
        const lost = !chainMet(e.resource);
        const nodeDown = e.node !== null && (m.nodeState.get(e.node) === 'Down' || downNow.has(e.node));
        if (!lost && !nodeDown && !quorumLostNow)
          rep.add(
            '§4.4 takedown',
            e.t,
            i,
            `${q(e.resource)} taken down (Online → Offline without an Offline call) only when a provider is lost, its node is lost or quorum is lost`,
            'its providers are Online',
          );
      }
      if (e.type === 'node.state' && e.to === 'Down') downNow.add(e.node);
      if (e.type === 'policy' && e.rule === 'QuorumLost') quorumLostNow = true;
      if (
        e.type === 'policy' &&
        (e.rule === 'FailoverStarted' ||
          e.rule === 'NoTargetNode' ||
          e.rule === 'FailoverThresholdExceeded' ||
          e.rule === 'FailbackScheduled')
      )
        unsettled.add(e.subject);
      if (e.type === 'policy' && (e.rule === 'QuorumLost' || e.rule === 'QuorumRegained'))
        for (const g of m.group.keys()) unsettled.add(g);
      if (e.type === 'group.owner') {
        unsettled.delete(e.group);
        if (e.to !== null) arrived.set(e.group, { node: e.to, i });
      }
      if (e.type === 'policy' && (e.rule === 'FailoverThresholdExceeded' || e.rule === 'NoTargetNode'))
        refused.add(e.subject);
      if (e.type === 'call' && e.call === 'Online') calledOnline.add(JSON.stringify([e.resource, e.node]));
      if (e.type === 'action' && (e.action.action === 'onlineGroup' || e.action.action === 'onlineResource')) {
        // §4.8: a group that is Offline on a Paused node is not brought online there.
        const g = e.action.action === 'onlineGroup' ? e.action.group : m.res.get(e.action.resource)!.group;
        const owner = m.owner.get(g) ?? null;
        if (owner !== null && m.nodeState.get(owner) === 'Paused' && m.derivedGroupState(g) === 'Offline')
          rep.add(
            '§4.8 paused nodes',
            e.t,
            i,
            `action.rejected (group ${q(g)} is Offline on Paused node ${q(owner)})`,
            'action applied',
          );
      }
      if (e.type === 'node.state' || e.type === 'action') for (const g of m.group.keys()) unsettled.add(g);
      if (e.type === 'action') {
        const a = e.action;
        if (a.action === 'onlineGroup' || a.action === 'offlineGroup') touched.add(a.group);
        if (a.action === 'onlineResource' || a.action === 'offlineResource') touched.add(m.res.get(a.resource)!.group);
      }
      if (e.type === 'resource.state' && e.from === 'OnlinePending' && e.to === 'Online')
        cameOnline.push({ r: e.resource, i });
    },
    endInstant(t) {
      for (const [r, s] of m.state) {
        if ((s === 'Online' || s === 'OnlinePending') && !m.providersMet(r)) {
          const n = m.resNode.get(r) ?? null;
          if (n !== null && m.crashedAt.has(n)) continue;
          rep.add(
            '§4.4 takedown',
            t,
            -1,
            `${q(r)} taken down at the instant its providers are lost`,
            `${s} without its providers`,
          );
        }
      }
      // A dependent starts the instant its last provider comes Online (§4.1), when nothing else is
      // moving its group.
      for (const { r: p, i } of cameOnline) {
        const g = m.res.get(p)!.group;
        const owner = m.owner.get(g) ?? null;
        if (
          unsettled.has(g) ||
          touched.has(g) ||
          owner === null ||
          m.nodeState.get(owner) !== 'Up' ||
          m.crashedAt.has(owner)
        )
          continue;
        if (m.group.get(g)!.properties.Priority === 0 || !m.quorum) continue;
        for (const d of m.dependents.get(p) ?? []) {
          const po = m.res.get(d)!.possibleOwners;
          const canRun = po.length === 0 || po.includes(owner);
          if (canRun && m.state.get(d) === 'Offline' && m.persistentOnline(d) && m.providersMet(d))
            rep.add(
              '§4.1 providers-first',
              t,
              i,
              `Online call on ${q(d)} as its provider ${q(p)} comes Online`,
              `${q(d)} still Offline`,
            );
        }
      }
      // A group that arrives on a node comes online there providers-first at once (§4.5 steps),
      // unless it was refused (FailoverThreshold after a node loss), is persistently offline or has Priority 0.
      for (const [g, { node, i }] of arrived) {
        const spec = m.group.get(g)!;
        if (refused.has(g) || touched.has(g) || spec.properties.Priority === 0 || !m.quorum) continue;
        if (m.owner.get(g) !== node || m.nodeState.get(node) !== 'Up') continue;
        for (const r of spec.resources) {
          if (r.dependsOn.length || !m.persistentOnline(r.name) || calledOnline.has(JSON.stringify([r.name, node])))
            continue;
          rep.add(
            '§4.5 a group comes online on its new owner',
            t,
            i,
            `Online call on ${q(r.name)} on ${q(node)} as ${q(g)} arrives`,
            `${q(r.name)} ${m.state.get(r.name)}, no Online call there`,
          );
        }
      }
      // Placement settles once an instant passes with no group activity.
      if (cameOnline.length === 0)
        for (const g of [...unsettled])
          if (![...m.group.get(g)!.resources].some((r) => m.state.get(r.name)!.endsWith('Pending')))
            unsettled.delete(g);
    },
  };
};
