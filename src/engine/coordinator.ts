/**
 * The cluster coordinator: the run loop over the shared records of cluster/engine.ts. One event-ordered
 * virtual clock; at each instant the timers due fire in armed order, then the script entries of
 * that instant, then the groups' derived states are settled (contract §3, §4.8). The rules live in
 * cluster/ (resources.ts, groups.ts, nodes.ts, monitor.ts, failback.ts) and one file per action in
 * actions/ (registry.ts); arithmetic lives in policies/ as pure functions.
 */
import type { Action, Scenario, ScriptEntry } from './model/scenario';
import type { Semantics } from './semantics';
import { Engine, type UpCalls } from './cluster/engine';
import { formCluster } from './cluster/nodes';
import { endOfInstantGroupStates } from './cluster/groupStates';
import { applyAction, checkAction, describeAction } from './actions/registry';
import { TIMER_HANDLERS } from './cluster/timerHandlers';
import { checkMoveProgress, failoverGroup } from './cluster/groups';
import { armHealth, hang } from './cluster/monitor';
import { computeRunsOn } from './network/placement';
import { endOfInstantNetwork } from './network/observe';
import { checkDepartures } from './network/stop';
import { afterStepChecks } from './network/membership';

/** The calls resources.ts makes up into the groups and the monitor (cluster/engine.ts `UpCalls`). */
const UP_CALLS: UpCalls = { failoverGroup, checkMoveProgress, armHealth, hang };

export class Coordinator extends Engine {
  private readonly script: ScriptEntry[];
  /** No legitimate instant fires more timers than a few per entity; far beyond that is a loop. */
  private readonly instantLimit: number;

  constructor(
    scenario: Scenario,
    semantics: Semantics,
    runScript: boolean,
    /** Build the records only: a saved state is loaded next (cluster/snapshot.ts). */
    restoring = false,
  ) {
    super(scenario, semantics, runScript, UP_CALLS);
    this.instantLimit =
      1_000 + 100 * (scenario.nodes.length + scenario.groups.reduce((n, g) => n + 1 + g.resources.length, 0));
    this.script = runScript ? scenario.script : [];
    computeRunsOn(this);
    if (restoring) return;
    // Every group's state is evaluated at the end of instant 0 (an empty group is Online).
    for (const g of this.groups) this.dirtyGroups.add(g);
    formCluster(this);
    // Instant 0 is always closed here (timers due at 0, script entries at 0, group states), so a
    // new simulation stands after everything that happens at t = 0.
    this.runInstant(0);
  }

  nextEventTime(): number | null {
    const d = this.clock.nextDeadline();
    const s = this.scriptIndex < this.script.length ? this.script[this.scriptIndex]!.at : null;
    if (d === null) return s;
    if (s === null) return d;
    return Math.min(d, s);
  }

  /** Process every instant up to and including t, then stand at t. */
  advanceTo(t: number): void {
    for (;;) {
      const next = this.nextEventTime();
      if (next === null || next > t) break;
      this.runInstant(next);
    }
    this.clock.setNow(t);
  }

  private runInstant(t: number): void {
    this.clock.setNow(t);
    this.fireDue(t);
    while (this.scriptIndex < this.script.length && this.script[this.scriptIndex]!.at === t) {
      const entry = this.script[this.scriptIndex++]!;
      this.applyNow(entry, entry);
      this.fireDue(t);
    }
    endOfInstantGroupStates(this);
    endOfInstantNetwork(this);
  }

  private fireDue(t: number): void {
    // Each timer at its own instant, in arm order. Validation refuses the zero-time loops the
    // contract knows of (§1: onlineMs 0 needs RestartDelay ≥ 1 and RetryPeriodOnFailure ≥ 1);
    // this guard turns any other into a clear error instead of a hang.
    if (t !== this.instant) {
      this.instant = t;
      this.firedThisInstant = 0;
    }
    for (let timer = this.clock.popDue(t); timer; timer = this.clock.popDue(t)) {
      this.liveTimers.delete(timer.id);
      const owner = this.timerOwner(timer);
      delete owner.timers[timer.slot];
      TIMER_HANDLERS[timer.handler](this, owner, timer.payload);
      // networks.md §4.12: a stopping node leaves right after the processing that finished its offline step.
      if (this.net.stopping.size) checkDepartures(this);
      if (++this.firedThisInstant > this.instantLimit) throw new SimulationLoopError(t, this.instantLimit);
    }
  }

  /** Apply an action at the current instant (script or user), then settle the instant. */
  applyNow(action: Action, traced: Action & { at?: number }): { applied: true } | { applied: false; reason: string } {
    const check = checkAction(this, action);
    if (!check.allowed) {
      this.emit({ type: 'action.rejected', action: traced, reason: check.reason });
      return { applied: false, reason: check.reason };
    }
    this.emit({ type: 'action', action: traced, reason: describeAction(action) });
    applyAction(this, action);
    // networks.md §4.13: after an action's own effects, a due stop departure, then the after-step checks.
    if (this.net.stopping.size) checkDepartures(this);
    afterStepChecks(this);
    return { applied: true };
  }

  /** A user action at the current time: applied after everything already done at this instant. */
  applyUser(action: Action): { applied: true } | { applied: false; reason: string } {
    const res = this.applyNow(action, { at: this.now(), ...action });
    this.fireDue(this.now());
    endOfInstantGroupStates(this);
    endOfInstantNetwork(this);
    return res;
  }
}

/** The run loop would spin within one instant: stopped with a clear error rather than a hang. */
export class SimulationLoopError extends Error {
  constructor(
    readonly t: number,
    limit: number,
  ) {
    super(
      `the simulation does not settle at t=${t} ms: more than ${limit} timers fired within that one instant (a zero-time loop); simulation stopped`,
    );
    this.name = 'SimulationLoopError';
  }
}
