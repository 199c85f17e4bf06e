/** The one place the app binds to the real engine (tests inject a fake EngineApi instead). */
import { createSimulation, restoreSimulation, validateScenario } from '../engine';
import type { EngineApi } from '../store/types';

export const engine: EngineApi = { createSimulation, restoreSimulation, validateScenario };
