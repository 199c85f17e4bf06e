import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintScenario, type LintRuleId, type LintWarning } from './lint';
import { toScenario } from './testing';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A clean design: three nodes, one role with disk, IP, name and service. No warnings. */
const clean = (): Raw => ({
  format: 'failover-scenario@1',
  name: 'Clean',
  nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }],
  groups: [
    {
      name: 'App',
      preferredOwners: ['N1', 'N2'],
      resources: [
        { name: 'Disk', type: 'Physical Disk' },
        { name: 'IP', type: 'IP Address' },
        { name: 'Name', type: 'Network Name', dependsOn: ['IP'] },
        { name: 'Svc', type: 'Generic Service', dependsOn: ['Name', 'Disk'] },
      ],
    },
  ],
});

const lint = (raw: Raw) => lintScenario(toScenario(raw));
const only = (raw: Raw, id: LintRuleId) => lint(raw).filter((w) => w.id === id);

/** Applying the fix removes that warning, and the result still validates. */
function expectFixWorks(raw: Raw, w: LintWarning) {
  expect(w.fix).toBeDefined();
  const before = JSON.stringify(raw);
  const fixed = w.fix!.apply(raw) as Raw;
  expect(JSON.stringify(raw)).toBe(before); // input untouched
  const after = lintScenario(toScenario(fixed)); // toScenario throws if it no longer validates
  expect(after.filter((x) => x.id === w.id && x.subject === w.subject)).toEqual([]);
  return fixed;
}

