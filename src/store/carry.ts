/**
 * Design → Simulate: the applied actions whose targets still exist are kept; the others are
 * dropped with the reason said, never silently (issue 11 item 4).
 */
import type { AppliedAction, Action, Scenario } from '../engine';
import { describeAction, formatClock } from './format';

/** Why an action cannot run on `scenario` (a target of its kind is gone), or null. */
export function missingTarget(action: Action, scenario: Scenario): string | null {
  const a = action as Record<string, unknown>;
  if (typeof a.node === 'string' && !scenario.nodes.some((n) => n.name === a.node))
    return `node "${a.node}" no longer exists`;
  if (typeof a.group === 'string' && !scenario.groups.some((g) => g.name === a.group))
    return `group "${a.group}" no longer exists`;
  if (typeof a.resource === 'string' && !scenario.groups.some((g) => g.resources.some((r) => r.name === a.resource)))
    return `resource "${a.resource}" no longer exists`;
  return null;
}

export function carryActions(
  actions: readonly AppliedAction[],
  scenario: Scenario,
): { kept: AppliedAction[]; notice: string | null } {
  const kept: AppliedAction[] = [];
  const dropped: string[] = [];
  for (const a of actions) {
    const why =
      missingTarget(a.action, scenario) ??
      (a.at > scenario.until ? `t=${formatClock(a.at)} is after the run's end (${formatClock(scenario.until)})` : null);
    if (why) dropped.push(`${describeAction(a.action)} at t=${formatClock(a.at)}: ${why}`);
    else kept.push(a);
  }
  if (!actions.length) return { kept, notice: null };
  const head = `From Design: ${kept.length} of your ${actions.length} action${actions.length === 1 ? '' : 's'} kept`;
  return { kept, notice: dropped.length ? `${head}; dropped ${dropped.join('; ')}.` : `${head}.` };
}
