/** Test helpers for the validation tests (not used by the app). */
import type { Scenario, ValidationIssue } from '../model/scenario';
import { validateScenario } from './index';

/** Loosely typed JSON for tests that edit scenarios in place. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A small valid scenario, fresh on every call, for tests to break one thing in. */
export function baseScenario(): Json {
  return {
    format: 'failover-scenario@1',
    name: 'Base',
    nodes: [{ name: 'NODE1' }, { name: 'NODE2' }, { name: 'NODE3' }],
    groups: [
      {
        name: 'SQL',
        ownerNode: 'NODE1',
        preferredOwners: ['NODE1', 'NODE2'],
        resources: [
          { name: 'SQL Disk', type: 'Physical Disk' },
          { name: 'SQL IP', type: 'IP Address' },
          { name: 'SQL Name', type: 'Network Name', dependsOn: ['SQL IP'] },
          {
            name: 'SQL Server',
            type: 'SQL Server',
            dependsOn: '[SQL Name] and [SQL Disk]',
            possibleOwners: ['NODE1', 'NODE2'],
          },
        ],
      },
      { name: 'App', resources: [{ name: 'App Service', type: 'Generic Service' }] },
    ],
    script: [{ at: 60000, action: 'crashNode', node: 'NODE1' }],
  };
}

/** The issues of an invalid scenario (fails loudly if it is valid). */
export function issuesOf(json: unknown): ValidationIssue[] {
  const r = validateScenario(json);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
}

/** The scenario of a valid file (fails loudly with the issues if it is not). */
export function scenarioOf(json: unknown): Scenario {
  const r = validateScenario(json);
  if (!r.ok)
    throw new Error(`expected a valid scenario:\n${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.scenario;
}

/** The one issue of an invalid scenario, asserting there is exactly one. */
export function onlyIssue(json: unknown): ValidationIssue {
  const list = issuesOf(json);
  if (list.length !== 1)
    throw new Error(
      `expected one issue, got ${list.length}:\n${list.map((e) => `${e.path}: ${e.message}`).join('\n')}`,
    );
  return list[0]!;
}
