/**
 * Helpers for the machines' path tests (xstate/graph): every snapshot reachable from the start,
 * the events a snapshot's active states list, and a check that every other event is refused.
 * Test-only code (imported by *.test.ts files).
 */
import type { StateValue } from 'xstate';
import { expect } from 'vitest';
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { machineStep, stateLabel } from './step';

/** Every snapshot reachable from the machine's start, by the shortest path to each. */
export function reachable(machine: AnyStateMachine, events: readonly EventObject[], input?: unknown) {
  return getShortestPaths(machine, { events: events as never, input } as never).map(
    (p) => p.state as AnyMachineSnapshot,
  );
}

/** Every state node of a machine as a dot path ("Online.health.watching"), leaves only. */
export function leafPaths(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const visit = (node: { path: string[]; states: Record<string, unknown> }) => {
    const children = Object.values(node.states) as (typeof node)[];
    if (!children.length && node.path.length) out.push(node.path.join('.'));
    for (const c of children) visit(c);
  };
  visit(machine.root as never);
  return out.sort();
}

/** The active leaves of a snapshot, as dot paths. */
export function leavesOf(snap: AnyMachineSnapshot): string[] {
  return stateLabel(snap.value as StateValue).split(', ');
}

/** The event types the snapshot's active state nodes (and their ancestors) list. */
export function listed(snap: AnyMachineSnapshot): Set<string> {
  const out = new Set<string>();
  for (const node of snap._nodes as { transitions: Map<string, unknown>; always?: unknown }[]) {
    for (const type of node.transitions.keys()) out.add(type);
  }
  return out;
}

/**
 * In every reachable snapshot, an event is accepted exactly when an active state lists it; every
 * other event is refused (the engine throws on a refusal). Returns how many pairs were checked.
 */
export function checkRefusals(
  machine: AnyStateMachine,
  snaps: readonly AnyMachineSnapshot[],
  events: readonly EventObject[],
) {
  let checked = 0;
  for (const snap of snaps) {
    const ok = listed(snap);
    for (const ev of events) {
      const step = machineStep(machine, snap as never, ev as never);
      const where = `${machine.id} ${stateLabel(snap.value as StateValue)} ${ev.type}`;
      expect(step !== null, where).toBe(ok.has(ev.type));
      checked++;
    }
  }
  return checked;
}
