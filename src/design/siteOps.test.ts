import {
  moveGroupPreferredSite,
  renameSite,
  setFunctionalLevel,
  setGroupPreferredSites,
  setNodeSite,
  setSiteClusterProperty,
  toggleGroupPreferredSite,
} from './siteOps';
import { validateScenario } from './engineDeps';
import type { Dict, NetEdit } from './netRaw';

const base = (level?: string): Dict => ({
  format: 'failover-scenario@1',
  ...(level ? { cluster: { functionalLevel: level } } : {}),
  networks: [{ name: 'LAN' }],
  nodes: [{ name: 'N1' }, { name: 'N2' }, { name: 'N3' }, { name: 'N4' }],
  groups: [{ name: 'SQL', resources: [] }],
});
function applied(r: NetEdit<Dict>): Dict {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.raw;
}
function reason(r: NetEdit<Dict>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}
function twoSites(): Dict {
  let raw = base('2016');
  for (const [n, s] of [
    ['N1', 'NYC'],
    ['N2', 'NYC'],
    ['N3', 'SEA'],
    ['N4', 'SEA'],
  ] as const)
    raw = applied(setNodeSite(raw, n, s));
  return raw;
}

describe('functional level', () => {
  it('sets and clears cluster.functionalLevel', () => {
    const raw = applied(setFunctionalLevel(base(), '2019'));
    expect(raw.cluster).toEqual({ functionalLevel: '2019' });
    expect(applied(setFunctionalLevel(raw, undefined)).cluster).toBeUndefined();
  });

  it('refuses a level without sites while the design uses sites, naming what uses them', () => {
    expect(reason(setFunctionalLevel(twoSites(), '2012R2'))).toBe(
      'the design uses 4 node sites, which need cluster functional level 2016 or 2019; remove them first, or choose 2016 or 2019',
    );
  });
});

describe('sites', () => {
  it('needs level 2016/2019', () => {
    expect(reason(setNodeSite(base(), 'N1', 'NYC'))).toMatch(/^sites need cluster functional level 2016 or 2019/);
    expect(reason(setNodeSite(base('2012R2'), 'N1', 'NYC'))).toMatch(/^sites need/);
  });

  it('says how many nodes still lack a site; the result validates once all have one', () => {
    const r = setNodeSite(base('2016'), 'N1', 'NYC');
    expect(r.ok && r.message).toBe(
      'Node "N1" is in site "NYC" (every node needs a site once one has: 3 still without)',
    );
    expect(validateScenario(twoSites()).ok).toBe(true);
  });

  it('refuses a site that differs only in letter case from another', () => {
    const raw = applied(setNodeSite(base('2016'), 'N1', 'NYC'));
    expect(reason(setNodeSite(raw, 'N2', 'nyc'))).toMatch(/differs only in letter case from site "NYC"/);
  });

  it('refuses removing the last node of a site that a PreferredSite names', () => {
    let raw = twoSites();
    raw = applied(setGroupPreferredSites(raw, 'SQL', ['SEA']));
    raw = applied(setNodeSite(raw, 'N3', ''));
    expect(reason(setNodeSite(raw, 'N4', ''))).toMatch(/site "SEA", which group "SQL" names/);
  });

  it('rename follows into the cluster and group PreferredSite', () => {
    let raw = twoSites();
    raw = applied(setSiteClusterProperty(raw, 'PreferredSite', 'NYC'));
    raw = applied(setGroupPreferredSites(raw, 'SQL', ['SEA', 'NYC']));
    raw = applied(renameSite(raw, 'NYC', 'New York'));
    expect((raw.nodes as Dict[]).map((n) => n.site)).toEqual(['New York', 'New York', 'SEA', 'SEA']);
    expect(((raw.cluster as Dict).properties as Dict).PreferredSite).toBe('New York');
    expect(((raw.groups as Dict[])[0]!.properties as Dict).PreferredSite).toEqual(['SEA', 'New York']);
    expect(reason(renameSite(raw, 'SEA', 'new york'))).toMatch(/letter case/);
  });
});

describe('cluster properties of sites and quorum priority', () => {
  it('PreferredSite must be a site of some node', () => {
    expect(reason(setSiteClusterProperty(twoSites(), 'PreferredSite', 'LA'))).toMatch(/must be a site of some node/);
    expect(reason(setSiteClusterProperty(base('2016'), 'PreferredSite', 'LA'))).toMatch(/no node has a site yet/);
  });

  it('LowerQuorumPriorityNodeId is 0 or a node ID, at any level', () => {
    expect(reason(setSiteClusterProperty(base(), 'LowerQuorumPriorityNodeId', 5))).toMatch(/from 1 to 4/);
    const raw = applied(setSiteClusterProperty(base(), 'LowerQuorumPriorityNodeId', 4));
    expect(raw.cluster).toEqual({ properties: { LowerQuorumPriorityNodeId: 4 } });
    expect(applied(setSiteClusterProperty(raw, 'LowerQuorumPriorityNodeId', undefined)).cluster).toBeUndefined();
  });

  it('CrossSite properties: level 2016+, in range', () => {
    expect(reason(setSiteClusterProperty(base(), 'CrossSiteDelay', 1000))).toMatch(/needs cluster functional level/);
    expect(reason(setSiteClusterProperty(base('2019'), 'CrossSiteThreshold', 2))).toBe(
      'CrossSiteThreshold is an integer from 3 to 120, not 2',
    );
    const raw = applied(setSiteClusterProperty(base('2019'), 'CrossSiteDelay', 2000));
    expect(validateScenario(raw).ok).toBe(true);
  });
});

describe('group PreferredSite (ordered)', () => {
  it('toggles and reorders, refusing unknown sites', () => {
    let raw = twoSites();
    raw = applied(toggleGroupPreferredSite(raw, 'SQL', 'NYC'));
    raw = applied(toggleGroupPreferredSite(raw, 'SQL', 'SEA'));
    raw = applied(moveGroupPreferredSite(raw, 'SQL', 'SEA', -1));
    expect(((raw.groups as Dict[])[0]!.properties as Dict).PreferredSite).toEqual(['SEA', 'NYC']);
    expect(validateScenario(raw).ok).toBe(true);
    raw = applied(toggleGroupPreferredSite(raw, 'SQL', 'SEA'));
    raw = applied(toggleGroupPreferredSite(raw, 'SQL', 'NYC'));
    expect((raw.groups as Dict[])[0]!.properties).toBeUndefined();
    expect(reason(setGroupPreferredSites(twoSites(), 'SQL', ['LA']))).toBe('no node is in site "LA"');
    expect(reason(setGroupPreferredSites(twoSites(), 'SQL', ['SEA', 'SEA']))).toMatch(/twice/);
  });
});
