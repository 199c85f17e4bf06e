/**
 * Quorum on the canvas: votes held and needed, the witness, and the latest vote change with the
 * engine's own reason. Quiet (one line) while quorum is comfortable; highlighted when one more lost
 * vote would stop the cluster, and red once it has.
 */
import { useShallow } from 'zustand/react/shallow';
import { formatClock } from '../../store/format';
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
  const parts = [
    `${q.has ? q.votes : 0} of ${q.total} votes held, ${needed} needed${q.dynamic ? ' (dynamic quorum)' : ''}`,
    q.witnessKind === 'none'
      ? 'no witness'
      : `${WITNESS[q.witnessKind] ?? q.witnessKind} ${q.witnessUp ? 'up' : 'FAILED'}, vote ${q.witnessVote}`,
    !q.has && q.lostAt !== null
      ? `since t=${formatClock(q.lostAt)} the cluster service is stopped on ${q.stopped} node${q.stopped === 1 ? '' : 's'}`
      : '',
  ].filter(Boolean);
  const last = q.lastVote
    ? // The engine's reason names the voter and the §4.7 rule; saying it again here only repeats it.
      `t=${formatClock(q.lastVote.t)} ${q.lastVote.reason}`
    : '';
  return (
    <section
      className={`quorum-banner quorum-${level}`}
      aria-label="Quorum"
      data-testid="quorum-banner"
      title={[...parts, last].filter(Boolean).join('\n')}
    >
      <strong>{!q.has ? 'Quorum LOST' : 'Quorum'}</strong> {parts.join(' · ')}
      {last && <span className="quorum-last"> · {last}</span>}
    </section>
  );
}
