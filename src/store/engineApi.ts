/** What the store needs from the engine (a leaf: it imports nothing of the store). */
import type { Scenario, Simulation, SimulationOptions, SimulationSnapshot, ValidationResult } from '../engine';

/** What the store needs from the engine; injected so tests can pass a fake. */
export interface EngineApi {
  createSimulation(scenario: Scenario, options?: SimulationOptions): Simulation;
  /** Continue from a snapshot; without it, a seek backwards re-simulates from t = 0. */
  restoreSimulation?(scenario: Scenario, snapshot: SimulationSnapshot): Simulation;
  validateScenario(json: unknown): ValidationResult;
}
