/**
 * Path tests over the node machine (xstate/graph): every state is reachable from either start (Up
 * or Down), what a state does not list is refused, and a crash keeps the visible state until it is
 * detected (contract §4.6, §4.8).
 */
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { nodeMachine, type NodeEvent } from './nodeMachine';
import { checkRefusals, reachable } from './pathTesting';

const NODE_EVENTS: NodeEvent[] = [
  { type: 'START' },
  { type: 'JOINED' },
  { type: 'PAUSE' },
  { type: 'RESUME' },
  { type: 'CRASH', at: 5 },
  { type: 'DETECTED' },
  { type: 'STOP' },
];

describe('node machine', () => {
  const fromUp = reachable(nodeMachine, NODE_EVENTS, { initial: 'Up' });
  const fromDown = reachable(nodeMachine, NODE_EVENTS, { initial: 'Down' });

  it('reaches every state from either start (Up or Down); boot is left at once', () => {
    const values = new Set([...fromUp, ...fromDown].map((s) => s.value));
    expect([...values].sort()).toEqual(['Crashed', 'Down', 'Joining', 'Paused', 'Up']);
  });

  it('refuses what a state does not list, and a crash keeps the visible state until detection', () => {
    expect(checkRefusals(nodeMachine, [...fromUp, ...fromDown], NODE_EVENTS)).toBeGreaterThan(0);
    const up = reachable(nodeMachine, [], { initial: 'Up' })[0]!;
    const [crashed] = transition(nodeMachine, up, { type: 'CRASH', at: 5 });
    expect(crashed.context).toEqual({ visible: 'Up', crashedAt: 5 });
    const [down] = transition(nodeMachine, crashed, { type: 'DETECTED' });
    expect(down.context).toEqual({ visible: 'Down', crashedAt: null });
  });
});
