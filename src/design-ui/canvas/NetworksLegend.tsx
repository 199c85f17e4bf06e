/**
 * The networks of the design, over the canvas: each network with its role, whether it is routed,
 * its subnet, and the nodes that have an interface on it (networks.md §1.3–§1.4). Collapsible
 * (a native <details>, so the keyboard opens and closes it). Names are rendered as text.
 */
import { interfacesOf, networksOf, nodesOf, roleOf } from '../../design/netRaw';
import type { Dict as RawScenario } from '../../design/netRaw';
import { ROLE_LABELS } from '../inspector/networkFields';
import '../inspector/networks.css';

export function NetworksLegend({ raw }: { raw: RawScenario }) {
  const nets = networksOf(raw);
  if (nets.length === 0) return null;
  const nodes = nodesOf(raw);
  return (
    <details className="d-net-legend" open aria-label="Networks legend">
      <summary>Networks ({nets.length})</summary>
      <ul>
        {nets.map((n) => {
          const on = nodes.filter((x) => interfacesOf(raw, x).includes(n.name)).map((x) => String(x.name));
          const role = roleOf(n);
          return (
            <li
              key={n.name}
              className={role === 'none' ? 'is-none' : undefined}
              title={`${n.name} (${ROLE_LABELS[role]}${n.routed ? ', routed' : ''}${n.subnet ? `, ${n.subnet}` : ''}): ${on.join(', ') || 'no node'}`}
            >
              <strong className="d-name">{n.name}</strong>{' '}
              <span className="d-net-role">
                ({ROLE_LABELS[role]}
                {n.routed ? ', routed' : ''}
                {n.subnet ? `, ${n.subnet}` : ''})
              </span>
              : {on.length === 0 ? 'no node' : on.join(', ')}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
