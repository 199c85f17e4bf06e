/** A group (role) inside its owner's region: state, activity, failover budget and timers. */
import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/context';
import type { AppState } from '../../store/types';
import { LastDecision, Meter, StateBadge, Timers } from '../parts';
import { useDetail } from './detail';
import type { GroupData } from './layout';

const pick = (name: string) => (s: AppState) => {
  const g = s.index.groups[name];
  return {
    state: g?.state ?? 'Offline',
    activity: g?.activity ?? '',
    count: g?.failovers.count ?? 0,
    threshold: g?.failovers.threshold ?? 0,
    endsAt: g?.failovers.windowEndsAt ?? null,
    selected: s.selected?.kind === 'group' && s.selected.name === name,
  };
};

export const GroupNode = memo(function GroupNode({ data }: NodeProps<Node<GroupData>>) {
  const detail = useDetail();
  return detail ? <GroupDetail name={data.name} /> : <GroupBrief name={data.name} />;
});

const pickBrief = (name: string) => (s: AppState) => ({
  state: s.index.groups[name]?.state ?? 'Offline',
  selected: s.selected?.kind === 'group' && s.selected.name === name,
});

/** Zoomed out: name and state only (see ./detail). */
function GroupBrief({ name }: { name: string }) {
  const g = useAppStore(useShallow(pickBrief(name)));
  return (
    <div className={`group-box state-bg-${g.state}${g.selected ? ' is-selected' : ''}`}>
      <div className="group-head">
        <strong className="entity-name">{name}</strong>
        <StateBadge state={g.state} />
      </div>
    </div>
  );
}

function GroupDetail({ name }: { name: string }) {
  const g = useAppStore(useShallow(pick(name)));
  return (
    <div className={`group-box state-bg-${g.state}${g.selected ? ' is-selected' : ''}`}>
      <div className="group-info">
        <div className="group-head">
          <strong className="entity-name">{name}</strong>
          <StateBadge state={g.state} />
        </div>
        <Meter
          label="failovers"
          count={g.count}
          threshold={g.threshold}
          endsAt={g.endsAt}
          endsLabel="oldest ages out in"
        />
        {g.activity && g.activity !== 'idle' && <div className="activity muted">{g.activity}</div>}
        <Timers kind="group" subject={name} />
        <LastDecision kind="group" name={name} />
      </div>
    </div>
  );
}
