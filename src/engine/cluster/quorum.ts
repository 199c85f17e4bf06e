/**
 * Quorum state (contract §4.7): the voting set V, the witness, loss and regain. The arithmetic is
 * in ../policies/quorum.ts; this class applies it to the live cluster and traces vote changes.
 */
import type { Scenario } from '../model/scenario';
import type { NodeState, TraceEvent } from '../model/trace';
import type { NodeRt } from './runtime';
import { applyEvenRule, holdsAfterLoss, regained, voteTotal, type VoteSet } from '../policies/quorum';
import { voteLoser } from '../network/rules';

/**
 * What the quorum reads of the cluster and writes to the trace. engine.ts's Engine is one; it is
 * named here rather than imported so that engine.ts, which holds a QuorumState, imports no file
 * that imports it back.
 */
export interface QuorumHost {
  readonly scenario: Scenario;
  readonly nodes: readonly NodeRt[];
  readonly nodeByName: ReadonlyMap<string, NodeRt>;
  nodeState(n: NodeRt): NodeState;
  /** networks.md §4.11: the sites, for the vote-removal order; §4.7: the witness itself up, as against R. */
  readonly net: {
    readonly siteMode: boolean;
    readonly topo: { readonly sites: readonly (string | null)[] } | null;
    readonly networkMode: boolean;
    readonly witnessUp: boolean;
  };
  emit(e: Omit<Extract<TraceEvent, { type: 'quorum.vote' }>, 't'>): void;
}

export class QuorumState {
  has = true;
  set: VoteSet = { voters: [], witnessVotes: false };
  witnessUp = true;

  constructor(private readonly e: QuorumHost) {}

  get dynamic(): boolean {
    return this.e.scenario.cluster.quorum.DynamicQuorum === 1;
  }

  get witnessConfigured(): boolean {
    return this.e.scenario.cluster.quorum.witness !== 'none';
  }

  private opts() {
    return { dynamic: this.dynamic, witnessConfigured: this.witnessConfigured, witnessUp: this.witnessUp };
  }

  /** networks.md §4.11: who loses a vote under the even rule (undefined: the highest ID, SF). */
  private loser(): ((v: readonly number[]) => number) | undefined {
    const p = this.e.scenario.cluster.properties;
    const lower = p.LowerQuorumPriorityNodeId ?? 0;
    const pref = p.PreferredSite;
    const topo = this.e.net.topo;
    const outside =
      this.e.net.siteMode && pref !== undefined && topo ? (id: number) => topo.sites[id - 1] !== pref : null;
    if (lower === 0 && !outside) return undefined;
    return (v) => voteLoser(v, lower, outside);
  }

  /** Members (Up or Paused in the cluster's view) with NodeWeight 1, by node ID. */
  private weightedMembers(): number[] {
    return this.e.nodes
      .filter((n) => {
        const s = this.e.nodeState(n);
        return (s === 'Up' || s === 'Paused') && n.spec.properties.NodeWeight === 1;
      })
      .map((n) => n.spec.id);
  }

  /** t = 0: V = the members with NodeWeight 1; only a vote the even rule removes is traced. */
  init(): void {
    const members = this.weightedMembers();
    this.set = applyEvenRule(members, this.opts(), this.loser());
    for (const id of members)
      if (!this.set.voters.includes(id))
        this.traceVote(
          id,
          1,
          0,
          `vote of "${this.e.nodes[id - 1]!.spec.name}" removed to keep the voting count odd (dynamic quorum: with an even count and no witness vote, ${this.whoGivesUp()} gives up its vote)`,
        );
    this.has = this.votesNow() * 2 > this.total();
  }

  total(): number {
    return voteTotal(this.set, this.dynamic, this.witnessConfigured);
  }

  /** Votes counted now: members of V that are Up or Paused, plus the witness vote. */
  votesNow(): number {
    const live = new Set(this.weightedMembersAll());
    const w = this.dynamic
      ? this.set.witnessVotes && this.witnessUp
        ? 1
        : 0
      : this.witnessConfigured && this.witnessUp
        ? 1
        : 0;
    return this.set.voters.filter((id) => live.has(id)).length + w;
  }

  private weightedMembersAll(): number[] {
    return this.e.nodes
      .filter((n) => {
        const s = this.e.nodeState(n);
        return s === 'Up' || s === 'Paused';
      })
      .map((n) => n.spec.id);
  }

  nodeVote(id: number): 0 | 1 {
    return this.set.voters.includes(id) ? 1 : 0;
  }

  witnessVote(): 0 | 1 {
    if (!this.witnessConfigured) return 0;
    if (this.dynamic) return this.set.witnessVotes && this.witnessUp ? 1 : 0;
    return this.witnessUp ? 1 : 0;
  }

