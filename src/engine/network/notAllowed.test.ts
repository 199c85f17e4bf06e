/**
 * networks.md §4.10 "Not allowed = not called": a resource not allowed on its group's owner "gets
 * no Online call there … It stays Offline: no call, no resource.state, never Failed, not counted.
 * In `final` it is `Offline`, its `node` the group's live owner". Two paths carried a Failed state
 * onto such a node (found by the network fuzzer's §4.10 check): a failover after the IP failed on
 * its cut interface, and a node-loss failover past FailoverThreshold (resources set Failed).
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type Scenario } from '../index';
import { notation } from './notation.testutil';

function scenario(json: object): Scenario {
  const v = validateScenario({ format: 'failover-scenario@1', until: 30000, ...json });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.scenario;
}

const ip = (name: string, net: string) => ({
  name,
  type: 'IP Address',
  parameters: { Network: net },
  properties: { RestartDelay: 500 },
  behavior: { onlineMs: 0, offlineMs: 0 },
});

describe('§4.10 a resource not allowed on the new owner is never Failed there', () => {
  it('an IP Failed on its cut interface goes Offline as its group leaves for a node without that network', () => {
    // N1 has LAN and HB, N2 and N3 only HB: IP-LAN is not allowed on N2. Cutting LAN fails IP-LAN
    // on N1 twice (RestartThreshold 1): the group fails over to N2, where the role runs on IP-HB.
    const s = scenario({
      networks: [{ name: 'LAN' }, { name: 'HB' }],
      nodes: [
        { name: 'N1', interfaces: ['LAN', 'HB'] },
        { name: 'N2', interfaces: ['HB'] },
        { name: 'N3', interfaces: ['HB'] },
      ],
      groups: [
        {
          name: 'G',
          resources: [
            ip('IP-LAN', 'LAN'),
            ip('IP-HB', 'HB'),
            { name: 'App', dependsOn: '[IP-LAN] or [IP-HB]', behavior: { onlineMs: 0, offlineMs: 500 } },
          ],
        },
      ],
      script: [{ at: 500, action: 'failNetwork', network: 'LAN' }],
    });
    const { events, final } = runScenario(s);
    const at1500 = events.filter((e) => e.t === 1500).map(notation);
    // Its Failed state stays on N1: it goes Offline there, before the owner change.
    const i = at1500.indexOf('1500 IP-LAN@N1 Failed→Offline');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(i).toBeLessThan(at1500.indexOf('1500 owner G N1→N2 failover'));
    // Nothing for IP-LAN on N2, ever; the group is Online there and IP-LAN is Offline in final.
    expect(events.filter((e) => 'resource' in e && e.resource === 'IP-LAN' && e.node === 'N2')).toEqual([]);
    expect(final.groups.G).toMatchObject({ state: 'Online', owner: 'N2' });
    expect(final.resources['IP-LAN']).toEqual({ state: 'Offline', node: 'N2', restartCount: 0 });
  });

  it('a node-loss failover past FailoverThreshold sets the resources Failed, except the one not allowed there', () => {
    // SF §4.5: "after a node loss: the group is given an owner … not brought online, and its
    // resources are set Failed at that instant". IP-SEA is not allowed on N2: it stays Offline.
    const s = scenario({
      networks: [
        { name: 'SEA', routed: true },
        { name: 'NYC', routed: true },
      ],
      nodes: [
        { name: 'N1', interfaces: ['SEA'] },
        { name: 'N2', interfaces: ['NYC'] },
        { name: 'N3', interfaces: ['NYC'] },
      ],
      groups: [
        {
          name: 'G',
          preferredOwners: ['N1', 'N2', 'N3'],
          properties: { FailoverThreshold: 0 },
          resources: [
            ip('IP-SEA', 'SEA'),
            ip('IP-NYC', 'NYC'),
            { name: 'App', dependsOn: '[IP-SEA] or [IP-NYC]', behavior: { onlineMs: 0, offlineMs: 500 } },
          ],
        },
      ],
      script: [{ at: 10000, action: 'crashNode', node: 'N1' }],
    });
    const { events, final } = runScenario(s);
    const res = events.filter((e) => e.t > 10000 && e.type === 'resource.state').map(notation);
    expect(res).toEqual([
      '30000 IP-SEA@N1 Online→Offline',
      '30000 App@N1 Online→Offline',
      '30000 IP-NYC@N2 Offline→Failed',
      '30000 App@N2 Offline→Failed',
    ]);
    expect(final.resources['IP-SEA']).toEqual({ state: 'Offline', node: 'N2', restartCount: 0 });
  });
});
