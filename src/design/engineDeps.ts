/**
 * The one place src/design reaches into the engine's defaults, dependency-expression formatting
 * and validation, so the design core has a single source of truth with the engine.
 */
export {
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_DYNAMIC_QUORUM,
  DEFAULT_GROUP_PROPERTIES,
  DEFAULT_NODE_WEIGHT,
  DEFAULT_RESOURCE_PROPERTIES,
} from '../engine';
export { formatDependencyExpr, parseDependencyExpr } from '../engine';
export { validateScenario } from '../engine';
