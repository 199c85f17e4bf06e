/** The engine turns a refused machine event into an error, for every kind of entity: never dropped. */
import { describe, expect, it } from 'vitest';
import { Coordinator } from '../coordinator';
import { CONTRACT_SEMANTICS } from '../semantics';
import { validateScenario } from '../validation';

function engine() {
  const v = validateScenario({
    format: 'failover-scenario@1',
    name: 't',
    nodes: [{ name: 'N1' }, { name: 'N2' }],
    groups: [{ name: 'G', resources: [{ name: 'R' }] }],
  });
  if (!v.ok) throw new Error('invalid');
  return new Coordinator(v.scenario, { ...CONTRACT_SEMANTICS }, true);
}

describe('the engine throws on a refused event', () => {
  it('for a group, a resource and a node, naming the state it was in', () => {
    const e = engine();
    expect(() => e.groupSend(e.groups[0]!, { type: 'MOVE_DONE' })).toThrow(
      'internal: group "G" refused MOVE_DONE in placement.placed, failback.idle',
    );
    expect(() => e.groupSend(e.groups[0]!, { type: 'FAILBACK_DUE' })).toThrow(/refused FAILBACK_DUE/);
    // The cluster formed at t = 0: R's Online call is under way.
    expect(() => e.resTransition(e.resources[0]!, { type: 'OFFLINE_DONE' }, 'x')).toThrow(
      'internal: resource "R" refused OFFLINE_DONE in OnlinePending.call.calling, OnlinePending.wish.stay',
    );
    expect(() => e.resSend(e.resources[0]!, { type: 'HEALTH_WATCH' })).toThrow(
      /internal: resource "R" refused HEALTH_WATCH in OnlinePending/,
    );
    expect(() => e.nodeTransition(e.nodes[0]!, { type: 'JOINED' }, 'x')).toThrow(
      'internal: node "N1" refused JOINED in Up',
    );
  });
});
