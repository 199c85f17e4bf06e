/**
 * Every script action of the contract (scenario-format.md §2), one definition per file, in the
 * contract's order (validation messages list them in this order). To add an action: add its member
 * to `Action` (model/scenario.ts), write its file beside this one, and list it here; the compiler
 * refuses a registry that misses a name of `Action`. Everything else reads this list: the entry
 * schema (validation), check and apply (../coordinator.ts), the trace's words, the app's menus
 * and words, the sweeps' subjects and fault words, and the PowerShell equivalents.
 */
import type { Action, ActionName } from '../model/scenario';
import type { ActionCheck } from '../model/view';
import type { Engine } from '../cluster/engine';
import type { ActionDef, ActionSubject, AnyActionDef, MenuEntry, PowerShellLine } from './types';
import { crashNode } from './crashNode';
import { startNode } from './startNode';
import { pauseNode } from './pauseNode';
import { resumeNode } from './resumeNode';
import { moveGroup } from './moveGroup';
import { onlineGroup } from './onlineGroup';
import { offlineGroup } from './offlineGroup';
import { onlineResource } from './onlineResource';
import { offlineResource } from './offlineResource';
import { failResource } from './failResource';
import { setHealth } from './setHealth';
import { setOnline } from './setOnline';
import { setOffline } from './setOffline';
import { signalFailure } from './signalFailure';
import { heal } from './heal';
import { failWitness } from './failWitness';
import { restoreWitness } from './restoreWitness';
import { partition } from './partition';
import { healPartition } from './healPartition';
import { failNetwork } from './failNetwork';
import { restoreNetwork } from './restoreNetwork';
import { failInterface } from './failInterface';
import { restoreInterface } from './restoreInterface';
import { stopNode } from './stopNode';

export const ACTIONS: { readonly [N in ActionName]: ActionDef<N> } = {
  crashNode,
  startNode,
  pauseNode,
  resumeNode,
  moveGroup,
  onlineGroup,
  offlineGroup,
  onlineResource,
  offlineResource,
  failResource,
  setHealth,
  setOnline,
  setOffline,
  signalFailure,
  heal,
  failWitness,
  restoreWitness,
  // networks.md §2
  partition,
  healPartition,
  failNetwork,
  restoreNetwork,
  failInterface,
  restoreInterface,
  stopNode,
};

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

/** The actions networks.md §2 adds (every one needs network mode except `stopNode`). */
export const NETWORK_ACTION_NAMES: readonly ActionName[] = [
  'partition',
  'healPartition',
  'failNetwork',
  'restoreNetwork',
  'failInterface',
  'restoreInterface',
  'stopNode',
];

/**
 * The definition of an action by its name. The one cast of the registry: `ACTIONS[n]` is the
 * definition of `n`, so it is only ever handed an action whose `action` is `n`.
 */
export function actionDef(name: ActionName): AnyActionDef {
  return ACTIONS[name] as unknown as AnyActionDef;
}

/** Allowed now, or why not (the reason becomes `action.rejected`). */
export function checkAction(e: Engine, a: Action): ActionCheck {
  return actionDef(a.action).check(e, a);
}

export function applyAction(e: Engine, a: Action): void {
  actionDef(a.action).apply(e, a);
}

/** The trace's words for an applied action (the `reason` of an `action` event). */
export function describeAction(a: Action): string {
  return actionDef(a.action).traceText(a);
}

/** The app's words: "crash node SQL-A", "set IsAlive hang on SQL Server". */
export function actionWords(a: Action): string {
  return actionDef(a.action).uiText(a);
}

/** A fault in a what-if summary: "crash of NODE1", "IsAlive hang of SQL Server". */
export function faultWords(a: Action): string {
  return actionDef(a.action).faultText(a);
}

/** The entity kind an action is about (`none` for the witness). */
export function actionSubject(name: ActionName): ActionSubject {
  return ACTIONS[name].subject;
}

/** The PowerShell equivalent of an action (powershell.md §1.9), or null and why there is none. */
export function actionPowerShell(a: Action): PowerShellLine {
  return actionDef(a.action).powershell(a);
}

/**
 * Every button for one entity (or, with `none`, for the cluster's witness), in menu order: the
 * actions about that kind by `menuOrder`, each with its entries. `nodes`: the scenario's node names.
 */
export function actionMenu(subject: ActionSubject, name: string, nodes: readonly string[]): MenuEntry[] {
  return Object.values(ACTIONS as Readonly<Record<ActionName, AnyActionDef>>)
    .filter((d) => d.subject === subject)
    .sort((a, b) => a.menuOrder - b.menuOrder)
    .flatMap((d) => d.menu(name, nodes));
}
