/** A cluster node drawn as a region that contains the groups it owns. */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { Countdown, StateBadge, Timers } from '../parts';
import type { RegionData } from './layout';

const pick = (name: string) => (s: AppState) => {
  const n = s.index.nodes[name];
  return {
    state: n?.state ?? 'Down',
    detectAt: n?.crashedUndetected?.detectAt ?? null,
    vote: n?.vote ?? 0,
    selected: s.selected?.kind === 'node' && s.selected.name === name,
  };
};

export const RegionNode = memo(function RegionNode({ data }: NodeProps<Node<RegionData>>) {
  if (data.unowned) {
    return (
      <div className="region region-unowned">
        <div className="region-head">
          <strong>Unowned</strong> <span className="muted">groups with no live owner</span>
        </div>
      </div>
    );
  }
  return <LiveRegion name={data.name} />;
});

function LiveRegion({ name }: { name: string }) {
  const { state, detectAt, vote, selected } = useAppStore(useShallow(pick(name)));
  const crashed = detectAt !== null;
  const cls = crashed ? 'Crashed' : state;
  return (
    <div className={`region region-${cls}${selected ? ' is-selected' : ''}`} data-testid={`region-${name}`}>
      <div className="region-head">
        <strong className="entity-name">{name}</strong>
        {crashed ? <StateBadge state="Crashed" label={`crashed — detected in `} /> : <StateBadge state={state} />}
        {crashed && <Countdown deadline={detectAt} />}
        <span className="muted vote" title="Current quorum vote">
          vote {vote}
        </span>
      </div>
      <Timers kind="node" subject={name} skip="nodeDetection" />
    </div>
  );
}
