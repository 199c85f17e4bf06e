/**
 * A machine's states and transitions, read from the XState definition itself (no hand-drawn
 * copy): what the statechart view draws.
 */
import type { AnyStateMachine } from 'xstate';

export interface ChartState {
  /** Path from the root, dot-separated ("Online" or "Online.checking"). */
  id: string;
  key: string;
  depth: number;
  initial: boolean;
  /** The enclosing state's id, or null at the top level. */
  parent: string | null;
  /** compound and parallel states have children; a parallel state's children (regions) are all active at once. */
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
}

export interface ChartTransition {
  source: string;
  /** The target state, or the source itself for a transition that keeps the state (context only). */
  target: string;
  /** The event, or "always" for an eventless transition. */
  event: string;
  guard: string | null;
  /** Changes context only (no target). */
  internal: boolean;
}

export interface ChartGraph {
  id: string;
  /** The machine's root is parallel (the group machine: placement and failback side by side). */
  parallel: boolean;
  states: ChartState[];
  transitions: ChartTransition[];
}

interface NodeLike {
  key: string;
  type: ChartState['type'];
  path: string[];
  states: Record<string, NodeLike>;
  initial?: { target: readonly NodeLike[] } | undefined;
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[] | undefined;
}

interface TransitionLike {
  target?: readonly NodeLike[] | undefined;
  guard?: unknown; // { type?: string } or a string in XState 5, read defensively
}

const idOf = (n: NodeLike) => n.path.join('.');

/** A guard's name; XState's `and`/`or`/`not` combinators are functions listing the guards they combine. */
function describeGuard(g: unknown): string {
  if (typeof g === 'string') return g;
  if (typeof g === 'function') {
    const parts = ((g as { guards?: unknown[] }).guards ?? []).map(describeGuard);
    if (g.name === 'not') return `not ${parts.join(', ')}`;
    if (g.name === 'and' || g.name === 'or') return parts.join(` ${g.name} `);
  }
  if (typeof g === 'object' && g !== null && typeof (g as { type?: unknown }).type === 'string')
    return (g as { type: string }).type;
  return 'guard';
}

function guardName(t: TransitionLike): string | null {
  const g = t.guard;
  if (!g) return null;
  if (typeof g === 'string' || typeof g === 'function') return describeGuard(g);
  if (typeof g === 'object' && g !== null && typeof (g as { type?: unknown }).type === 'string')
    return (g as { type: string }).type;
  return 'guard';
}

/** Walk the machine's state nodes depth first, in definition order. */
export function machineGraph(machine: AnyStateMachine): ChartGraph {
  const states: ChartState[] = [];
  const transitions: ChartTransition[] = [];
  const visit = (node: NodeLike, depth: number, initial: boolean) => {
    const parent = node.path.length > 1 ? node.path.slice(0, -1).join('.') : null;
    states.push({ id: idOf(node), key: node.key, depth, initial, parent, type: node.type });
    const edges = (event: string, list: readonly TransitionLike[]) => {
      for (const t of list) {
        const targets = t.target?.length ? t.target : null;
        for (const target of targets ?? [node]) {
          transitions.push({
            source: idOf(node),
            target: idOf(target),
            event,
            guard: guardName(t),
            internal: targets === null,
          });
        }
      }
    };
    for (const [event, list] of node.transitions) edges(event, list);
    if (node.always) edges('always', node.always);
    const initialKey = node.initial?.target[0]?.key;
    for (const child of Object.values(node.states)) visit(child, depth + 1, child.key === initialKey);
  };
  const root = machine.root as unknown as NodeLike;
  const initialKey = root.initial?.target[0]?.key;
  for (const child of Object.values(root.states)) visit(child, 0, child.key === initialKey);
  return { id: machine.id, parallel: root.type === 'parallel', states, transitions };
}
