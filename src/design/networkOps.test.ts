import {
  addNetwork,
  deleteNetwork,
  nextNetworkName,
  renameNetwork,
  setInterface,
  setIpParameter,
  setNetworkRole,
  setNetworkRouted,
  setNetworkSubnet,
} from './networkOps';
import { validateScenario } from './engineDeps';
import type { Dict, NetEdit } from './netRaw';

const base = (): Dict => ({
  format: 'failover-scenario@1',
  name: 'Net',
  networks: [{ name: 'Public' }, { name: 'HB', role: 'cluster' }],
  nodes: [{ name: 'N1' }, { name: 'N2', interfaces: ['Public', 'HB'] }],
  groups: [
    {
      name: 'G',
      resources: [
        { name: 'IP1', type: 'IP Address', parameters: { Network: 'Public', Address: '10.0.0.5' } },
        { name: 'Svc', type: 'Generic Service', dependsOn: ['IP1'] },
      ],
    },
  ],
  script: [{ at: 1000, action: 'failNetwork', network: 'HB' }],
});

function applied(r: NetEdit<Dict>): Dict {
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.raw;
}
function reason(r: NetEdit<Dict>): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.reason;
}

describe('networks: add, rename, delete', () => {
  it('adds "Cluster Network N" and never mutates its input', () => {
    const raw = base();
    const before = JSON.stringify(raw);
    const out = applied(addNetwork(raw));
    expect(JSON.stringify(raw)).toBe(before);
    expect(out.networks).toEqual([
      { name: 'Public' },
      { name: 'HB', role: 'cluster' },
      { name: 'Cluster Network 3', role: 'clusterAndClient' },
    ]);
    expect(nextNetworkName({ networks: [{ name: 'cluster network 1' }] })).toBe('Cluster Network 2');
  });

  it('the first network switches to network mode and says so', () => {
    const r = addNetwork({ format: 'failover-scenario@1', nodes: [{ name: 'N1' }], groups: [] });
    expect(r.ok && r.message).toMatch(/network mode/);
  });

  it('refuses a duplicate name, also one that differs only in letter case, and blank names', () => {
    expect(reason(addNetwork(base(), 'Public'))).toBe('there is already a network named "Public"');
    expect(reason(addNetwork(base(), 'public'))).toMatch(/differs only in letter case from network "Public"/);
    expect(reason(addNetwork(base(), '  '))).toBe('a name cannot be empty');
    expect(reason(renameNetwork(base(), 'HB', 'PUBLIC'))).toMatch(/letter case/);
  });

  it('rename updates interfaces, IP Network parameters and script arguments', () => {
    const out = applied(renameNetwork(base(), 'HB', 'Heartbeat'));
    expect((out.nodes as Dict[])[1]!.interfaces).toEqual(['Public', 'Heartbeat']);
    expect((out.script as Dict[])[0]!.network).toBe('Heartbeat');
    const ip = applied(renameNetwork(base(), 'Public', 'LAN'));
    expect(((ip.groups as Dict[])[0]!.resources as Dict[])[0]!.parameters).toEqual({
      Network: 'LAN',
      Address: '10.0.0.5',
    });
    expect(validateScenario(ip).ok).toBe(true);
  });

  it('delete refuses a network the script names, and one whose loss strands a node', () => {
    expect(reason(deleteNetwork(base(), 'HB'))).toBe(
      'network "HB" is named by script[0] (failNetwork at 1000): remove those script actions first',
    );
    const one = { ...base(), script: [], nodes: [{ name: 'N1', interfaces: ['HB'] }, { name: 'N2' }] };
    expect(reason(deleteNetwork(one, 'HB'))).toMatch(/leave "N1" with no interface/);
  });

  it('delete drops the IP Network parameter (keeping Address) and the interface entries', () => {
    const out = applied(deleteNetwork({ ...base(), script: [] }, 'Public'));
    expect(out.networks).toEqual([{ name: 'HB', role: 'cluster' }]);
    expect((out.nodes as Dict[])[1]!.interfaces).toEqual(['HB']);
    expect(((out.groups as Dict[])[0]!.resources as Dict[])[0]!.parameters).toEqual({ Address: '10.0.0.5' });
  });

  it('deleting the last network leaves network mode: interfaces and parameters go too', () => {
    let raw = applied(deleteNetwork({ ...base(), script: [] }, 'HB'));
    raw = applied(deleteNetwork(raw, 'Public'));
    expect(raw.networks).toBeUndefined();
    expect((raw.nodes as Dict[]).every((n) => n.interfaces === undefined)).toBe(true);
    expect(((raw.groups as Dict[])[0]!.resources as Dict[])[0]!.parameters).toBeUndefined();
    expect(validateScenario(raw).ok).toBe(true);
  });
});

