/** The example scenarios (copied from shared/scenarios into src/scenarios) do what their README says. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { line } from '../testing/harness';
import { runScenario, validateScenario, type Trace } from '../index';
import { runCli } from '../../cli/runCli';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const read = (f: string) => readFileSync(dir + f, 'utf8');
function run(file: string): Trace {
  const v = validateScenario(JSON.parse(read(file)));
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return runScenario(v.scenario);
}
const lines = (t: Trace, types: string[]) => t.events.filter((e) => types.includes(e.type)).map(line);

describe('example: SQL Server FCI on three nodes', () => {
  const t = run('sql-fci-three-nodes.json');

  it('comes online providers-first on SQL-A: disk and IP in parallel, then the name, SQL Server, the agent', () => {
    expect(lines(t, ['resource.state']).filter((l) => Number(l.split(' ')[0]) < 60000)).toEqual([
      '0 Cluster Disk 1 Offline->OnlinePending',
      '0 SQL IP Address Offline->OnlinePending',
      '500 SQL IP Address OnlinePending->Online',
      '500 SQL Network Name Offline->OnlinePending',
      '2000 Cluster Disk 1 OnlinePending->Online',
      '2000 SQL Network Name OnlinePending->Online',
      '2000 SQL Server Offline->OnlinePending',
      '10000 SQL Server OnlinePending->Online',
      '10000 SQL Server Agent Offline->OnlinePending',
      '12000 SQL Server Agent OnlinePending->Online',
    ]);
  });

  it('SQL-A crashes at 60 s, is noticed at 70 s, and the group fails over to SQL-B, Online there, failoverCount 1', () => {
    expect(lines(t, ['node.state', 'group.owner'])).toEqual([
      '70000 node SQL-A Up->Down',
      '70000 owner SQL Server (MSSQLSERVER) SQL-A->SQL-B failover',
    ]);
    const g = t.final.groups['SQL Server (MSSQLSERVER)'];
    expect(g).toEqual({ state: 'Online', owner: 'SQL-B', failoverCount: 1 });
    expect(Object.values(t.final.resources).every((r) => r.state === 'Online' && r.node === 'SQL-B')).toBe(true);
    expect(t.final.nodes['SQL-A']).toEqual({ state: 'Down' });
    expect(t.final.quorum).toBe(true);
  });

  it('the CLI prints identical bytes on every run', () => {
    const a = runCli(['x.json'], () => read('sql-fci-three-nodes.json'));
    const b = runCli(['x.json'], () => read('sql-fci-three-nodes.json'));
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.format).toBe('failover-trace@1');
    expect(doc.until).toBe(600000);
    expect(doc.final.t).toBe(600000);
  });
});

describe('example: multi-site file server with an OR dependency', () => {
  const t = run('multi-site-file-server.json');

  it('FS IP Site1 fails at 30 s and stays Failed; FS Name stays Online through Site2; the group shows Failed', () => {
    const at30 = t.events.filter((e) => e.t === 30000 && e.type === 'resource.state').map(line);
    expect(at30).toEqual(['30000 FS IP Site1 Online->Failed']);
    expect(t.events.some((e) => e.type === 'group.state' && e.t === 30000 && e.to === 'Failed')).toBe(true);
  });

  it('at 90 s FS IP Site2 fails too: FS Name and File Server go Offline', () => {
    expect(t.events.filter((e) => e.t === 90000 && e.type === 'resource.state').map(line)).toEqual([
      '90000 FS IP Site2 Online->Failed',
      '90000 File Server Online->Offline',
      '90000 FS Name Online->Offline',
    ]);
    expect(t.final.resources['FS Name']!.state).toBe('Offline');
    expect(t.final.resources['File Server']!.state).toBe('Offline');
    expect(t.final.groups.FileServer!.state).toBe('Failed');
    expect(t.final.groups.FileServer!.owner).toBe('SITE1-N1');
  });
});

describe('example: restart, then failover', () => {
  const t = run('restart-then-failover.json');

  it('the first failing IsAlive restarts App Service 0.5 s later', () => {
    expect(
      lines(t, ['resource.state'])
        .filter((l) => l.includes('App Service'))
        .slice(2, 4),
    ).toEqual(['34000 App Service Online->Failed', '34500 App Service Failed->OnlinePending']);
  });

  it('fails over N1 → N2 → N3 and stays Failed on N3 at FailoverThreshold (3 nodes − 1 = 2)', () => {
    expect(lines(t, ['group.owner'])).toEqual(['52500 owner App N1->N2 failover', '90000 owner App N2->N3 failover']);
    expect(lines(t, ['policy']).filter((l) => l.includes('FailoverThresholdExceeded'))).toEqual([
      '126500 policy FailoverThresholdExceeded App',
    ]);
    expect(t.final.groups.App).toEqual({ state: 'Failed', owner: 'N3', failoverCount: 2 });
  });
});