describe('lintScenario', () => {
  it('is silent on a clean design', () => {
    expect(lint(clean())).toEqual([]);
  });

  describe('preferred-owner-not-possible', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].resources[3].possibleOwners = ['N1', 'N3'];
      return s;
    };
    it('fires for a preferred owner some resource refuses', () => {
      const w = only(bad(), 'preferred-owner-not-possible')[0]!;
      expect(w).toMatchObject({ path: 'groups[0].preferredOwners[1]', subject: 'App', severity: 'warning' });
      expect(w.message).toContain('"N2" is a preferred owner of group "App", but not a possible owner of "Svc"');
    });
    it('is silent when every resource accepts every preferred owner', () => {
      const s = clean();
      s.groups[0].resources[3].possibleOwners = ['N1', 'N2'];
      expect(only(s, 'preferred-owner-not-possible')).toEqual([]);
    });
    it('fix removes the preferred owner', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'preferred-owner-not-possible')[0]!);
      expect(fixed.groups[0].preferredOwners).toEqual(['N1']);
    });
  });

  describe('no-failover-target', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].preferredOwners = ['N1'];
      s.groups[0].resources[0].possibleOwners = ['N1', 'N2'];
      s.groups[0].resources[3].possibleOwners = ['N1', 'N3'];
      return s;
    };
    it('fires when fewer than two nodes can host every resource', () => {
      const w = only(bad(), 'no-failover-target')[0]!;
      expect(w).toMatchObject({ path: 'groups[0]', subject: 'App' });
      expect(w.message).toMatch(/^Only "N1" can host every resource of group "App"/);
    });
    it('fires on a one-node cluster, without a fix', () => {
      const s = clean();
      s.nodes = [{ name: 'N1' }];
      s.groups[0].preferredOwners = ['N1'];
      const w = only(s, 'no-failover-target')[0]!;
      expect(w.message).toContain('single node');
      expect(w.fix).toBeUndefined();
    });
    it('is silent when two nodes can host the group', () => {
      const s = clean();
      s.groups[0].resources[3].possibleOwners = ['N1', 'N2'];
      expect(only(s, 'no-failover-target')).toEqual([]);
    });
    it('fix adds a node to the restricting possible-owner lists', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'no-failover-target')[0]!);
      expect(fixed.groups[0].resources[0].possibleOwners).toEqual(['N1', 'N2']);
      expect(fixed.groups[0].resources[3].possibleOwners).toEqual(['N1', 'N3', 'N2']);
    });
  });

  describe('failover-threshold-zero', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].properties = { FailoverThreshold: 0 };
      return s;
    };
    it('fires on FailoverThreshold 0', () => {
      expect(only(bad(), 'failover-threshold-zero')[0]).toMatchObject({
        path: 'groups[0].properties.FailoverThreshold',
        subject: 'App',
      });
    });
    it('is silent on 1', () => {
      const s = clean();
      s.groups[0].properties = { FailoverThreshold: 1 };
      expect(only(s, 'failover-threshold-zero')).toEqual([]);
    });
    it('fix restores the default', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'failover-threshold-zero')[0]!);
      expect(fixed.groups[0].properties).toBeUndefined();
    });
  });

  describe('restart-action-zero-provider', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].resources[0].properties = { RestartAction: 0 };
      return s;
    };
    it('fires on a never-restarted provider', () => {
      const w = only(bad(), 'restart-action-zero-provider')[0]!;
      expect(w).toMatchObject({ path: 'groups[0].resources[0].properties.RestartAction', subject: 'Disk' });
      expect(w.message).toContain('"Svc" depends on it');
    });
    it('is silent on a resource nothing depends on', () => {
      const s = clean();
      s.groups[0].resources[3].properties = { RestartAction: 0 };
      expect(only(s, 'restart-action-zero-provider')).toEqual([]);
    });
    it('fix sets RestartAction 1', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'restart-action-zero-provider')[0]!);
      expect(fixed.groups[0].resources[0].properties).toEqual({ RestartAction: 1 });
    });
  });

  describe('pending-above-deadlock', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].resources[3].properties = { PendingTimeout: 400000 };
      return s;
    };
    it('fires when PendingTimeout exceeds DeadlockTimeout', () => {
      expect(only(bad(), 'pending-above-deadlock')[0]).toMatchObject({
        path: 'groups[0].resources[3].properties.PendingTimeout',
        subject: 'Svc',
      });
    });
    it('is silent when equal', () => {
      const s = clean();
      s.groups[0].resources[3].properties = { PendingTimeout: 300000 };
      expect(only(s, 'pending-above-deadlock')).toEqual([]);
    });
    it('fix lowers PendingTimeout to DeadlockTimeout', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'pending-above-deadlock')[0]!);
      expect(fixed.groups[0].resources[3].properties.PendingTimeout).toBe(300000);
    });
  });

  describe('isalive-shorter-than-looksalive', () => {
    const bad = () => {
      const s = clean();
      s.groups[0].resources[3].properties = { LooksAlivePollInterval: 60000, IsAlivePollInterval: 5000 };
      return s;
    };
    it('fires when IsAlive runs more often than LooksAlive (also against the default LooksAlive)', () => {
      expect(only(bad(), 'isalive-shorter-than-looksalive')[0]).toMatchObject({ subject: 'Svc' });
      const s = clean();
      s.groups[0].resources[3].properties = { IsAlivePollInterval: 1000 };
      expect(only(s, 'isalive-shorter-than-looksalive')).toHaveLength(1);
    });
    it('is silent with the defaults and with the type-value sentinel', () => {
      const s = clean();
      s.groups[0].resources[3].properties = { LooksAlivePollInterval: 4294967295, IsAlivePollInterval: 4294967295 };
      expect(only(s, 'isalive-shorter-than-looksalive')).toEqual([]);
    });
    it('fix swaps the two intervals', () => {
      const s = bad();
      const fixed = expectFixWorks(s, only(s, 'isalive-shorter-than-looksalive')[0]!);
      expect(fixed.groups[0].resources[3].properties).toEqual({
        LooksAlivePollInterval: 5000,
        IsAlivePollInterval: 60000,
      });
    });
  });

  describe('network-name-without-ip', () => {
    it('fires on a name with no IP provider and is silent with an OR of IPs', () => {
      const s = clean();
      delete s.groups[0].resources[2].dependsOn;
      expect(only(s, 'network-name-without-ip')[0]).toMatchObject({
        path: 'groups[0].resources[2].dependsOn',
        subject: 'Name',
      });
      const ok = clean();
      ok.groups[0].resources.splice(2, 0, { name: 'IP2', type: 'IP Address' });
      ok.groups[0].resources[3].dependsOn = '[IP] or [IP2]';
      expect(only(ok, 'network-name-without-ip')).toEqual([]);
    });
    it("fix adds an OR dependency on the group's IP addresses", () => {
      const s = clean();
      s.groups[0].resources.splice(2, 0, { name: 'IP2', type: 'IP Address' });
      s.groups[0].resources[3].dependsOn = ['Disk'];
      const fixed = expectFixWorks(s, only(s, 'network-name-without-ip')[0]!);
      expect(fixed.groups[0].resources[3].dependsOn).toBe('[Disk] and ([IP] or [IP2])');
    });
    it('fix adds an IP Address when the group has none', () => {
      const s = clean();
      s.groups[0].resources.splice(1, 1);
      s.groups[0].resources[1].name = 'Name';
      delete s.groups[0].resources[1].dependsOn;
      const w = only(s, 'network-name-without-ip')[0]!;
      expect(w.fix!.label).toBe('Add an IP Address "Name IP" and make "Name" depend on it');
      const fixed = expectFixWorks(s, w);
      expect(fixed.groups[0].resources.map((r: Raw) => r.name)).toEqual(['Disk', 'Name IP', 'Name', 'Svc']);
      expect(fixed.groups[0].resources[2].dependsOn).toEqual(['Name IP']);
    });
    it('the added IP Address may share its name with a group or node (names are unique within a kind)', () => {
      const s = clean();
      s.groups[0].resources.splice(1, 1);
      s.groups[0].resources[1].name = 'Name';
      delete s.groups[0].resources[1].dependsOn;
      s.groups[0].name = 'Name IP';
      const w = only(s, 'network-name-without-ip')[0]!;
      expect(w.fix!.label).toBe('Add an IP Address "Name IP" and make "Name" depend on it');
    });
  });

  describe('failback-without-preferred-owners', () => {
    const bad = () => {
      const s = clean();
      delete s.groups[0].preferredOwners;
      s.groups[0].properties = { AutoFailbackType: 1 };
      return s;
    };
    it('fires with no preferred owners', () => {
      expect(only(bad(), 'failback-without-preferred-owners')[0]).toMatchObject({
        path: 'groups[0].properties.AutoFailbackType',
      });
    });
    it('is silent with preferred owners', () => {
      const s = clean();
      s.groups[0].properties = { AutoFailbackType: 1 };
      expect(only(s, 'failback-without-preferred-owners')).toEqual([]);
    });
    it('fix turns failback off', () => {
      const s = bad();
      expect(expectFixWorks(s, only(s, 'failback-without-preferred-owners')[0]!).groups[0].properties).toBeUndefined();
    });
  });

  describe('even-votes-no-witness', () => {
    const bad = () => {
      const s = clean();
      s.nodes = [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }];
      return s;
    };
    it('fires on four voting nodes without a witness', () => {
      expect(only(bad(), 'even-votes-no-witness')[0]).toMatchObject({
        path: 'cluster.quorum.witness',
        subject: 'cluster',
      });
    });
    it('is silent with a witness, or when a zero-weight node makes the votes odd', () => {
      const w = bad();
      w.cluster = { quorum: { witness: 'disk' } };
      expect(only(w, 'even-votes-no-witness')).toEqual([]);
      const z = bad();
      z.nodes[3].properties = { NodeWeight: 0 };
      expect(only(z, 'even-votes-no-witness')).toEqual([]);
    });
    it('fix adds a file share witness', () => {
      const s = bad();
      expect(expectFixWorks(s, only(s, 'even-votes-no-witness')[0]!).cluster).toEqual({
        quorum: { witness: 'fileShare' },
      });
    });
  });

  describe('anti-affinity-overcommitted', () => {
    const withGroups = (n: number): Raw => {
      const s = clean();
      for (let i = 0; i < n; i++)
        s.groups.push({ name: `VM${i}`, properties: { AntiAffinityClassNames: ['DC'] }, resources: [] });
      return s;
    };
    it('fires when more groups share a class than there are nodes', () => {
      const w = only(withGroups(4), 'anti-affinity-overcommitted')[0]!;
      expect(w).toMatchObject({ subject: 'DC', path: 'groups[1].properties.AntiAffinityClassNames' });
      expect(w.fix).toBeUndefined();
    });
    it('is silent when there are enough nodes', () => {
      expect(only(withGroups(3), 'anti-affinity-overcommitted')).toEqual([]);
    });
  });

  it('on the shipped examples: the multi-site file server never restarts the IPs its name depends on', () => {
    const ids = lint(JSON.parse(readFileSync(join(__dirname, '../scenarios/multi-site-file-server.json'), 'utf8'))).map(
      (w) => `${w.id}:${w.subject}`,
    );
    expect(ids).toEqual(['restart-action-zero-provider:FS IP Site1', 'restart-action-zero-provider:FS IP Site2']);
  });
});
