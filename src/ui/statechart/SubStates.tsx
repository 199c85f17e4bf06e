/**
 * The sub-states inside the active diagram boxes (and, for a machine whose root is parallel, its
 * other regions): one row per region, each state a chip, the active one highlighted. This is
 * where a hung call, a RestartDelay or a scheduled failback shows, below the five WSFC states.
 */
import type { ChartGraph, ChartState } from './machineGraph';

interface Region {
  id: string;
  /** The region's name ("health"), or the compound state's ("OnlinePending" for its call states). */
  label: string;
  states: ChartState[];
}

/** The regions to show for the active boxes, in definition order. */
export function activeRegions(graph: ChartGraph, boxes: readonly string[], leaves: readonly string[]): Region[] {
  const children = (id: string) => graph.states.filter((s) => s.parent === id);
  const active = (id: string) => leaves.some((l) => l === id || l.startsWith(`${id}.`));
  const out: Region[] = [];
  const regionsOf = (state: ChartState) => {
    const kids = children(state.id);
    if (!kids.length) return;
    if (state.type === 'parallel') {
      for (const k of kids) regionsOf(k);
      return;
    }
    out.push({ id: state.id, label: state.key, states: kids });
    for (const k of kids) if (active(k.id)) regionsOf(k);
  };
  for (const b of boxes) {
    const box = graph.states.find((s) => s.id === b);
    if (box && active(b)) regionsOf(box);
  }
  // A parallel root: the regions other than the one the diagram draws (the group's failback).
  if (graph.parallel) for (const r of graph.states.filter((s) => s.depth === 0).slice(1)) regionsOf(r);
  return out;
}

export function SubStates({ regions, leaves }: { regions: readonly Region[]; leaves: readonly string[] }) {
  if (!regions.length) return null;
  const active = (id: string) => leaves.some((l) => l === id || l.startsWith(`${id}.`));
  return (
    <div className="substates">
      {regions.map((r) => (
        <div key={r.id} className="sc-region">
          <span className="sc-region-name" id={`sc-region-${r.id}`}>
            {r.label}
          </span>
          <ul aria-labelledby={`sc-region-${r.id}`}>
            {r.states.map((s) => (
              <li
                key={s.id}
                className={active(s.id) ? 'sub current' : 'sub'}
                aria-current={active(s.id) ? 'true' : undefined}
              >
                {s.key}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
