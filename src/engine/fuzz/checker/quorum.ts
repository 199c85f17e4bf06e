/**
 * §4.7 quorum arithmetic and `quorum.vote` events: the voting set V, the even rule of dynamic
 * quorum, the check when nodes are detected Down together or the witness fails, QuorumLost and
 * QuorumRegained exactly when the arithmetic says, and the traced votes equal to the model's.
 */
import type { Indexed, RuleFactory } from './walk';
import { q } from './types';

export const quorumRule: RuleFactory = (m, rep, { scenario }) => {
  const R = '§4.7 quorum';
  const dynamic = scenario.cluster.quorum.DynamicQuorum === 1;
  const hasWitness = scenario.cluster.quorum.witness !== 'none';
  const weighted = scenario.nodes.filter((n) => n.properties.NodeWeight === 1);
  const id = new Map(scenario.nodes.map((n) => [n.name, n.id]));
  let V = new Set(weighted.filter((n) => n.state === 'Up').map((n) => n.name));
  let witnessVote: 0 | 1 = 0;
  const traced = new Map<string, 0 | 1>(scenario.nodes.map((n) => [n.name, V.has(n.name) ? 1 : 0]));

  function even(): void {
    if (!dynamic) {
      witnessVote = hasWitness && m.witnessUp ? 1 : 0;
      return;
    }
    witnessVote = 0;
    if (V.size % 2 === 1) return;
    if (hasWitness && m.witnessUp) witnessVote = 1;
    else if (V.size > 0) V.delete([...V].sort((a, b) => id.get(b)! - id.get(a)!)[0]!);
  }
  function recompute(): void {
    if (dynamic) V = new Set(weighted.filter((n) => m.isMember(n.name)).map((n) => n.name));
    even();
  }
  even();
  traced.set('witness', witnessVote);

  let held = m.quorum;
  let compared = false;
  let expectLost = -1;
  let expectRegained = -1;
  let batchDone = -1;
  let dirty = false;
  let instantEvents: readonly Indexed[] = [];

  /** Votes that remain when `gone` leave (and the witness, if it still votes), against the total before. */
  function holdsWithout(gone: Set<string>, witnessAfter: 0 | 1): boolean {
    const remaining = [...V].filter((n) => !gone.has(n) && m.isMember(n)).length + witnessAfter;
    const total = V.size + (dynamic ? witnessVote : hasWitness ? 1 : 0);
    return remaining * 2 > total;
  }
  function regainCheck(t: number): void {
    const votes = weighted.filter((n) => m.nodeState.get(n.name) === 'Up').length + (hasWitness && m.witnessUp ? 1 : 0);
    if (votes * 2 > weighted.length + (hasWitness ? 1 : 0)) expectRegained = t;
  }
  function compare(t: number): void {
    compared = true;
    for (const n of scenario.nodes) {
      const want = V.has(n.name) ? 1 : 0;
      if (traced.get(n.name) !== want)
        rep.add(R, t, -1, `vote of ${q(n.name)} ${want} (V = {${[...V].join(', ')}})`, `${traced.get(n.name)}`);
    }
    if (hasWitness && traced.get('witness') !== witnessVote)
      rep.add(R, t, -1, `witness vote ${witnessVote} (|V| = ${V.size})`, `${traced.get('witness')}`);
  }

  return {
    startInstant(t, evs) {
      instantEvents = evs;
      if (!compared && t > 0 && held) compare(0);
      compared = true;
    },
    before(e, i) {
      // A recomputation left pending by this instant's node loss happened at the detection, with the
      // witness as it was then: do it before a witness action changes the witness.
      if (dirty && e.type === 'action' && (e.action.action === 'failWitness' || e.action.action === 'restoreWitness')) {
        recompute();
        dirty = false;
      }
      if (e.type === 'quorum.vote') {
        if (traced.get(e.voter) !== e.from)
          rep.add('§3 continuity', e.t, i, `vote of ${q(e.voter)} from ${traced.get(e.voter)}`, `from ${e.from}`);
        traced.set(e.voter, e.to);
      }
      if (e.type === 'node.state' && e.to === 'Down' && held && m.crashedAt.has(e.node) && batchDone !== e.t) {
        // Every node detected Down at this instant leaves together (§4.7).
        batchDone = e.t;
        const batch = new Set<string>();
        for (const x of instantEvents) {
          if (x.e.type === 'policy' && x.e.rule === 'QuorumLost') break;
          if (x.e.type === 'node.state' && x.e.to === 'Down' && m.crashedAt.has(x.e.node)) batch.add(x.e.node);
        }
        if (holdsWithout(batch, dynamic ? witnessVote : hasWitness && m.witnessUp ? 1 : 0)) dirty = true;
        else expectLost = e.t;
      }
      if (e.type === 'policy' && e.rule === 'QuorumLost') {
        if (expectLost !== e.t) rep.add(R, e.t, i, 'quorum holds (more than half of the votes remain)', 'QuorumLost');
        expectLost = -1;
        held = false;
      }
      if (e.type === 'policy' && e.rule === 'QuorumRegained') {
        if (expectRegained !== e.t)
          rep.add(
            R,
            e.t,
            i,
            'no QuorumRegained (not more than half of the weighted nodes and witness)',
            'QuorumRegained',
          );
        expectRegained = -1;
      }
    },
    after(e) {
      if (e.type === 'policy' && e.rule === 'QuorumRegained') {
        held = true;
        recompute();
      }
      const witnessAction =
        e.type === 'action' && (e.action.action === 'failWitness' || e.action.action === 'restoreWitness');
      const up = e.type === 'node.state' && e.to === 'Up' && e.from === 'Joining';
      if (!witnessAction && !up) return;
      if (dirty) {
        recompute();
        dirty = false;
      }
      if (!held) {
        if (witnessAction || up) regainCheck(e.t);
        return;
      }
      if (e.type === 'action' && e.action.action === 'failWitness' && hasWitness) {
        const voted = dynamic ? witnessVote : 1;
        if (voted === 1 && !holdsWithout(new Set(), 0)) {
          expectLost = e.t;
          return;
        }
      }
      recompute();
    },
    endInstant(t) {
      if (dirty) {
        recompute();
        dirty = false;
      }
      if (expectLost === t) rep.add(R, t, -1, 'QuorumLost (not more than half of the votes remain)', 'none');
      if (expectRegained === t)
        rep.add(R, t, -1, 'QuorumRegained (more than half of the weighted nodes and witness are up)', 'none');
      expectLost = -1;
      expectRegained = -1;
      if (held) compare(t);
      if (!held) {
        // While the cluster has no quorum its service is stopped: no resource runs (§4.7).
        for (const [r, s] of m.state) if (s !== 'Offline') rep.add(R, t, -1, `${q(r)} Offline without quorum`, s);
      }
    },
  };
};
