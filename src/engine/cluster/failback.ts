/** Failback (contract §4.6): back to a better-ranked preferred owner, now or when the window opens. */
import type { Engine } from './engine';
import type { GroupRt } from './runtime';
import { failbackScheduled } from '../machines/groupMachine';
import { failbackTarget } from '../policies/targetWalk';
import { nextWindowInstant, formatLocalTime } from '../policies/failbackWindow';
import { humanMs } from '../policies/format';
import { possibleForAll, startMove } from './groups';

const q = (s: string) => `"${s}"`;

/**
 * Failback (contract §4.6): AutoFailbackType 1 with preferred owners moves, gracefully and without
 * counting, to the highest-ranked preferred node that is Up and ranks above the current owner —
 * at once without a window, else at the next instant inside [Start, End) local hours.
 */
export function considerFailback(e: Engine, g: GroupRt, ignoreWindow: boolean, onlyTo?: string): void {
  const p = g.spec.properties;
  if (p.AutoFailbackType !== 1 || g.spec.preferredOwners.length === 0) return;
  if (e.groupMoving(g) || g.owner === null || !e.quorum.has) return;
  const target = failbackTarget(
    g.spec.preferredOwners,
    // networks.md §5: not stopping, and able to run the group (possibleForAll reads "can run" in network mode).
    (n) => e.nodeState(e.nodeByName.get(n)!) === 'Up' && !e.net.isStopping(n) && possibleForAll(g, n),
    g.owner,
  );
  if (target === null || (onlyTo && target !== onlyTo)) return;
  if (!ignoreWindow) {
    const at = nextWindowInstant(p.FailbackWindowStart, p.FailbackWindowEnd, e.scenario.cluster.startTimeMs, e.now());
    if (at === null) return;
    if (at > e.now()) {
      if (failbackScheduled(g.snap)) return;
      e.emit({
        type: 'policy',
        rule: 'FailbackScheduled',
        subject: g.spec.name,
        detail: `failback to ${q(target)} waits for the window ${p.FailbackWindowStart}:00–${p.FailbackWindowEnd}:00 (local ${formatLocalTime(e.scenario.cluster.startTimeMs, at)}, in ${humanMs(at - e.now())})`,
        reason: `preferred owner ${q(target)} is Up, but failback is allowed only inside the failback window`,
      });
      e.arm(
        g,
        'failback',
        'failbackWindow',
        at - e.now(),
        `failback window opens (${p.FailbackWindowStart}:00)`,
        'failback',
      );
      e.groupSend(g, { type: 'FAILBACK_SCHEDULED' });
      return;
    }
  }
  cancelFailback(e, g);
  const rank = g.spec.preferredOwners.indexOf(target) + 1;
  startMove(
    e,
    g,
    target,
    'failback',
    `failback to preferred owner #${rank} ${q(target)}, which ranks above ${q(g.owner)}`,
  );
}

/** The failback window opened: failback is considered again at this instant (§4.6). */
export function failbackDue(e: Engine, g: GroupRt): void {
  e.groupSend(g, { type: 'FAILBACK_DUE' });
  considerFailback(e, g, false);
}

/** A scheduled failback no longer applies (the group moves, or its owner or quorum was lost). */
export function cancelFailback(e: Engine, g: GroupRt): void {
  if (!failbackScheduled(g.snap)) return;
  e.disarm(g, 'failback');
  e.groupSend(g, { type: 'FAILBACK_CANCEL' });
}
