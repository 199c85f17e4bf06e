/** Test support for src/design: raw scenario JSON → the validated Scenario (throws on errors). */
import type { Scenario } from '../engine';
import { validateScenario } from './engineDeps';

export function toScenario(raw: unknown): Scenario {
  const r = validateScenario(raw);
  if (!r.ok) throw new Error(`invalid scenario:\n${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.scenario;
}
