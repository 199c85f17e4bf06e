/**
 * The restart policy (contract §4.4) after a counted failure, and RetryPeriodOnFailure: the
 * resource machine's Failed state decides with its guards (machines/resourceMachine.ts) and names
 * the effects; they are carried out here, in order, on the one clock. Imports no rule file:
 * resources.ts calls it, and a failover goes up through `e.above`.
 */
import type { Engine } from './engine';
import type { ResRt } from './runtime';
import { countFailure } from '../policies/windows';
import { clockAt, humanMs } from '../policies/format';
import { neverRestarts, restartsRemain } from '../policies/restart';

const q = (name: string) => `"${name}"`;

/**
 * Contract §4.8, failures of one instant are decided together: every failure is counted and its
 * restart policy decided on the node where it failed; if any decision fails the group over, it
 * fails over once (its owner change then cancels the others' restarts, §4.5). Decisions run in
 * file order, and no decision depends on another's, so the outcome does not depend on that order.
 */
export function restartPolicies(e: Engine, failed: readonly ResRt[]): void {
  const failover = new Map<ResRt['group'], ResRt>();
  const ordered = [...failed].sort((a, b) => a.spec.index - b.spec.index);
  for (const r of ordered) {
    if (r.persistent !== 'online') continue;
    if (decideRestart(e, r) && !failover.has(r.group)) failover.set(r.group, r);
  }
  for (const [g, r] of failover) {
    e.above.failoverGroup(e, g, 'resource', `resource ${q(r.spec.name)} exceeded its RestartThreshold`);
  }
}

/**
 * Contract §4.4 restart policy, after a counted failure: the machine's guards decide (see the
 * Failed state in machines/resourceMachine.ts) and name the effects, carried out here in order.
 * Returns true when the group must fail over.
 */
function decideRestart(e: Engine, r: ResRt): boolean {
  const p = r.spec.properties;
  r.restartWindow = countFailure(r.restartWindow, e.now(), p.RestartPeriod, e.semantics.restartWindow);
  // A group on its way to another node keeps its move (§4.8): the resource comes online with the
  // group on the new owner, as when a failover cancels the restarts decided with it, not here.
  if (
    !neverRestarts(p.RestartAction) &&
    restartsRemain(r.restartWindow.count, p.RestartThreshold) &&
    e.groupMoving(r.group)
  )
    return false;
  const effects = e.resSend(r, {
    type: 'COUNTED',
    count: r.restartWindow.count,
    threshold: p.RestartThreshold,
    restartAction: p.RestartAction,
    retryPeriod: p.RetryPeriodOnFailure,
  });
  let failover = false;
  for (const effect of effects) {
    if (effect === 'armRestartDelay') {
      r.dueAt = e.now() + p.RestartDelay;
      r.dueReason = `restart ${r.restartWindow.count} of ${p.RestartThreshold} in the RestartPeriod window`;
      e.arm(r, 'restart', 'restartDelay', p.RestartDelay, `RestartDelay ${humanMs(p.RestartDelay)}`, 'restart');
    } else if (effect === 'traceRestartThresholdExceeded') {
      r.dueAt = null;
      e.emit({
        type: 'policy',
        rule: 'RestartThresholdExceeded',
        subject: r.spec.name,
        detail: `${r.restartWindow.count} failures since t=${clockAt(r.restartWindow.start!)} exceed RestartThreshold ${p.RestartThreshold} in RestartPeriod ${humanMs(p.RestartPeriod)}; RestartAction ${p.RestartAction}`,
        reason: `resource ${q(r.spec.name)} failed ${r.restartWindow.count} times within ${humanMs(p.RestartPeriod)}: no more restarts on this node`,
      });
    } else if (effect === 'armRetryPeriod') armRetry(e, r);
    else failover = true; // escalateToGroupFailover (§4.5), once every failure of the instant is decided
  }
  return failover;
}

/**
 * Set Failed in place, not counted: FailoverThreshold refused a failover after a node loss (§4.5);
 * RetryPeriodOnFailure timers start then (the machine's `retriesAfterFailure` guard decides).
 */
export function failInPlace(e: Engine, r: ResRt, reason: string): void {
  e.resTransition(r, { type: 'FAIL' }, reason);
  // An administrator's offline is not retried (§4.4 counts only persistent-online resources).
  if (r.persistent !== 'online') return;
  const p = r.spec.properties;
  const effects = e.resSend(r, {
    type: 'FAILED_IN_PLACE',
    restartAction: p.RestartAction,
    retryPeriod: p.RetryPeriodOnFailure,
  });
  if (effects.includes('armRetryPeriod')) armRetry(e, r);
}

/** Arm RetryPeriodOnFailure (contract §4.4): try again later on whatever node owns the group then. */
function armRetry(e: Engine, r: ResRt): void {
  const p = r.spec.properties;
  e.arm(
    r,
    'retry',
    'retryPeriod',
    p.RetryPeriodOnFailure,
    `RetryPeriodOnFailure ${humanMs(p.RetryPeriodOnFailure)}`,
    'retry',
  );
}
