/** The Upcoming list's rows: the script's entries and the user's waiting actions after now. */
import { describeAction } from '../store/format';
import type { Action } from '../engine';
import type { AppState, UpcomingRef } from '../store/types';

export interface UpcomingItem extends UpcomingRef {
  at: number;
  action: Action;
  text: string;
  /** After the run's end: it will not happen unless the run is extended. */
  late: boolean;
}

export function upcomingItems(
  s: Pick<AppState, 'scenario' | 'actions' | 'appliedCount'> & { view: { t: number } },
): UpcomingItem[] {
  const now = s.view.t;
  const until = s.scenario.until;
  const out: UpcomingItem[] = [];
  s.scenario.script.forEach((e, index) => {
    // An entry at exactly now has already run (advanceTo includes its instant).
    if (e.at <= now) return;
    const { at, ...action } = e;
    out.push({ source: 'script', index, at, action: action, text: describeAction(e), late: at > until });
  });
  s.actions.forEach((a, index) => {
    if (index < s.appliedCount) return;
    out.push({ source: 'user', index, at: a.at, action: a.action, text: describeAction(a.action), late: a.at > until });
  });
  return out.sort((a, b) => a.at - b.at);
}
