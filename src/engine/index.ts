/**
 * Failover Lab engine: the public API.
 *
 *   const result = validateScenario(json);          // or parseScenarioText(text), parseScenarioBytes(bytes)
 *   if (!result.ok) console.error(formatIssues(result.errors));
 *   const sim = createSimulation(result.scenario);  // cluster formed, t = 0 settled
 *   sim.subscribe((event) => ...);                  // trace events as they happen
 *   sim.advanceTo(70_000);                          // virtual time; healthy time is free
 *   sim.check({ action: 'moveGroup', group: 'SQL' }); // allowed now? if not, why
 *   sim.apply({ action: 'crashNode', node: 'SQL-A' });
 *   sim.view();                                     // plain snapshot: states, owners, counters, timers, quorum
 *   replay(scenario, sim.appliedActions(), 30_000); // rewind by deterministic re-simulation
 *   restoreSimulation(scenario, sim.snapshot());    // continue from saved state (JSON-safe)
 *   runScenario(scenario);                          // the CLI's trace document
 *
 * Headless and deterministic: no DOM, no real time, no real randomness (ESLint enforces it).
 */
export type * from './model/scenario';
export type * from './model/trace';
export type * from './model/view';
export type * from './api';
export type { Semantics } from './semantics';
export { CONTRACT_SEMANTICS, resolveSemantics } from './semantics';
export { SCENARIO_FORMAT, TRACE_FORMAT, DWORD_MAX, MAX_SCENARIO_TIME_MS } from './model/scenario';
export { createSimulation, replay, restoreSimulation, runScenario } from './simulation';
export { SimulationLoopError } from './coordinator';
export { frameOfView } from './cluster/frameView';
/** The lifecycle machines (XState definitions), for views that draw them. */
export { resourceMachine } from './machines/resourceMachine';
export { groupMachine } from './machines/groupMachine';
export { nodeMachine } from './machines/nodeMachine';
/** The script actions (contract §2), one definition each (actions/registry.ts): menus, words, subjects, PowerShell. */
export { ACTION_NAMES, actionMenu, actionPowerShell, actionSubject, actionWords, faultWords } from './actions/registry';
export { psLiteral, type ActionSubject, type MenuEntry, type PowerShellLine } from './actions/types';
export { validateScenario, parseScenarioText, parseScenarioBytes, readScenarioJson, formatIssues } from './validation';
/** "did you mean" (contract §1: a name within edit distance 2), for every checker of user input. */
export { didYouMean, editDistance, suggest } from './validation/didYouMean';
export { humanMs } from './policies/format';
export { initialOwner, canHostAll, type OwnerRuleGroup, type OwnerRuleNode } from './policies/initialOwner';
/** Resource types, defaults and property rules: the vocabulary the designer's forms and exports share. */
export {
  RESOURCE_TYPES,
  PROPERTY_NAMES,
  PROPERTY_RULES,
  NODE_STATES,
  PERSISTENT_STATES,
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_DYNAMIC_QUORUM,
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_NODE_WEIGHT,
  DEFAULT_RESOURCE_PROPERTIES,
  defaultBehavior,
  checkPropertyValue,
  type IntegerPropertyRule,
  type PropertyScope,
} from './model/resourceTypes';
/** Dependency expressions as text, and the dependency layering the canvases draw by. */
export { formatDependencyExpr, parseDependencyExpr, type ParseDependencyResult } from './policies/dependencyExpr';
export { longestPathLayers } from './policies/dependencies';
/** Network mode (networks.md): words for the new actions, the level defaults. */
export { NETWORK_ACTION_NAMES } from './actions/registry';
export { FUNCTIONAL_LEVELS, NETWORK_ROLES, LEVEL_DEFAULTS } from './validation/networkSchema';