describe('network role, routed, subnet', () => {
  it('refuses a role other than clusterAndClient while an IP Address is on the network', () => {
    expect(reason(setNetworkRole(base(), 'Public', 'cluster'))).toMatch(/"IP1" is an IP Address on network "Public"/);
  });

  it('refuses role none when a node would be left without a heartbeat network', () => {
    const raw = { ...base(), nodes: [{ name: 'N1', interfaces: ['HB'] }, { name: 'N2' }] };
    expect(reason(setNetworkRole(raw, 'HB', 'none'))).toMatch(/"N1" would have no network/);
    expect(applied(setNetworkRole(base(), 'HB', 'none')).networks).toContainEqual({ name: 'HB', role: 'none' });
  });

  it('routed is written only when true; subnet is trimmed and blank removes it', () => {
    const on = applied(setNetworkRouted(base(), 'HB', true));
    expect((on.networks as Dict[])[1]).toEqual({ name: 'HB', role: 'cluster', routed: true });
    expect((applied(setNetworkRouted(on, 'HB', false)).networks as Dict[])[1]).toEqual({ name: 'HB', role: 'cluster' });
    const s = applied(setNetworkSubnet(base(), 'Public', ' 10.1.0.0/24 '));
    expect((s.networks as Dict[])[0]!.subnet).toBe('10.1.0.0/24');
    expect((applied(setNetworkSubnet(s, 'Public', '')).networks as Dict[])[0]!.subnet).toBeUndefined();
  });
});

describe('interfaces', () => {
  it('materialises the implicit list in network order, then toggles', () => {
    const out = applied(setInterface(base(), 'N1', 'Public', false));
    expect((out.nodes as Dict[])[0]!.interfaces).toEqual(['HB']);
    const back = applied(setInterface(out, 'N1', 'Public', true));
    expect((back.nodes as Dict[])[0]!.interfaces).toEqual(['Public', 'HB']);
  });

  it('refuses taking away the last heartbeat network of a node', () => {
    const raw = applied(setInterface(base(), 'N1', 'Public', false));
    expect(reason(setInterface(raw, 'N1', 'HB', false))).toMatch(/"N1" would have no interface/);
  });

  it('refuses unknown nodes and networks', () => {
    expect(reason(setInterface(base(), 'N9', 'HB', true))).toBe('there is no node named "N9"');
    expect(reason(setInterface(base(), 'N1', 'X', true))).toBe('there is no network named "X"');
  });
});

describe('IP Address parameters', () => {
  it('sets and clears Network and Address; the object disappears when empty', () => {
    let raw = applied(setIpParameter(base(), 'IP1', 'Address', ''));
    raw = applied(setIpParameter(raw, 'IP1', 'Network', undefined));
    expect(((raw.groups as Dict[])[0]!.resources as Dict[])[0]!.parameters).toBeUndefined();
    raw = applied(setIpParameter(raw, 'IP1', 'Network', 'Public'));
    expect(((raw.groups as Dict[])[0]!.resources as Dict[])[0]!.parameters).toEqual({ Network: 'Public' });
  });

  it('refuses other resource types, unknown networks, non-client networks and designs without networks', () => {
    expect(reason(setIpParameter(base(), 'Svc', 'Network', 'Public'))).toMatch(/not an IP Address/);
    expect(reason(setIpParameter(base(), 'IP1', 'Network', 'Nope'))).toBe('there is no network named "Nope"');
    expect(reason(setIpParameter(base(), 'IP1', 'Network', 'HB'))).toMatch(
      /needs a network whose role is cluster and client/,
    );
    const plain = { ...base(), networks: undefined };
    expect(reason(setIpParameter(plain, 'IP1', 'Address', '1.2.3.4'))).toMatch(/add a network first/);
  });
});
