/**
 * The selected resource's, group's or node's statechart, drawn from the XState machine definition
 * itself (machineGraph walks it), with the current state highlighted, its active sub-states shown
 * inside it and the last transition marked; it follows the simulation live.
 */
import { useCallback, useMemo } from 'react';
import { groupMachine, nodeMachine, resourceMachine } from '../../engine';
import { useAppStore } from '../../store/context';
import type { AppState, EntityRef } from '../../store/types';
import { currentState, lastTransition } from './chartStatus';
import { machineGraph, type ChartGraph } from './machineGraph';
import { boxOf, layoutChart } from './layout';
import { activeRegions, SubStates } from './SubStates';
import './statechart.css';

const GRAPHS: Record<EntityRef['kind'], ChartGraph> = {
  resource: machineGraph(resourceMachine),
  group: machineGraph(groupMachine),
  node: machineGraph(nodeMachine),
};

export function Statechart({ entity }: { entity: EntityRef }) {
  const current = useAppStore(useCallback((s: AppState) => currentState(s, entity), [entity]));
  const last = useAppStore(useCallback((s: AppState) => lastTransition(s, entity), [entity]));
  const graph = GRAPHS[entity.kind];
  const layout = useMemo(() => layoutChart(graph), [graph]);
  const leaves = useMemo(() => (current ? current.split(', ') : []), [current]);
  const boxIds = layout.boxes.map((b) => b.id);
  const isCurrent = (id: string) => leaves.some((l) => l === id || l.startsWith(`${id}.`));
  const currentBoxes = boxIds.filter(isCurrent);
  const regions = activeRegions(graph, currentBoxes, leaves);
  const isLast = (source: string, target: string) => last === `${source}→${target}`;
  // The transition that led here, and those out of the current state (its sub-states' included).
  const listed = graph.transitions.filter(
    (t) => (!t.internal && isLast(t.source, t.target)) || currentBoxes.includes(boxOf(boxIds, t.source) ?? ''),
  );
  const label = (id: string) => id.split('.').slice(-1)[0]!;
  return (
    <figure className="statechart" aria-label={`Statechart of ${entity.kind} ${entity.name}`}>
      <figcaption>
        Statechart ({graph.id} machine): <strong>{currentBoxes.map(label).join(', ') || '—'}</strong>
        {last && <span className="muted"> · last transition {last.replace('→', ' → ')}</span>}
      </figcaption>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="presentation">
        <defs>
          <marker id="sc-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
          <marker
            id="sc-arrow-last"
            className="last"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        {layout.edges.map((e) => (
          <path
            key={`${e.source}>${e.target}`}
            d={e.path}
            className={isLast(e.source, e.target) ? 'edge last' : 'edge'}
            markerEnd={isLast(e.source, e.target) ? 'url(#sc-arrow-last)' : 'url(#sc-arrow)'}
          />
        ))}
        {layout.boxes.map((b) => (
          <g
            key={b.id}
            role="img"
            aria-label={`${b.label}${isCurrent(b.id) ? ' (current)' : ''}`}
            className={isCurrent(b.id) ? 'state current' : 'state'}
          >
            <rect x={b.x} y={b.y} width={b.w} height={b.h} rx={8} />
            <text x={b.x + b.w / 2} y={b.y + b.h / 2 + 4} textAnchor="middle">
              {b.label}
            </text>
          </g>
        ))}
      </svg>
      <SubStates regions={regions} leaves={leaves} />
      <ul className="transitions" aria-label="Transitions">
        {listed.map((t, i) => (
          <li
            key={i}
            className={!t.internal && isLast(t.source, t.target) ? 'last' : undefined}
            aria-current={!t.internal && isLast(t.source, t.target) ? 'step' : undefined}
          >
            {t.source} → {t.internal ? '(stays)' : t.target} on <code>{t.event}</code>
            {t.guard && <span className="muted"> if {t.guard}</span>}
          </li>
        ))}
      </ul>
    </figure>
  );
}
