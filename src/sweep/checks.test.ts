import { evaluateChecks, formatCheckReport, validateChecks, type Check } from './checks';
import { twoGroups, valid } from './fixtures.testutil';
import { sweep } from './sweep';
import type { Template } from './templates';

const crash: Template[] = [{ action: 'crashNode' }];

function results(json: Record<string, unknown>, check: Check, templates: Template[] = crash) {
  const scenario = valid(json);
  const { details } = sweep({ scenario, ats: [60_000], templates });
  return evaluateChecks([check], details)[0]!;
}

const three = twoGroups({ nodes: 3 });
const one = twoGroups({ nodes: 1 });

describe('checks over a sweep: each kind passes and fails on scenarios built for it', () => {
  it('recoversWithin: three nodes recover in 7 s; one node never does', () => {
    const pass = results(three, { kind: 'recoversWithin', ms: 60_000 });
    expect(pass).toMatchObject({ passed: true, runs: 3, failures: [] });
    expect(pass.text).toBe('every group Online again within 1 min of any single failure');
    const tight = results(three, { kind: 'recoversWithin', ms: 5_000, groups: ['SQL'] });
    expect(tight.passed).toBe(false);
    expect(tight.failures).toEqual([
      { run: 0, at: 60_000, fault: { action: 'crashNode', node: 'N1' }, detail: 'SQL Online again only after 17 s' },
    ]);
    const fail = results(one, { kind: 'recoversWithin', ms: 60_000 });
    expect(fail.passed).toBe(false);
    expect(fail.failures[0]!.detail).toBe('SQL not Online at the end (Offline); SQL2 not Online at the end (Offline)');
  });

  it('maxDowntime: total downtime per group', () => {
    expect(results(three, { kind: 'maxDowntime', ms: 120_000, groups: ['SQL'] }).passed).toBe(true);
    const fail = results(three, { kind: 'maxDowntime', ms: 6_999 });
    expect(fail.failures.map((f) => f.detail)).toEqual(['SQL down 7 s', 'SQL2 down 7 s']);
    expect(fail.text).toBe('every group never down more than 6.999 s in total');
  });

  it('maxOutage: the longest single stretch, not the total', () => {
    // failResource of the server: restarted in place, a 5 s stretch. With its Online calls stalling
    // (scripted at 30 s), the restart hangs in OnlinePending until PendingTimeout (180 s).
    const t: Template[] = [{ action: 'failResource', resource: 'SQL Server' }];
    const ok = results(three, { kind: 'maxOutage', ms: 10_000 }, t);
    expect(ok).toMatchObject({ passed: true, runs: 1 });
    const stalling = {
      ...three,
      script: [{ at: 30_000, action: 'setOnline', resource: 'SQL Server', result: 'stall' }],
    };
    const r = results(stalling, { kind: 'maxOutage', ms: 10_000, groups: ['SQL'] }, t);
    expect(r.passed).toBe(false);
    expect(r.failures[0]!.detail).toMatch(/^SQL down \d.* at a stretch$/);
  });

  it('notSameNode: anti-affinity keeps SQL and SQL2 apart after a crash', () => {
    const check: Check = { kind: 'notSameNode', groups: ['SQL', 'SQL2'] };
    const clash = results(twoGroups({ nodes: 3, preferred: true }), check);
    expect(clash.passed).toBe(false);
    expect(clash.failures.map((f) => f.detail)).toEqual([
      'SQL and SQL2 both on N2 at the end',
      'SQL and SQL2 both on N1 at the end',
    ]);
    expect(results(twoGroups({ nodes: 3, preferred: true, anti: true }), check).passed).toBe(true);
  });

  it('endsIn: every group Online at the end', () => {
    expect(results(three, { kind: 'endsIn', state: 'Online' }).passed).toBe(true);
    expect(results(one, { kind: 'endsIn', state: 'Online' }).failures[0]!.detail).toBe(
      'SQL Offline at the end; SQL2 Offline at the end',
    );
  });

  it('faults limits the runs a check looks at', () => {
    const r = results(one, { kind: 'endsIn', state: 'Online', faults: ['failResource'] }, [
      { action: 'crashNode' },
      { action: 'failResource' },
    ]);
    expect(r).toMatchObject({ passed: true, runs: 4 });
  });

  it('says when a check had no run to look at', () => {
    const r = results(three, { kind: 'endsIn', state: 'Online', faults: ['failWitness'] });
    expect(formatCheckReport([r])).toBe('PASS  every group Online at the end (no run matched: nothing was checked)\n');
  });

  it('prints a CI report', () => {
    const scenario = valid(one);
    const { details } = sweep({ scenario, ats: [60_000], templates: crash });
    const report = formatCheckReport(
      evaluateChecks(
        [
          { kind: 'endsIn', state: 'Online', label: 'all back' },
          { kind: 'maxDowntime', ms: 3_600_000 },
        ],
        details,
      ),
    );
    expect(report).toBe(
      'FAIL  all back (1 runs, 1 failing)\n' +
        '      crash of N1 at 1 min: SQL Offline at the end; SQL2 Offline at the end\n' +
        'PASS  every group never down more than 1 h in total (1 runs)\n',
    );
  });
});

describe('check validation', () => {
  const scenario = valid(three);
  it.each([
    [[{ kind: 'nope' }], 'ui.checks[0].kind'],
    [[{ kind: 'maxDowntime', ms: -1 }], 'ui.checks[0].ms: not negative'],
    [[{ kind: 'maxDowntime', ms: 1, extra: 1 }], 'ui.checks[0]'],
    [[{ kind: 'notSameNode', groups: ['SQL'] }], 'ui.checks[0].groups: at least two groups'],
    [
      [{ kind: 'maxDowntime', ms: 1, groups: ['SQL 2'] }],
      'ui.checks[0].groups[0]: unknown group "SQL 2"; did you mean "SQL2"?',
    ],
    [
      [{ kind: 'endsIn', state: 'Online', faults: ['crashNod'] }],
      'ui.checks[0].faults[0]: unknown action "crashNod"; did you mean "crashNode"?',
    ],
    [{ kind: 'endsIn' }, 'ui.checks: an array of checks'],
  ])('%j is refused at its place', (value, message) => {
    const { checks, issues } = validateChecks(value, scenario);
    expect(checks).toEqual([]);
    expect(issues.map((i) => `${i.path}: ${i.message}`).join('\n')).toContain(message);
  });
  it('accepts every kind', () => {
    const all = [
      { kind: 'recoversWithin', ms: 60000 },
      { kind: 'maxDowntime', ms: 120000, groups: ['SQL'] },
      { kind: 'maxOutage', ms: 1 },
      { kind: 'notSameNode', groups: ['SQL', 'SQL2'], label: 'apart' },
      { kind: 'endsIn', state: 'Online', faults: ['crashNode'] },
    ];
    expect(validateChecks(all, scenario)).toEqual({ checks: all, issues: [] });
  });
});