  /**
   * Nodes were detected Down together (already shown Down). Does quorum hold? If so, recompute V
   * (dynamic quorum) and trace the vote changes.
   */
  afterLoss(reason: string, before = this.snapshotVotes()): boolean {
    const stillUp = new Set(this.weightedMembersAll());
    if (!holdsAfterLoss(this.set, stillUp, this.dynamic, this.witnessConfigured, this.witnessUp)) return false;
    this.recompute(reason, before);
    return true;
  }

  /** V := members with NodeWeight 1, then the even rule (dynamic quorum only). */
  recompute(reason: string, before = this.snapshotVotes()): void {
    if (!this.dynamic) {
      this.traceDiff(before, reason);
      return;
    }
    this.set = applyEvenRule(this.weightedMembers(), this.opts(), this.loser());
    this.traceDiff(before, reason);
  }

  /** The witness fails or returns. Returns false when that loses quorum. */
  witnessChanged(up: boolean, reason: string): boolean {
    const beforeSet = this.set;
    const before = this.snapshotVotes();
    this.witnessUp = up;
    if (!up) {
      const stillUp = new Set(this.weightedMembersAll());
      if (!holdsAfterLoss(beforeSet, stillUp, this.dynamic, this.witnessConfigured, false)) {
        this.traceDiff(before, reason); // the witness's vote goes first, then QuorumLost (§3)
        return false;
      }
    }
    this.recompute(reason, before);
    return true;
  }

  /** After a loss: do the Up nodes (NodeWeight) plus the witness make more than half of the configured votes? */
  canRegain(): boolean {
    const configured = this.e.nodes.filter((n) => n.spec.properties.NodeWeight === 1).length;
    return regained(this.weightedMembers().length, configured, this.witnessConfigured, this.witnessUp);
  }

  /** Quorum regained: V is recomputed from the members. */
  regain(reason: string, before = this.snapshotVotes()): void {
    this.has = true;
    const members = this.weightedMembers();
    this.set = this.dynamic ? applyEvenRule(members, this.opts(), this.loser()) : this.set;
    this.traceDiff(before, reason);
  }

  /** Every voter's vote now, to trace what a change does to them. */
  votesByVoter(): Map<string, 0 | 1> {
    return this.snapshotVotes();
  }

  private snapshotVotes(): Map<string, 0 | 1> {
    const m = new Map<string, 0 | 1>();
    for (const n of this.e.nodes) m.set(n.spec.name, this.nodeVote(n.spec.id));
    if (this.witnessConfigured) m.set('witness', this.witnessVote());
    return m;
  }

  traceDiff(before: Map<string, 0 | 1>, reason: string): void {
    const after = this.snapshotVotes();
    for (const [voter, from] of before) {
      const to = after.get(voter)!;
      if (from !== to)
        this.e.emit({ type: 'quorum.vote', voter, from, to, reason: `${reason}: ${this.why(voter, to)}` });
    }
  }

  /** The §4.7 rule behind one vote change, in words (a trainer reads it aloud). */
  private why(voter: string, to: 0 | 1): string {
    if (voter === 'witness') {
      // In network mode the witness can be up yet unavailable: no member reaches it (networks.md §4.7, R).
      const unreached = this.e.net.networkMode && this.e.net.witnessUp;
      if (!this.witnessUp)
        return unreached
          ? 'no member reaches the witness (networks.md §4.7), so it does not vote'
          : 'the witness is down, so it does not vote';
      if (!this.dynamic) return 'the witness is up, so it votes again';
      return to === 1
        ? 'the witness votes because the node votes are even (dynamic quorum)'
        : 'the witness stops voting because the node votes are odd (dynamic quorum)';
    }
    const n = this.e.nodeByName.get(voter)!;
    const s = this.e.nodeState(n);
    const member = s === 'Up' || s === 'Paused';
    if (to === 0) {
      return member
        ? `vote of "${voter}" removed to keep the voting count odd (dynamic quorum: with an even count and no witness vote, ${this.whoGivesUp()} gives up its vote)`
        : `"${voter}" is ${s}, so its vote leaves the voting set`;
    }
    return `"${voter}" is a member with NodeWeight 1 and gets its vote back`;
  }

  /** Who gives up a vote under the even rule, in words (networks.md §4.11 where it applies, else SF's). */
  private whoGivesUp(): string {
    const p = this.e.scenario.cluster.properties;
    const lower = p.LowerQuorumPriorityNodeId ?? 0;
    const site = this.e.net.siteMode && p.PreferredSite !== undefined;
    if (lower === 0 && !site) return 'the highest node ID';
    const parts = [
      ...(lower !== 0 ? [`node ID ${lower} (LowerQuorumPriorityNodeId)`] : []),
      ...(site ? [`the highest node ID outside the preferred site "${p.PreferredSite}"`] : []),
      'the highest node ID',
    ];
    return `${parts.join(', else ')}`;
  }

  private traceVote(id: number, from: 0 | 1, to: 0 | 1, reason: string): void {
    const n = this.e.nodes.find((x) => x.spec.id === id)!;
    this.e.emit({ type: 'quorum.vote', voter: n.spec.name, from, to, reason });
  }
}
