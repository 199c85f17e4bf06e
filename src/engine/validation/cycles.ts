/** Dependency cycles among resources (contract §1: no cycles), found without recursion. */
import type { NameRegistry, NamedElement } from './names';
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
  const resources = reg.resources();
  const edges = new Map<NamedElement, NamedElement[]>();
  for (const r of resources) {
    const out: NamedElement[] = [];
    for (const n of r.dependsOnNames) {
      // By resource name only: a group or node sharing the name is not a provider (§1).
      const p = reg.lookup('resource', n);
      if (p && p !== r && p.groupIndex === r.groupIndex && !out.includes(p)) out.push(p);
    }
    edges.set(r, out);
  }

  // Tarjan's algorithm, iterative.
  const index = new Map<NamedElement, number>();
  const low = new Map<NamedElement, number>();
  const onStack = new Set<NamedElement>();
  const stack: NamedElement[] = [];
  const components: NamedElement[][] = [];
  let counter = 0;
  for (const start of resources) {
    if (index.has(start)) continue;
    const work: { v: NamedElement; next: number }[] = [{ v: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = edges.get(frame.v) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.v, Math.min(low.get(frame.v)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.v)!));
      }
      if (low.get(frame.v) === index.get(frame.v)) {
        const comp: NamedElement[] = [];
        let w: NamedElement;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.push(w);
        } while (w !== frame.v);
        if (comp.length > 1) components.push(comp);
      }
    }
  }

  const reports: CycleReport[] = [];
  for (const comp of components) {
    const members = new Set(comp);
    const first = comp.reduce((a, b) => (b.order < a.order ? b : a));
    // Shortest way from `first` back to itself inside the component (breadth first).
    const parent = new Map<NamedElement, NamedElement>();
    const queue: NamedElement[] = [first];
    let last: NamedElement | null = null;
    for (let i = 0; i < queue.length && last === null; i++) {
      const v = queue[i];
      for (const w of edges.get(v) ?? []) {
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
    if (last === null) continue; // cannot happen in a strongly connected component
    const path: string[] = [];
    for (let v: NamedElement | undefined = last; v && v !== first; v = parent.get(v)) path.push(v.name);
    reports.push({ at: first, names: [first.name, ...path.reverse(), first.name] });
  }
  reports.sort((a, b) => a.at.order - b.at.order);
  return reports;
}

export function cycleMessage(c: CycleReport): string {
  return `resource ${q(c.at.name)} is part of a dependency cycle: ${c.names.map(q).join(' → ')}`;
}
