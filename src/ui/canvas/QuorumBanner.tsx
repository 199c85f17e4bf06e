/**
 * Quorum on the canvas: votes held and needed, the witness, and the latest vote change with the
 * engine's own reason. Quiet (one line) while quorum is comfortable; highlighted when one more lost
 * vote would stop the cluster, and red once it has.
 */
import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../../app/format';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { quorumFacts } from './quorumTrack';

const pick = (s: AppState) => {
  const q = s.view.quorum;
  const f = quorumFacts(s.events);
  return {
    has: q.hasQuorum,
    votes: q.votes,
    total: q.total,
    dynamic: q.dynamic,
    witnessKind: q.witness.kind,
    witnessUp: q.witness.up,
    witnessVote: q.witness.vote,
    lastVote: f.lastVote,
    lostAt: f.lostAt,
    stopped: f.stopped.size,
  };
};

const WITNESS: Record<string, string> = {
  disk: 'disk witness',
  fileShare: 'file share witness',
  cloud: 'cloud witness',
};

export function QuorumBanner() {
  const q = useAppStore(useShallow(pick));
  const needed = Math.floor(q.total / 2) + 1;
  const level = !q.has ? 'lost' : q.votes <= needed ? 'risk' : 'ok';
  return (
    <section className={`quorum-banner quorum-${level}`} aria-label="Quorum" data-testid="quorum-banner">
      <strong>{!q.has ? 'Quorum LOST' : 'Quorum'}</strong>
      <span>
        {q.has ? q.votes : 0} of {q.total} votes held, {needed} needed
        {q.dynamic ? ' (dynamic quorum)' : ''}
      </span>
      <span>
        {q.witnessKind === 'none'
          ? 'no witness'
          : `${WITNESS[q.witnessKind] ?? q.witnessKind} ${q.witnessUp ? 'up' : 'FAILED'}, vote ${q.witnessVote}`}
      </span>
      {!q.has && q.lostAt !== null && (
        <span>
          since t={formatClock(q.lostAt)}: cluster service stopped on {q.stopped} node{q.stopped === 1 ? '' : 's'}
        </span>
      )}
      {q.lastVote && (
        <span className="quorum-last" title={q.lastVote.reason}>
          t={formatClock(q.lastVote.t)} vote of {q.lastVote.voter} {q.lastVote.to ? 'given back' : 'removed'}:{' '}
          {q.lastVote.reason}
        </span>
      )}
    </section>
  );
}
