import { runSweepCli } from './runSweepCli';
import { twoGroups, twoSites } from '../sweep/fixtures.testutil';

const files: Record<string, string> = {
  'two.json': JSON.stringify(twoGroups({ nodes: 3 })),
  'witness.json': JSON.stringify({ ...twoGroups({ nodes: 3 }), cluster: { quorum: { witness: 'disk' } } }),
  'short.json': JSON.stringify(twoGroups({ nodes: 2, until: 30_000 })),
  'sites.json': JSON.stringify(twoSites()),
  'bad.json': JSON.stringify({ format: 'failover-scenario@1', nodes: [{ name: 'A' }, { name: 'a' }] }),
};
const read = (path: string) => {
  if (!(path in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return files[path]!;
};
const run = (...args: string[]) => runSweepCli(args, read);

describe('npm run sweep (sweep-format.md §1, §3)', () => {
  it('prints the document with the default templates and instant', () => {
    const r = run('two.json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('failover-sweep@1');
    expect(doc.scenario).toBe('two SQL instances');
    expect(doc.until).toBe(600_000);
    expect(doc.baseline).toEqual([
      {
        at: 60_000,
        groups: {
          SQL: { downMs: 0, state: 'Online', owner: 'N1', failoverCount: 0 },
          SQL2: { downMs: 0, state: 'Online', owner: 'N2', failoverCount: 0 },
        },
      },
    ]);
    // 3 nodes + 4 resources + 4 resources, in template order then file order.
    expect(doc.runs.map((x: { fault: unknown }) => x.fault)).toEqual([
      { action: 'crashNode', node: 'N1' },
      { action: 'crashNode', node: 'N2' },
      { action: 'crashNode', node: 'N3' },
      ...['SQL Disk', 'SQL Server', 'SQL2 Disk', 'SQL2 Server'].map((resource) => ({
        action: 'failResource',
        resource,
      })),
      ...['SQL Disk', 'SQL Server', 'SQL2 Disk', 'SQL2 Server'].map((resource) => ({
        action: 'setHealth',
        resource,
        isAlive: 'hang',
      })),
    ]);
    // Crash of N1: the group stays Online in the trace until the cluster notices (10 s later), then
    // fails over to a seeded-random node (no preferred owners) in 7 s (disk 2 s + server 5 s).
    expect(doc.runs[0].applied).toBe(true);
    expect(doc.runs[0]).not.toHaveProperty('reason');
    expect(doc.runs[0].groups.SQL).toEqual({ downMs: 7_000, state: 'Online', owner: 'N3', failoverCount: 1 });
    expect(doc.runs[0].groups.SQL2).toEqual({ downMs: 0, state: 'Online', owner: 'N2', failoverCount: 0 });
    // Crash of N3 (hosting nothing) costs nothing.
    expect(doc.runs[2].groups.SQL.downMs + doc.runs[2].groups.SQL2.downMs).toBe(0);
  });

  it('expands the network action templates over a scenario in network mode (sweep-format.md §1)', () => {
    const r = run(
      'sites.json',
      '--fault',
      '{"action":"stopNode"}',
      '--fault',
      '{"action":"failNetwork"}',
      '--fault',
      '{"action":"failInterface","node":"N3"}',
      '--fault',
      '{"action":"partition","witness":[1]}',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.runs.map((x: { fault: unknown }) => x.fault)).toEqual([
      ...['N1', 'N2', 'N3', 'N4'].map((node) => ({ action: 'stopNode', node })),
      ...['SEA-LAN', 'NYC-LAN', 'HB'].map((network) => ({ action: 'failNetwork', network })),
      { action: 'failInterface', node: 'N3', network: 'NYC-LAN' },
      { action: 'failInterface', node: 'N3', network: 'HB' },
      ...['N1', 'N2', 'N3', 'N4'].map((n) => ({
        action: 'partition',
        sides: [[n], ['N1', 'N2', 'N3', 'N4'].filter((x) => x !== n)],
        witness: [1],
      })),
    ]);
  });

  it('what every single network failure does to the two-site design (the engine in network mode)', () => {
    const r = run(
      'sites.json',
      '--fault',
      '{"action":"stopNode","node":"N1"}',
      '--fault',
      '{"action":"failNetwork"}',
      '--fault',
      '{"action":"failInterface","node":"N1"}',
      '--fault',
      '{"action":"partition","witness":[0]}',
    );
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const outcome = (i: number) => {
      const g = doc.runs[i].groups;
      return `${doc.runs[i].applied ? '' : 'refused '}SQL ${g.SQL.state}@${g.SQL.owner} ${g.SQL.downMs} · App ${g.App.state}@${g.App.owner} ${g.App.downMs}`;
    };
    expect(doc.runs.map((_: unknown, i: number) => outcome(i))).toEqual([
      // A graceful stop drains SQL to N1's site partner: offline 1.7 s, online 3.5 s, not a failover.
      'SQL Online@N2 5200 · App Online@N3 0',
      // Seattle's subnet fails: IP-SEA fails on N1 and N2 alike; same site first keeps SQL in Seattle
      // until FailoverThreshold (3) is spent, and it ends Failed: the design's weak spot.
      'SQL Failed@N2 540000 · App Online@N3 0',
      // New York's subnet carries no IP of App: nothing happens.
      'SQL Online@N1 0 · App Online@N3 0',
      // The heartbeat network is the only link between the sites: a 2–2 split, both reach the cloud
      // witness, the lowest ID's side (Seattle) wins and App fails over to N1.
      'SQL Online@N1 0 · App Online@N1 1000',
      // N1's public interface: IP-SEA fails and cannot restart there; SQL fails over to N2.
      'SQL Online@N2 4500 · App Online@N3 0',
      // N1's heartbeat interface: N1 keeps no route to New York and is pruned by the regroup.
      'SQL Online@N2 3500 · App Online@N3 0',
      // One node cut off (even with the witness on its side): the other three win.
      'SQL Online@N2 3500 · App Online@N3 0',
      'SQL Online@N1 0 · App Online@N3 0',
      'SQL Online@N1 0 · App Online@N4 1000',
      'SQL Online@N1 0 · App Online@N3 0',
    ]);
    expect(doc.runs[1].groups.SQL.failoverCount).toBe(3);
    expect(doc.runs[0].groups.SQL.failoverCount).toBe(0);
  });

  it('a stopNode template needs no networks', () => {
    const r = run('two.json', '--fault', '{"action":"stopNode"}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs.map((x: { fault: unknown }) => x.fault)).toEqual(
      ['N1', 'N2', 'N3'].map((node) => ({ action: 'stopNode', node })),
    );
  });

  it('runs every instant in the order given, a repeated instant once', () => {
    const doc = JSON.parse(
      run('two.json', '--at', '120000,0,120000', '--fault', '{"action":"crashNode","node":"N2"}').stdout,
    );
    expect(doc.baseline.map((b: { at: number }) => b.at)).toEqual([120_000, 0]);
    expect(doc.runs.map((x: { at: number }) => x.at)).toEqual([120_000, 0]);
    // At 0 the groups are still coming online: the 7 s start counts as downtime from 0.
    expect(doc.baseline[1].groups.SQL.downMs).toBe(7_000);
  });

  it('marks a rejected fault with its reason', () => {
    const doc = JSON.parse(run('two.json', '--fault', '{"action":"moveGroup","node":"N1"}').stdout);
    expect(doc.runs).toHaveLength(2);
    expect(doc.runs[0]).toMatchObject({ fault: { action: 'moveGroup', group: 'SQL', node: 'N1' }, applied: false });
    expect(doc.runs[0].reason).toMatch(/N1/);
    expect(doc.runs[1]).toMatchObject({ fault: { action: 'moveGroup', group: 'SQL2', node: 'N1' }, applied: true });
  });

  it('expands witness actions only when a witness is configured', () => {
    expect(JSON.parse(run('two.json', '--fault', '{"action":"failWitness"}').stdout).runs).toEqual([]);
    const doc = JSON.parse(run('witness.json', '--fault', '{"action":"failWitness"}').stdout);
    expect(doc.runs.map((x: { fault: unknown }) => x.fault)).toEqual([{ action: 'failWitness' }]);
  });

  it('--shard K/N: the slices concatenate to the whole', () => {
    const whole = JSON.parse(run('two.json').stdout);
    const parts = [1, 2, 3].map((k) => JSON.parse(run('two.json', '--shard', `${k}/3`).stdout));
    expect(parts.flatMap((p) => p.runs)).toEqual(whole.runs);
    expect(parts.map((p) => p.shard)).toEqual([
      { k: 1, n: 3, from: 0, to: 3, total: 11 },
      { k: 2, n: 3, from: 3, to: 7, total: 11 },
      { k: 3, n: 3, from: 7, to: 11, total: 11 },
    ]);
  });

  it.each([
    [['two.json', '--bogus'], '--bogus: unknown option'],
    [['two.json', '--at'], '--at: expects a value'],
    [['two.json', '--shard', '4/3'], '--shard: expected K/N with 1 ≤ K ≤ N'],
    [['two.json', '--shard', '0/3'], '--shard: expected K/N'],
    [['two.json', '--at', '1,x'], '--at[1]: expected a whole number of milliseconds, got "x"'],
    [['two.json', '--at', '-5'], '--at: expected a whole number of milliseconds, got "-5"'],
    [['two.json', '--at', '700000'], '--at: 700000 is after the end of the run: the scenario runs until 600000'],
    [['short.json'], '--at (default): 60000 is after the end of the run: the scenario runs until 30000'],
    [['two.json', '--fault', '{nope'], '--fault[0]: not valid JSON'],
    [['two.json', '--fault', '[1]'], '--fault[0]: a fault template must be a JSON object'],
    [['two.json', '--fault', '{"action":"crashNode","at":5}'], '--fault[0].at: a fault template has no "at"'],
    [['two.json', '--fault', '{"action":"crashNod"}'], '--fault[0].action: '],
    [
      ['two.json', '--fault', '{"action":"crashNode","node":"N9"}'],
      '--fault[0].node: script action "crashNode" at 60000 names unknown node "N9"',
    ],
    [['two.json', '--fault', '{"action":"setHealth","isAlive":"maybe"}'], '--fault[0].isAlive: '],
    [['two.json', '--fault', '{"action":"setOnline"}'], '--fault[0].result: '],
    [
      ['two.json', '--fault', '{"action":"crashNode"}', '--fault', '{"action":"partition"}'],
      '--fault[1].action: script action "partition" at 60000 needs "networks" to be declared',
    ],
    [
      ['two.json', '--fault', '{"action":"failNetwork"}'],
      '--fault[0].action: script action "failNetwork" at 60000 needs "networks" to be declared',
    ],
    [
      ['sites.json', '--fault', '{"action":"partition","sides":[["N1"],["N2"]]}'],
      '--fault[0].sides: script action "partition" at 60000 must list every node exactly once, but nodes "N3" and "N4" are missing',
    ],
    [
      ['sites.json', '--fault', '{"action":"failInterface","node":"N1","network":"NYC-LAN"}'],
      '--fault[0].network: script action "failInterface" at 60000 names node "N1", which has no interface on network "NYC-LAN"',
    ],
    [
      ['sites.json', '--fault', '{"action":"failNetwork","network":"Pub"}'],
      '--fault[0].network: script action "failNetwork" at 60000 names unknown network "Pub"',
    ],
    [['missing.json'], 'missing.json: cannot read the file (ENOENT)'],
    [['bad.json'], 'bad.json: invalid scenario\nnodes[1].name'],
    [[], 'FILE: no scenario file given'],
  ])('%j exits 2 with a path: message line', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('--check and npm run check (CI)', () => {
  const withChecks = (checks: unknown, nodes = 3) => JSON.stringify(twoGroups({ nodes, ui: { checks } }));
  const files2: Record<string, string> = {
    'pass.json': withChecks([{ kind: 'endsIn', state: 'Online', faults: ['crashNode'] }]),
    'fail.json': withChecks([{ kind: 'endsIn', state: 'Online' }], 1),
    'badcheck.json': withChecks([{ kind: 'maxDowntime' }]),
    'none.json': JSON.stringify(twoGroups({ nodes: 3 })),
  };
  const run2 = (text: boolean, ...args: string[]) => runSweepCli(args, (p) => files2[p]!, text);

  it('exit 0 and a checks field when every check passes', () => {
    const r = run2(false, 'pass.json', '--check');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.checks).toEqual([
      { index: 0, text: 'every group Online at the end', passed: true, runs: 3, failures: [] },
    ]);
  });

  it('exit 1 with the failing runs when a check fails; the text report for npm run check', () => {
    expect(run2(false, 'fail.json', '--check').code).toBe(1);
    const r = run2(true, 'fail.json', '--check', '--fault', '{"action":"crashNode"}');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'FAIL  every group Online at the end (1 runs, 1 failing)\n' +
        '      crash of N1 at 1 min: SQL Offline at the end; SQL2 Offline at the end\n',
    );
  });

  it('exit 2 for invalid checks or none at all, before any run', () => {
    expect(run2(true, 'badcheck.json', '--check')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ui.checks[0].ms: '),
    });
    expect(run2(true, 'none.json', '--check')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ui.checks: the scenario has no checks'),
    });
  });
});
