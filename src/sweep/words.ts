/** Faults and outcomes in words, for summaries, check reports and the what-if view. */
import { faultWords, humanMs, type Action } from '../engine';

/** "crash of NODE1", "IsAlive hang of SQL Server", "failure of SQL Disk". Names are text, never markup. */
export function describeFault(f: Action): string {
  if (f.action === 'partition') return partitionWords(f.sides, f.witness);
  return faultWords(f);
}

/**
 * A sweep's partition cuts off one node (sweep-format.md §1): say so rather than list the rest, and
 * say which side reaches the witness, so that the runs of `{"action":"partition"}` and
 * `{"action":"partition","witness":[1]}` read apart in one matrix.
 */
function partitionWords(sides: readonly (readonly string[])[], witness: readonly number[] | undefined): string {
  const [first, ...others] = sides;
  const what =
    others.length === 1 && first?.length === 1
      ? `${first[0]} cut off by a partition`
      : `partition ${sides.map((s) => s.join(', ')).join(' | ')}`;
  if (witness === undefined) return what;
  const reach = witness.map((i) => (sides[i] ?? []).join(', ')).join(' and ');
  return `${what} (witness reached by ${reach || 'no side'})`;
}

/** "27.5 s", "0 s" for no downtime (humanMs says "0 ms"). */
export function downtimeWords(ms: number): string {
  return ms === 0 ? 'no downtime' : `down ${humanMs(ms)}`;
}
