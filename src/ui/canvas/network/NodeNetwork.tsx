/**
 * On a node's card: its site, its cluster service when that says more than the node state (a
 * Down node whose service waits to rejoin, a node stopping gracefully, §4.1), and one chip per
 * interface with its state in colour and in words (§4.9).
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../store/context';
import type { AppState } from '../../../store/types';
import { sideLabel, sideOf } from './netModel';

const SERVICE_WORDS: Record<string, string> = {
  waiting: 'service waiting to rejoin',
  stopping: 'stopping (graceful)',
  off: 'service off',
};

const pick = (name: string) => (s: AppState) => {
  const node = s.view.nodes.find((n) => n.name === name);
  const net = s.view.network;
  const side = sideOf(net).get(name);
  return {
    site: node?.site ?? null,
    service: node?.service ?? 'running',
    side: side === undefined ? -1 : side,
    // One string, so the shallow comparison sees no change while nothing changed.
    chips: (net?.networks ?? [])
      .flatMap((n) => {
        const i = n.interfaces.find((x) => x.node === name);
        return i ? [`${n.name}\u0000${i.state}\u0000${i.failed ? 1 : 0}`] : [];
      })
      .join('\u0001'),
  };
};

export const NodeNetwork = memo(function NodeNetwork({ name }: { name: string }) {
  const { site, service, side, chips: joined } = useAppStore(useShallow(pick(name)));
  const chips = joined ? joined.split('\u0001') : [];
  // A Down node's plain "service off" is already said by its Down badge; waiting and stopping are not.
  const serviceShown = service === 'waiting' || service === 'stopping';
  if (!site && !serviceShown && !chips.length && side < 0) return null;
  // One wrapping row: the region's head has room for two lines before its first group box.
  return (
    <div className="node-net">
      {site && <span className="site-tag">Site {site}</span>}
      {side >= 0 && <span className={`side-tag net-side-${side}`}>{sideLabel(side)}</span>}
      {serviceShown && (
        <span className={`service service-${service}`} data-testid={`service-${name}`}>
          {SERVICE_WORDS[service]}
        </span>
      )}
      {chips.length > 0 && (
        <ul className="if-chips" aria-label={`Interfaces of ${name}`}>
          {chips.map((k) => {
            const [network, state, failed] = k.split('\u0000');
            return (
              <li key={network} className={`if-chip if-${state}`} data-testid={`if-${name}-${network}`}>
                {network}: {state}
                {failed === '1' ? ' (cable)' : ''}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
});
