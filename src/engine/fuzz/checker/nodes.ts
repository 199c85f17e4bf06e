/**
 * §4.6 and §4.8 for nodes: detection exactly SameSubnetDelay × SameSubnetThreshold after a crash,
 * Up exactly joinMs after startNode, nothing runs on a crashed node before detection, and nothing
 * runs on a Down node.
 */
import { Obligations, type RuleFactory } from './walk';
import { q } from './types';

export const nodesRule: RuleFactory = (m, rep, { scenario }) => {
  const detectMs = scenario.cluster.properties.SameSubnetDelay * scenario.cluster.properties.SameSubnetThreshold;
  const due = new Obligations<null>(rep);
  let quorumLostAt = -1;
  /** A node crashed while Joining was never a member: Down at once or at detection (the contract is silent). */
  const joiningCrash = new Map<string, number>();
  return {
    startInstant(t) {
      due.settle(t);
    },
    before(e, i) {
      if (e.type === 'policy' && e.rule === 'QuorumLost') quorumLostAt = e.t;
      if (e.type === 'node.state') {
        const det = due.get(`down:${e.node}`);
        if (e.to === 'Down') {
          if (det && det.due === e.t) due.delete(`down:${e.node}`);
          else if (quorumLostAt !== e.t && joiningCrash.get(e.node) !== e.t)
            rep.add(
              '§4.6 detection',
              e.t,
              i,
              det ? `${q(e.node)} Down at ${det.due}` : `no Down for ${q(e.node)} (not crashed, quorum held)`,
              `Down at ${e.t}`,
            );
          due.delete(`up:${e.node}`);
        }
        if (e.from === 'Joining' && e.to === 'Up') {
          const j = due.get(`up:${e.node}`);
          if (j && j.due !== e.t) rep.add('§1 joinMs', e.t, i, `${q(e.node)} Up at ${j.due}`, `Up at ${e.t}`);
          due.delete(`up:${e.node}`);
        }
      }
      // §4.8: between crashNode and its detection nothing runs on the node.
      const crashed = (n: string | null) => n !== null && m.crashedAt.has(n);
      const R = '§4.8 a crashed node runs nothing before detection';
      if (e.type === 'call' && crashed(e.node)) {
        if (e.call === 'LooksAlive' || e.call === 'IsAlive')
          rep.add(
            R,
            e.t,
            i,
            `no health check on ${q(e.node)} (crashed at ${m.crashedAt.get(e.node)})`,
            `${e.call} ${q(e.resource)}`,
          );
        if ((e.call === 'Online' || e.call === 'Offline') && e.result !== 'pending')
          rep.add(R, e.t, i, `${e.call} into ${q(e.node)} traced pending`, e.result);
      }
      if (e.type === 'resource.state' && crashed(e.node)) {
        // Offline → Failed is the cluster's own bookkeeping after a refused failover (§4.5), not a call.
        const completes =
          e.to === 'Online' ||
          (e.to === 'Failed' && e.from !== 'Offline') ||
          (e.from === 'OfflinePending' && e.to === 'Offline');
        if (completes)
          rep.add(
            R,
            e.t,
            i,
            `${q(e.resource)} keeps its state on ${q(e.node)} (crashed at ${m.crashedAt.get(e.node!)})`,
            `${e.from} → ${e.to}`,
          );
      }
      if (e.type === 'rhs.recycle' && crashed(e.node))
        rep.add(R, e.t, i, `no monitor recycle on ${q(e.node)} (crashed at ${m.crashedAt.get(e.node)})`, 'rhs.recycle');
    },
    after(e) {
      if (e.type === 'action' && e.action.action === 'crashNode' && m.nodeState.get(e.action.node) === 'Joining') {
        joiningCrash.set(e.action.node, e.t);
        if (due.has(`down:${e.action.node}`)) return;
        joiningCrash.set(e.action.node, e.t);
        return;
      }
      if (e.type === 'action' && e.action.action === 'crashNode' && m.crashedAt.get(e.action.node) === e.t)
        due.add(
          `down:${e.action.node}`,
          e.t + detectMs,
          null,
          '§4.6 detection',
          `node.state ${q(e.action.node)} → Down (crash at ${e.t} + ${detectMs})`,
        );
      if (e.type === 'action' && e.action.action === 'crashNode') due.delete(`up:${e.action.node}`);
      if (e.type === 'node.state' && e.to === 'Joining') {
        const n = m.node.get(e.node)!;
        due.add(
          `up:${e.node}`,
          e.t + n.behavior.joinMs,
          null,
          '§1 joinMs',
          `node.state ${q(e.node)} Joining → Up (joined at ${e.t} + ${n.behavior.joinMs})`,
        );
      }
      if (e.type === 'policy' && e.rule === 'QuorumLost') {
        for (const [k] of due.entries()) if (k.startsWith('down:')) due.delete(k);
      }
    },
    endInstant(t, evs) {
      for (const { e, i } of evs) {
        if (e.type === 'action' && e.action.action === 'startNode') {
          const node = e.action.node;
          const joined = evs.some(
            (x) => x.i > i && x.e.type === 'node.state' && x.e.node === node && x.e.to === 'Joining',
          );
          if (!joined) rep.add('§2 startNode', t, i, `node.state ${q(node)} → Joining at once`, 'none');
        }
      }
      for (const [r, s] of m.state) {
        const n = m.resNode.get(r) ?? null;
        if ((s === 'Online' || s.endsWith('Pending')) && (n === null || m.nodeState.get(n) === 'Down'))
          rep.add('§4.6 nothing runs on a Down node', t, -1, `${q(r)} not ${s} on Down node ${q(n)}`, s);
      }
    },
  };
};
