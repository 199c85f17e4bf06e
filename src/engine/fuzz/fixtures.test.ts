/**
 * Sanity check of the checker against real wrong traces: the engine repro fixtures
 * (../shared/fixtures/engine, README maps each to its rule) with the trace the engine on `main`
 * printed for them before the §4.8 fixes, recorded in __fixtures__. The recorded traces are data,
 * so this test does not depend on the engine being buggy or fixed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateScenario, type Trace } from '../index';
import { checkTrace } from './checker';

const cases: [string, string, string][] = [
  ['amb01', 'persistent-offline group on node loss: no FailoverStarted', '§4.8 persistent-offline group on node loss'],
  [
    'amb02',
    'a group failed over onto a crashed node still gets its Online call there',
    '§4.5 a group comes online on its new owner',
  ],
  ['bug01', 'health checks on a crashed, undetected node', '§4.8 a crashed node runs nothing before detection'],
  ['bug02', 'an Offline call into a crashed node completes', '§4.8 a crashed node runs nothing before detection'],
  ['bug03', 'a hung call forgotten after a takedown: no recycle', '§4.3 deadlock recycle'],
  ['bug04', 'signalFailure runs a second IsAlive while one is hung', '§4.2 health check timing'],
  ['bug05', 'a hang fault that followed the resource never hangs a check on the new node', '§4.2 health check timing'],
  ['bug06', 'a recycle on a Down node', '§4.8 no recycle on a Down node'],
  ['bug07', 'failures of one instant decided one by one', '§4.5 failover'],
  ['bug08', 'no NoTargetNode after QuorumRegained', '§4.7 groups return after QuorumRegained'],
  ['bug09', 'a waiting group placed with no FailoverStarted', '§4.8 a group waiting for a target'],
  ['bug10', 'onlineResource applied for an Offline group on a Paused node', '§4.8 paused nodes'],
  ['bug11', 'no quorum.vote for the witness returning', '§4.7 quorum'],
  ['bug12', 'a failback to a node ranked below the owner', '§4.6 failback rank'],
  ['bug14', '__proto__ missing from final', '§4.8 names are data'],
];

describe('the checker flags the engine repro fixtures (recorded wrong traces)', () => {
  it.each(cases)('%s: %s', (file, _what, rule) => {
    const path = fileURLToPath(new URL(`./__fixtures__/${file}.json`, import.meta.url));
    const { scenario, trace } = JSON.parse(readFileSync(path, 'utf8')) as { scenario: unknown; trace: Trace };
    const v = validateScenario(scenario);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const rules = checkTrace(v.scenario, trace).map((x) => x.rule);
    expect(rules).toContain(rule);
  });
});
