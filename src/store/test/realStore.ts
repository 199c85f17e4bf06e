/** Stores driven by the real engine over the shipped examples (the branch and script tests need real re-simulation). */
import { createSimulation, validateScenario, type Scenario } from '../../engine';
import { createAppStore } from '../createAppStore';
import type { EngineApi } from '../types';

export const realEngine: EngineApi = { createSimulation, validateScenario };

import sql from '../../scenarios/sql-fci-three-nodes.json';
import sick from '../../scenarios/restart-then-failover.json';

// Copies: a test must not change the shared module objects.
export const SQL_SOURCE: unknown = structuredClone(sql);
export const SICK_SOURCE: unknown = structuredClone(sick);
export const SQL_GROUP = 'SQL Server (MSSQLSERVER)';

export function realStore(source: unknown = SQL_SOURCE, engine: EngineApi = realEngine) {
  return createAppStore({ engine }, source);
}

/**
 * A group and a resource named alike (role `FS1` holding Network Name `FS1`, scenario-format §1
 * as amended). Built by renaming after validation, so it does not depend on the validator's
 * acceptance of such names; the engine itself runs it.
 */
export function clashScenario(): { source: unknown; scenario: Scenario } {
  const source = {
    format: 'failover-scenario@1',
    name: 'Clash',
    seed: 1,
    until: 600000,
    nodes: [{ name: 'N1' }, { name: 'N2' }],
    groups: [
      {
        name: 'FS1 role',
        resources: [
          { name: 'FS1', type: 'Network Name', dependsOn: ['FS1 IP'] },
          { name: 'FS1 IP', type: 'IP Address' },
        ],
      },
    ],
    script: [],
  };
  const v = validateScenario(source);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const scenario = structuredClone(v.scenario);
  scenario.groups[0]!.name = 'FS1';
  for (const r of scenario.groups[0]!.resources) r.group = 'FS1';
  const renamed = structuredClone(source);
  renamed.groups[0]!.name = 'FS1';
  return { source: renamed, scenario };
}

export function clashStore() {
  const { source, scenario } = clashScenario();
  // The validator (until the amended §1 lands) would refuse the clash: hand the store the scenario.
  const engine: EngineApi = { createSimulation, validateScenario: () => ({ ok: true, scenario }) };
  return createAppStore({ engine }, source, scenario);
}
