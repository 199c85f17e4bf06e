/** Dependency cycles among resources (contract §1: no cycles), found without recursion. */
import type { NamedElement, NameRegistry } from './names';
import { q } from './paths';

export interface CycleReport {
  /** The first resource of the cycle in document order; the cycle is reported at its dependsOn. */
  at: NamedElement;
  /** Names around the cycle, starting and ending with `at`'s name. */
  names: string[];
}

/**
 * One cycle per strongly connected component of the "depends on" graph (edges only between
 * resources of the same group, self-dependencies left out: they are reported on their own).
 */
export function findDependencyCycles(reg: NameRegistry): CycleReport[] {
  // Resources by their `seq` (position among resources); typed arrays, not Maps: 100,000 resources.
  const resources = reg.resources();
  const n = resources.length;
  const edges: number[][] = new Array<number[]>(n);
  for (let v = 0; v < n; v++) {
    const r = resources[v]!;
    const out: number[] = [];
    for (const name of r.dependsOnNames) {
      // By resource name only: a group or node sharing the name is not a provider (§1).
      const p = reg.lookup('resource', name);
      if (p && p !== r && p.groupIndex === r.groupIndex && !out.includes(p.seq)) out.push(p.seq);
    }
    edges[v] = out;
  }

  // Tarjan's algorithm, iterative. Every index below is a resource seq (0..n-1) or a stack depth
  // (≤ n), both in range of arrays of length n by construction: hence the `!`s.
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  const workV = new Int32Array(n);
  const workNext = new Int32Array(n);
  const components: number[][] = [];
  let counter = 0;
  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    workV[0] = start;
    workNext[0] = 0;
    let depth = 1;
    index[start] = low[start] = counter++;
    stack[top++] = start;
    onStack[start] = 1;
    while (depth > 0) {
      const v = workV[depth - 1]!;
      const succ = edges[v]!;
      if (workNext[depth - 1]! < succ.length) {
        const w = succ[workNext[depth - 1]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[top++] = w;
          onStack[w] = 1;
          workV[depth] = w;
          workNext[depth] = 0;
          depth++;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = workV[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack[--top]!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) components.push(comp);
      }
    }
  }

  const reports: CycleReport[] = [];
  for (const comp of components) {
    const members = new Set(comp);
    const first = comp.reduce((a, b) => (resources[b]!.order < resources[a]!.order ? b : a));
    // Shortest way from `first` back to itself inside the component (breadth first).
    const parent = new Map<number, number>();
    const queue: number[] = [first];
    let last = -1;
    for (let i = 0; i < queue.length && last === -1; i++) {
      const v = queue[i]!;
      for (const w of edges[v]!) {
        if (!members.has(w)) continue;
        if (w === first) {
          last = v;
          break;
        }
        if (!parent.has(w)) {
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
    if (last === -1) continue; // cannot happen in a strongly connected component
    const path: string[] = [];
    for (let v: number | undefined = last; v !== undefined && v !== first; v = parent.get(v))
      path.push(resources[v]!.name);
    const at = resources[first]!;
    reports.push({ at, names: [at.name, ...path.reverse(), at.name] });
  }
  reports.sort((a, b) => a.at.order - b.at.order);
  return reports;
}

export function cycleMessage(c: CycleReport): string {
  return `resource ${q(c.at.name)} is part of a dependency cycle: ${c.names.map(q).join(' → ')}`;
}
