/** Script actions and their arguments (contract §2), as data: `./schema` builds the entry schemas from it, the editor its controls. */
import type { ActionName } from '../model/scenario';
import { ACTION_NAMES, ACTIONS } from '../actions/registry';
import type { ArgSpec } from '../actions/types';
import { qList } from './paths';

export type { ArgSpec } from '../actions/types';
export { ACTION_NAMES } from '../actions/registry';
export { HEALTH_ANSWERS as HEALTH } from '../actions/types';

/** Every action and its arguments (besides `at` and `action`), from the action registry. */
export const SCRIPT_ACTIONS: Readonly<Record<ActionName, Readonly<Record<string, ArgSpec>>>> = Object.freeze(
  Object.fromEntries(ACTION_NAMES.map((n) => [n, ACTIONS[n].args])) as Record<
    ActionName,
    Readonly<Record<string, ArgSpec>>
  >,
);

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && Object.hasOwn(SCRIPT_ACTIONS, value);
}

/** `takes "node" and "drain"`, or `takes no arguments`. */
export function describeArgs(spec: Readonly<Record<string, ArgSpec>>): string {
  const names = Object.keys(spec);
  return names.length ? `takes ${qList(names)}` : 'takes no arguments';
}
