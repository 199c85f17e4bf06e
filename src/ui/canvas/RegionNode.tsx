/** A cluster node drawn as a region that contains the groups it owns. */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { Countdown, StateBadge, Timers } from '../parts';
import { ChipGrid } from './GroupChip';
import type { RegionData } from './layout';
import { Heartbeats } from './mechanics';
import { quorumFacts } from './quorumTrack';
import { NodeNetwork } from './network/NodeNetwork';

const pick = (name: string) => (s: AppState) => {
  const n = s.index.nodes[name];
  return {
    state: n?.state ?? 'Down',
    crashedAt: n?.crashedUndetected?.crashedAt ?? null,
    detectAt: n?.crashedUndetected?.detectAt ?? null,
    vote: n?.vote ?? 0,
    quorumStopped: n?.state === 'Down' && quorumFacts(s.events).stopped.has(name),
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
        {data.chips && <ChipGrid groups={data.chips} />}
      </div>
    );
  }
  return <LiveRegion name={data.name} chips={data.chips} />;
});

function LiveRegion({ name, chips }: { name: string; chips?: string[] }) {
  const { state, crashedAt, detectAt, vote, quorumStopped, selected } = useAppStore(useShallow(pick(name)));
  const crashed = detectAt !== null;
  // Three different "not running" looks: crashed and not yet noticed, Down (crash detected or
  // stopped by hand), and stopped because the cluster lost quorum (the machine itself is fine).
  const cls = crashed ? 'Crashed' : quorumStopped ? 'QuorumStopped' : state;
  return (
    <div
      className={`region region-${cls}${selected ? ' is-selected' : ''}`}
      data-testid={`region-${name}`}
      data-look={cls}
    >
      <div className="region-head">
        <strong className="entity-name">{name}</strong>
        {crashed ? (
          <StateBadge state="Crashed" label="crashed — detected in" />
        ) : quorumStopped ? (
          <StateBadge state="QuorumStopped" label="stopped: quorum lost" />
        ) : (
          <StateBadge state={state} />
        )}
        {crashed && <Countdown deadline={detectAt} />}
        {crashedAt !== null && <Heartbeats crashedAt={crashedAt} />}
        <span className="muted vote" title="Current quorum vote">
          vote {vote}
        </span>
      </div>
      <NodeNetwork name={name} />
      <Timers kind="node" subject={name} skip="nodeDetection" />
      {chips && <ChipGrid groups={chips} />}
    </div>
  );
}
