/**
 * What the trace says about quorum that the view does not: which nodes were stopped by quorum loss
 * (rather than crashed) and the latest vote change with the engine's reason. Read incrementally:
 * the trace only grows between rewinds, so each new event is looked at once.
 */
import type { TraceEvent } from '../../engine';

export interface QuorumFacts {
  /** Nodes the cluster service stopped when quorum was lost (contract §4.7), until they come back. */
  stopped: ReadonlySet<string>;
  /** The latest `quorum.vote` event, if any. */
  lastVote: Extract<TraceEvent, { type: 'quorum.vote' }> | null;
  /** When quorum was last lost (null when it holds). */
  lostAt: number | null;
}

const EMPTY: QuorumFacts = { stopped: new Set(), lastVote: null, lostAt: null };

export function foldQuorum(facts: QuorumFacts, events: readonly TraceEvent[], from: number): QuorumFacts {
  let { stopped, lastVote, lostAt } = facts;
  let copied = false;
  const edit = () => {
    if (!copied) stopped = new Set(stopped);
    copied = true;
    return stopped as Set<string>;
  };
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'policy' && e.rule === 'QuorumLost') lostAt = e.t;
    else if (e.type === 'policy' && e.rule === 'QuorumRegained') {
      lostAt = null;
      if (stopped.size) edit().clear();
    } else if (e.type === 'quorum.vote') lastVote = e;
    else if (e.type === 'node.state') {
      // A node that goes Down after the QuorumLost decision was stopped by it; one already Down
      // (the crash whose detection lost quorum) stays a crash.
      if (e.to === 'Down' && lostAt !== null) edit().add(e.node);
      else if (e.to !== 'Down' && stopped.has(e.node)) edit().delete(e.node);
    }
  }
  return stopped === facts.stopped && lastVote === facts.lastVote && lostAt === facts.lostAt
    ? facts
    : { stopped, lastVote, lostAt };
}

/** One-entry incremental cache over the store's `events` array. */
export function createQuorumTracker() {
  let seen: readonly TraceEvent[] = [];
  let facts = EMPTY;
  return (events: readonly TraceEvent[]): QuorumFacts => {
    if (events === seen) return facts;
    const prefix = seen.length <= events.length && (seen.length === 0 || events[seen.length - 1] === seen.at(-1));
    facts = prefix ? foldQuorum(facts, events, seen.length) : foldQuorum(EMPTY, events, 0);
    seen = events;
    return facts;
  };
}

export const quorumFacts = createQuorumTracker();
