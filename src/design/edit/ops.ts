/**
 * Pure edit operations on the RAW scenario JSON (what the user downloads). Each takes a raw scenario
 * and returns a new one (the input is never mutated) or a refusal with a reason written for the
 * user. Validation of the result is the engine's job (`validateScenario`); these functions only
 * refuse what can be judged locally (unknown elements, cycles, self and cross-group dependencies,
 * property values `checkPropertyValue` rejects) or what the engine reports about the edit itself.
 * Elements are addressed by kind and name: names are unique only within their kind (contract §1).
 */
export * from './raw';
export * from './positions';
export * from './elementOps';
export * from './dependencyOps';
export * from './ownerOps';
