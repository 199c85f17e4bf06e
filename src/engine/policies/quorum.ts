/**
 * Vote arithmetic (contract §4.7). Pure: callers pass node IDs, weights and the witness state.
 */

export interface QuorumInput {
  /** IDs of member nodes (Up or Paused) with NodeWeight 1, after the change. */
  weightedMembers: readonly number[];
  dynamic: boolean;
  witnessConfigured: boolean;
  witnessUp: boolean;
}

export interface VoteSet {
  /** IDs of nodes holding a vote. */
  voters: number[];
  witnessVotes: boolean;
}

/**
 * Apply the even rule to a voting set: with dynamic quorum, when |V| is even the witness votes if
 * configured and up, otherwise the member with the highest node ID loses its vote. With |V| odd
 * the witness does not vote. Without dynamic quorum V is unchanged and the witness always votes
 * while it is up.
 */
export function applyEvenRule(
  voters: readonly number[],
  q: Omit<QuorumInput, 'weightedMembers'>,
  /** networks.md §4.11: which member gives up its vote (default: the highest ID, SF §4.7). */
  loser: (v: readonly number[]) => number = (v) => v[v.length - 1]!,
): VoteSet {
  const v = [...voters].sort((a, b) => a - b);
  if (!q.dynamic) return { voters: v, witnessVotes: q.witnessConfigured && q.witnessUp };
  if (v.length % 2 === 0 && v.length > 0) {
    if (q.witnessConfigured && q.witnessUp) return { voters: v, witnessVotes: true };
    const out = loser(v);
    return { voters: v.filter((id) => id !== out), witnessVotes: false };
  }
  if (v.length === 0) return { voters: v, witnessVotes: q.witnessConfigured && q.witnessUp };
  return { voters: v, witnessVotes: false };
}

/** The total the votes are compared with. */
export function voteTotal(set: VoteSet, dynamic: boolean, witnessConfigured: boolean): number {
  return dynamic ? set.voters.length + (set.witnessVotes ? 1 : 0) : set.voters.length + (witnessConfigured ? 1 : 0);
}

/**
 * Does quorum hold after losing nodes? The members of V still up, plus the witness vote, must be
 * more than half of the total before the loss.
 */
export function holdsAfterLoss(
  before: VoteSet,
  stillUp: ReadonlySet<number>,
  dynamic: boolean,
  witnessConfigured: boolean,
  witnessUpNow: boolean,
): boolean {
  const total = voteTotal(before, dynamic, witnessConfigured);
  const witnessVote = dynamic
    ? before.witnessVotes && witnessUpNow
      ? 1
      : 0
    : witnessConfigured && witnessUpNow
      ? 1
      : 0;
  const votes = before.voters.filter((id) => stillUp.has(id)).length + witnessVote;
  return votes * 2 > total;
}

/**
 * After quorum was lost: nodes started again count against the configured votes (NodeWeight, plus
 * the witness if up) until more than half are Up.
 */
export function regained(
  upWeighted: number,
  configuredWeighted: number,
  witnessConfigured: boolean,
  witnessUp: boolean,
): boolean {
  const total = configuredWeighted + (witnessConfigured ? 1 : 0);
  const votes = upWeighted + (witnessConfigured && witnessUp ? 1 : 0);
  return votes * 2 > total;
}
