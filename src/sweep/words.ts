/** Faults and outcomes in words, for summaries, check reports and the what-if view. */
import { humanMs, type Action } from '../engine';

/** "crash of NODE1", "IsAlive hang of SQL Server", "failure of SQL Disk". Names are text, never markup. */
export function describeFault(f: Action): string {
  switch (f.action) {
    case 'crashNode':
      return `crash of ${f.node}`;
    case 'startNode':
      return `start of ${f.node}`;
    case 'pauseNode':
      return `${f.drain ? 'drain' : 'pause'} of ${f.node}`;
    case 'resumeNode':
      return `resume of ${f.node}`;
    case 'moveGroup':
      return `move of ${f.group}${f.node ? ` to ${f.node}` : ''}`;
    case 'onlineGroup':
    case 'offlineGroup':
      return `${f.action === 'onlineGroup' ? 'online' : 'offline'} of group ${f.group}`;
    case 'onlineResource':
    case 'offlineResource':
      return `${f.action === 'onlineResource' ? 'online' : 'offline'} of ${f.resource}`;
    case 'failResource':
      return `failure of ${f.resource}`;
    case 'setHealth': {
      const parts = [
        f.looksAlive && f.looksAlive !== 'ok' ? `LooksAlive ${f.looksAlive}` : '',
        f.isAlive && f.isAlive !== 'ok' ? `IsAlive ${f.isAlive}` : '',
      ].filter(Boolean);
      return `${parts.join(' + ') || 'healthy checks'} of ${f.resource}`;
    }
    case 'setOnline':
    case 'setOffline':
      return `${f.action === 'setOnline' ? 'Online' : 'Offline'} ${f.result} of ${f.resource}`;
    case 'signalFailure':
      return `failure signal of ${f.resource}`;
    case 'heal':
      return `heal of ${f.resource}`;
    case 'failWitness':
      return 'witness failure';
    case 'restoreWitness':
      return 'witness restore';
    case 'stopNode':
      return `graceful stop of ${f.node}`;
    case 'failNetwork':
    case 'restoreNetwork':
      return `${f.action === 'failNetwork' ? 'failure' : 'restore'} of network ${f.network}`;
    case 'failInterface':
    case 'restoreInterface':
      return `${f.action === 'failInterface' ? 'failure' : 'restore'} of ${f.node}'s interface on ${f.network}`;
    case 'healPartition':
      return 'heal of the partition';
    case 'partition': {
      // A sweep's partition isolates one node (sweep-format.md §1): say so rather than list the rest.
      const [first, ...others] = f.sides;
      const what =
        others.length === 1 && first?.length === 1
          ? `${first[0]} cut off by a partition`
          : `partition ${f.sides.map((s) => s.join(', ')).join(' | ')}`;
      if (f.witness === undefined) return what;
      const reach = f.witness.map((i) => (f.sides[i] ?? []).join(', ')).join(' and ');
      return `${what} (witness reached by ${reach || 'no side'})`;
    }
  }
}

/** "27.5 s", "0 s" for no downtime (humanMs says "0 ms"). */
export function downtimeWords(ms: number): string {
  return ms === 0 ? 'no downtime' : `down ${humanMs(ms)}`;
}

/** Levenshtein distance, for "did you mean" in check validation. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

export function didYouMean(input: string, candidates: readonly string[]): string {
  let best = '';
  let bestD = 3;
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best ? `; did you mean ${JSON.stringify(best)}?` : '';
}
