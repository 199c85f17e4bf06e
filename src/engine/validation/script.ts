/** Script actions and their arguments (contract §2), as data: `./schema` builds the entry schemas from it, the editor its controls. */
import type { ActionName } from '../model/scenario';
import type { ElementKind } from './names';
import { qList } from './paths';

export type ArgSpec =
  | { kind: ElementKind; required: boolean }
  | { kind: 'boolean'; required: boolean }
  /** networks.md §2: a network name; `sides` (arrays of node names); `witness` (side numbers). */
  | { kind: 'network' | 'sides' | 'sideIndexes'; required: boolean }
  | { kind: 'choice'; choices: readonly string[]; required: boolean };

const node = { kind: 'node', required: true } as const;
const group = { kind: 'group', required: true } as const;
const resource = { kind: 'resource', required: true } as const;
const network = { kind: 'network', required: true } as const;
export const HEALTH = ['ok', 'fail', 'hang'] as const;
const CALL = ['ok', 'fail', 'stall', 'hang'] as const;

/** Every action and its arguments (besides `at` and `action`), as data for the editor too. */
export const SCRIPT_ACTIONS: Readonly<Record<ActionName, Readonly<Record<string, ArgSpec>>>> = Object.freeze({
  crashNode: { node },
  startNode: { node },
  pauseNode: { node, drain: { kind: 'boolean', required: false } },
  resumeNode: { node, failback: { kind: 'choice', choices: ['NoFailback', 'Immediate', 'Policy'], required: false } },
  moveGroup: { group, node: { kind: 'node', required: false } },
  onlineGroup: { group },
  offlineGroup: { group },
  onlineResource: { resource },
  offlineResource: { resource },
  failResource: { resource },
  setHealth: {
    resource,
    looksAlive: { kind: 'choice', choices: HEALTH, required: false },
    isAlive: { kind: 'choice', choices: HEALTH, required: false },
  },
  setOnline: { resource, result: { kind: 'choice', choices: CALL, required: true } },
  setOffline: { resource, result: { kind: 'choice', choices: CALL, required: true } },
  signalFailure: { resource },
  heal: { resource },
  failWitness: {},
  restoreWitness: {},
  // networks.md §2
  partition: { sides: { kind: 'sides', required: true }, witness: { kind: 'sideIndexes', required: false } },
  healPartition: {},
  failNetwork: { network },
  restoreNetwork: { network },
  failInterface: { node, network },
  restoreInterface: { node, network },
  stopNode: { node },
});

export const ACTION_NAMES = Object.keys(SCRIPT_ACTIONS) as ActionName[];

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && Object.hasOwn(SCRIPT_ACTIONS, value);
}

/** `takes "node" and "drain"`, or `takes no arguments`. */
export function describeArgs(spec: Readonly<Record<string, ArgSpec>>): string {
  const names = Object.keys(spec);
  return names.length ? `takes ${qList(names)}` : 'takes no arguments';
}
